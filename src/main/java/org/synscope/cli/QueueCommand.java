package org.synscope.cli;

import java.io.PrintWriter;
import org.synscope.search.LabelSearcher;
import org.synscope.search.QueueRequest;
import org.synscope.search.QueueResult;
import org.synscope.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synscope queue --dataset D}: the next categories to review, highest expected risk first. */
@Command(name = "queue", mixinStandardHelpOptions = true,
    description = "The next unreviewed categories to review, ranked by a model of the decisions so far with the risk score as prior.")
final class QueueCommand extends CliCommand {
  @Option(names = "--dataset", required = true, paramLabel = "D", description = "The dataset to review.")
  String dataset;

  @Option(names = "--size", defaultValue = "20", paramLabel = "N", description = "How many (1 to 1,000; default ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--under", paramLabel = "SYNSET", description = "Only categories under this synset.")
  String under;

  @Option(names = "--json", description = "Print the same JSON as /queue.json.")
  boolean json;

  @Override
  int run() throws Exception {
    PrintWriter out = out();
    try (LabelSearcher searcher = workspace().searcher(System.err)) {
      QueueResult q = searcher.queue(new QueueRequest(dataset, size, under));
      if (json) {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(q));
        return 0;
      }
      out.printf("queue of %s: %,d unreviewed; trained on %,d decisions%s%n", dataset, q.unreviewed(),
          q.trainedOn().examples(), q.trainedOn().sources().isEmpty() ? " (none yet: static risk order)" : ":");
      q.trainedOn().sources().forEach(s -> out.printf("  %s: %,d (%s)%n", s.source(), s.examples(), s.note()));
      out.printf("%n%4s  %-28s %-26s %6s %-6s %-5s  %s%n", "#", "LABEL", "NAME", "SCORE", "RISK", "LANE", "WHY");
      int n = 0;
      for (QueueResult.Item i : q.items()) {
        out.printf("%4d  %-28s %-26s %6.3f %-6s %-5s  %s%n", ++n, Reports.cut(i.label(), 28),
            Reports.cut(i.name() == null ? "-" : i.name(), 26), i.score(), i.risk(), i.lane(), String.join("; ", i.why()));
      }
    }
    return 0;
  }
}
