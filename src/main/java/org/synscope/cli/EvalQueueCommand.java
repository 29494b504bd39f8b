package org.synscope.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.synscope.audit.FlagListReader;
import org.synscope.config.BadInput;
import org.synscope.dataset.DatasetException;
import org.synscope.search.LabelSearcher;
import org.synscope.search.QueueEvaluation;
import org.synscope.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synscope eval-queue --dataset D --truth FILE}: how fast the review queue finds the unsafe categories. */
@Command(name = "eval-queue", mixinStandardHelpOptions = true,
    description = "Simulate an auditor answering the review queue from a truth list; print the unsafe found after N reviews.")
final class EvalQueueCommand extends CliCommand {
  @Option(names = "--dataset", required = true, paramLabel = "D", description = "The dataset.")
  String dataset;

  @Option(names = "--truth", required = true, paramLabel = "FILE",
      description = "The unsafe categories: wnids or labels, one a line, # comments.")
  Path truth;

  @Option(names = "--pool", paramLabel = "SYNSET", description = "Only categories under this synset (e.g. person.n.01).")
  String pool;

  @Option(names = "--at", split = ",", paramLabel = "N", defaultValue = "100,300,600,1000",
      description = "Numbers of reviews to report (default ${DEFAULT-VALUE}).")
  List<Integer> at = new ArrayList<>();

  @Option(names = "--json", description = "Print {found, alphabetical, static, auc_static} as JSON.")
  boolean json;

  @Override
  int run() throws Exception {
    if (at.isEmpty() || at.stream().anyMatch(n -> n == null || n < 1)) {
      throw new BadInput("--at takes numbers of reviews, each 1 or more (e.g. 100,300,600), not " + at);
    }
    PrintWriter out = out();
    try (LabelSearcher searcher = workspace().searcher(System.err)) {
      searcher.requireDataset(dataset); // before the file: a mistyped dataset is said as such, not as the file's lines
      Set<String> answers = read(truth);
      long started = System.nanoTime();
      QueueEvaluation e = searcher.evalQueue(dataset, pool, answers, at);
      if (e.unsafe() == 0) {
        throw new BadInput("none of the " + answers.size() + " entries of " + truth + " is a category of '" + dataset + "'"
            + (pool == null ? "" : " under " + pool) + "; check the dataset, the pool and the file (wnids or labels)");
      }
      if (json) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("found", e.found());
        m.put("alphabetical", e.alphabetical());
        m.put("static", e.staticOrder());
        m.put("auc_static", Double.isNaN(e.aucStatic()) ? null : e.aucStatic()); // undefined: no pair to rank
        m.put("pool", e.pool());
        m.put("unsafe", e.unsafe());
        m.put("transferred", e.transferred());
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
        return 0;
      }
      out.printf("eval-queue on '%s'%s against %s (%s, %s, %.1f s)%n", dataset, pool == null ? "" : " under " + pool, truth,
          InetAddress.getLocalHost().getHostName(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
          (System.nanoTime() - started) / 1e9);
      out.printf("  pool %,d categories, %,d of them unsafe; the queue started from %,d transferred decisions%n%n",
          e.pool(), e.unsafe(), e.transferred());
      out.printf("  %-10s %12s %14s %12s%n", "reviews", "learning", "alphabetical", "static");
      for (String n : e.found().keySet()) {
        out.printf("  %-10s %12d %14d %12d%n", n, e.found().get(n), e.alphabetical().get(n), e.staticOrder().get(n));
      }
      out.printf("%n  ROC AUC of the static risk score: %s%n", Double.isNaN(e.aucStatic())
          ? "n/a (every category of the pool is unsafe, or none is: no pair to rank)"
          : String.format(java.util.Locale.ROOT, "%.4f", e.aucStatic()));
    }
    return 0;
  }

  private static final String NOT_READ = "the truth list was not read";

  /** The truth list, read as a flag list is (wnids or labels, a BOM dropped, bad lines named). */
  private static Set<String> read(Path file) {
    FlagListReader.Result list;
    try {
      list = FlagListReader.read(file, null);
    } catch (DatasetException e) {
      throw new DatasetException(e.problems(), NOT_READ);
    }
    if (!list.problems().isEmpty()) {
      throw new DatasetException(list.problems(), NOT_READ);
    }
    Set<String> out = new HashSet<>();
    list.entries().forEach(e -> out.add(e.value()));
    return out;
  }
}
