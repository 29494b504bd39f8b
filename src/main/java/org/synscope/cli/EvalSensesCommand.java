package org.synscope.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.synscope.dataset.GoldSenses;
import org.synscope.report.SenseEvaluation;
import org.synscope.search.LabelSearcher;
import org.synscope.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synscope eval-senses GOLD.tsv --dataset D}: primary senses against a gold set. */
@Command(name = "eval-senses", mixinStandardHelpOptions = true,
    description = "Score a dataset's primary senses against a gold file (label<TAB>wnid, #alt<TAB>label<TAB>wnid).")
final class EvalSensesCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "GOLD", description = "The gold file.")
  Path gold;

  @Option(names = "--dataset", required = true, paramLabel = "D", description = "The dataset holding the gold labels.")
  String dataset;

  @Option(names = "--json", description = "Print the evaluation as JSON.")
  boolean json;

  @Option(names = "--confusion", paramLabel = "N", defaultValue = "30",
      description = "Wrong labels to list (default ${DEFAULT-VALUE}; all with --json).")
  int confusion;

  @Override
  int run() throws Exception {
    SenseEvaluation e;
    try (LabelSearcher searcher = workspace().searcher(System.err)) {
      searcher.requireDataset(dataset); // before the file: a mistyped dataset is said as such, not as the file's lines
      e = SenseEvaluation.run(GoldSenses.read(gold), dataset, searcher);
    }
    PrintWriter out = out();
    if (json) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e));
      return 0;
    }
    out.printf("eval-senses %s on dataset '%s' (%s, %s)%n", gold, dataset, InetAddress.getLocalHost().getHostName(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
    out.printf("  gold labels scored %,d (missing from the dataset: %,d)%n%n", e.labels(), e.missing());
    out.printf("  %-34s %10s %18s%n", "", "synscope", "WordNet 1st sense");
    out.printf("  %-34s %5d %5.1f%% %11d %5.1f%%%n", "correct (strict)", e.correct(), e.percent(e.correct()),
        e.firstSense().correct(), e.percent(e.firstSense().correct()));
    out.printf("  %-34s %5d %5.1f%% %11d %5.1f%%%n", "correct (gold or alternative)", e.correctWithAlternatives(),
        e.percent(e.correctWithAlternatives()), e.firstSense().correctWithAlternatives(),
        e.percent(e.firstSense().correctWithAlternatives()));
    out.printf("  %-34s %5d %18d%n", "wrongly under person.n.01", e.wrongUnderPerson(), e.firstSense().wrongUnderPerson());
    out.printf("  %-34s %5d%n", "unmapped", e.unmapped());
    out.printf("  %-34s %5d (%d of them wrong)%n", "low-confidence choices", e.lowConfidence(), e.lowConfidenceWrong());
    out.printf("  %-34s %5d%n%n", "wrong but marked confident", e.confidentWrong());
    out.println("  per status (correct / all): " + String.join(", ", e.byStatus().entrySet().stream()
        .map(s -> s.getKey() + " " + s.getValue()[0] + "/" + s.getValue()[1]).toList()));
    if (!e.confusion().isEmpty()) {
      out.printf("%n  wrong (%d):%n", e.confusion().size());
      e.confusion().stream().limit(confusion).forEach(m -> out.printf("    %-26s %-10s %-9s got %-24s gold %s%n",
          Reports.cut(m.label(), 26), m.status(), m.sense() == null ? "-" : m.sense(),
          m.chosenName() == null ? "(unmapped)" : m.chosenName(), m.goldName()));
      if (e.confusion().size() > confusion) {
        out.printf("    ... and %d more (--confusion N, or --json for all)%n", e.confusion().size() - confusion);
      }
    }
    return 0;
  }
}
