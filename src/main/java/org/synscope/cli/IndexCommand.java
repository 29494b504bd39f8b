package org.synscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.synscope.dataset.Format;
import org.synscope.dataset.LineProblem;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.ImportReport;
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

  @Override
  int run() {
    Workspace ws = workspace();
    var request = new DatasetIndexer.Request(dataset, file, format, skipBadLines, senses);
    ImportReport report = new DatasetIndexer(ws.catalog(), new CategoryEnricher(ws.lexicon(true)))
        .index(request, ConsoleProgress.stderr());
    PrintWriter out = out();
    PrintWriter err = err();
    int shown = 0;
    for (LineProblem p : report.skipped()) {
      if (shown++ < Main.PROBLEMS_SHOWN) {
        err.println("skipped " + p);
      }
    }
    if (report.skipped().size() > Main.PROBLEMS_SHOWN) {
      err.printf("... and %,d more skipped lines (the first %d are listed by 'synscope stats --dataset %s --json')%n",
          report.skipped().size() - Main.PROBLEMS_SHOWN, report.dataset().rejectedLines().size(), dataset);
    }
    report.warnings().forEach(w -> err.println("warning: " + w));
    report.pins().forEach(p -> out.println("override: " + p));
    out.print(Reports.importSummary(report));
    return 0;
  }

  /** Parses a format name for picocli. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.parse(value);
    }
  }
}
