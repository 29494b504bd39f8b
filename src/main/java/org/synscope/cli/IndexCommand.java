package org.synscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.synscope.audit.AuditStore;
import org.synscope.dataset.Format;
import org.synscope.dataset.SenseOverrides;
import org.synscope.dataset.LineProblem;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.ImportReport;
import org.synscope.wordnet.SensePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synscope index FILE --dataset NAME}: import (or re-import) a dataset's label list. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Import a label list as a dataset (re-importing replaces it atomically).")
final class IndexCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The label list (.gz is read transparently).")
  Path file;

  @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "Dataset name, e.g. tiny-images.")
  String dataset;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "tiny-images, labels, wnids, csv, tsv or jsonl (guessed from the content when omitted).")
  Format format;

  @Option(names = "--skip-bad-lines", description = "Index the good lines; count and list the rejected ones.")
  boolean skipBadLines;

  @Option(names = "--senses", paramLabel = "FILE", description = "Sense overrides: label<TAB>wnid a line.")
  Path senses;

  @Option(names = "--sense-policy", paramLabel = "POLICY", converter = PolicyConverter.class,
      description = "How an ambiguous label gets its primary sense: first (WordNet's first sense; default for"
          + " tiny-images lists) or dataset (the sense that fits the other labels; default otherwise).")
  SensePolicy policy;

  @Option(names = "--context", paramLabel = "SYNSET", split = ",",
      description = "Synsets the whole list lies under (ids or names, e.g. animal.n.01); narrows ambiguous labels.")
  List<String> context = new ArrayList<>();

  @Option(names = "--hints", paramLabel = "FILE",
      description = "JSON {group: [labels]} (e.g. CIFAR-100's coarse classes): each group's labels count as each other's close context, and its name as one more member.")
  Path hints;

  private static final int UNMAPPED_SHOWN = 10;

  @Override
  int run() {
    Workspace ws = workspace();
    ws.requireIndexOrEmptyDirectory();
    // Auditors' recorded corrections pin their categories in every re-import.
    Map<String, SenseOverrides.Pin> corrections = new LinkedHashMap<>();
    try (AuditStore audit = ws.audit(false)) {
      audit.corrections().latest(dataset).forEach((key, c) -> corrections.put(key, c.pin()));
    }
    var request = new DatasetIndexer.Request(dataset, file, format, skipBadLines, senses, policy, context, hints,
        corrections);
    ImportReport report = new DatasetIndexer(ws.catalog(), new CategoryEnricher(ws.lexicon(true)))
        .index(request, ConsoleProgress.stderr());
    PrintWriter out = out();
    PrintWriter err = err();
    int shown = 0;
    for (LineProblem p : report.skipped()) {
      if (shown++ < Main.PROBLEMS_SHOWN) {
        err.println("skipped " + Terminal.safe(p.toString()));
      }
    }
    if (report.skipped().size() > Main.PROBLEMS_SHOWN) {
      err.printf("... and %,d more skipped lines (the first %d are listed by 'synscope stats --dataset %s --json')%n",
          report.skipped().size() - Main.PROBLEMS_SHOWN, report.dataset().rejectedLines().size(), dataset);
    }
    report.warnings().forEach(w -> err.println("warning: " + w));
    report.pins().forEach(p -> out.println("override: " + p));
    report.unmapped().stream().limit(UNMAPPED_SHOWN).forEach(u -> out.println("unmapped: " + Terminal.safe(u)));
    if (report.unmapped().size() > UNMAPPED_SHOWN) {
      out.printf("... and %,d more unmapped labels (synscope senses unmapped --dataset %s lists them all)%n",
          report.unmapped().size() - UNMAPPED_SHOWN, dataset);
    }
    out.print(Reports.importSummary(report));
    return 0;
  }

  /** Parses a sense policy for picocli. */
  static final class PolicyConverter extends ParsedValue<SensePolicy> {
    PolicyConverter() {
      super(SensePolicy::parse);
    }
  }

  /** Parses a format name for picocli. */
  static final class FormatConverter extends ParsedValue<Format> {
    FormatConverter() {
      super(Format::parse);
    }
  }
}
