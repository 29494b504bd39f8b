package org.synscope.dataset;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.synscope.config.BadInput;

/** The label-list formats synscope reads. */
public enum Format {
  /** CSV {@code class_ind,class_name,n_images}: the 80 Million Tiny Images class list. */
  TINY_IMAGES("tiny-images"),
  /** One label a line, optional TAB and image count. */
  LABELS("labels"),
  /** One {@code n########} a line, optional TAB and image count (ImageNet lists). */
  WNIDS("wnids"),
  /** CSV with a header naming a {@code label} and/or {@code wnid} column. */
  CSV("csv"),
  /** Tab-separated, otherwise like CSV. */
  TSV("tsv"),
  /** One JSON object a line with {@code label} and/or {@code wnid}. */
  JSONL("jsonl");

  private final String key;

  Format(String key) {
    this.key = key;
  }

  /** The name used on the command line. */
  public String key() {
    return key;
  }

  /** Parses a format name; the error lists the accepted ones. */
  public static Format parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (Format f : values()) {
      if (f.key.equals(t)) {
        return f;
      }
    }
    throw new BadInput("unknown format '" + text + "' (use one of "
        + Arrays.stream(values()).map(Format::key).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return key;
  }
}
