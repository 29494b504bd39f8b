package org.synscope.index;

import java.util.List;
import org.synscope.dataset.LineProblem;

/**
 * The outcome of a successful import.
 *
 * @param dataset what meta.json now records
 * @param formatGuessed true when the format was guessed from the content
 * @param skipped lines rejected and skipped under {@code --skip-bad-lines}
 * @param pins the sense overrides applied, one sentence each
 * @param warnings things worth knowing that did not stop the import
 * @param unmapped each unmapped label with its line and suggestions, one sentence each
 */
public record ImportReport(DatasetMeta dataset, boolean formatGuessed, List<LineProblem> skipped, List<String> pins,
    List<String> warnings, List<String> unmapped) {

  public ImportReport {
    unmapped = List.copyOf(unmapped);
  }
}
