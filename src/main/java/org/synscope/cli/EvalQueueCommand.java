package org.synscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.synscope.dataset.CategoryKeys;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.LineProblem;
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
    Set<String> answers = read(truth);
    PrintWriter out = out();
    try (LabelSearcher searcher = workspace().searcher(System.err)) {
      long started = System.nanoTime();
      QueueEvaluation e = searcher.evalQueue(dataset, pool, answers, at);
      if (json) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("found", e.found());
        m.put("alphabetical", e.alphabetical());
        m.put("static", e.staticOrder());
        m.put("auc_static", e.aucStatic());
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
      out.printf("%n  ROC AUC of the static risk score: %.4f%n", e.aucStatic());
    }
    return 0;
  }

  private static Set<String> read(Path file) {
    Set<String> out = new HashSet<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException ex) {
      throw new DatasetException(List.of(new LineProblem(file.toString(), 0, "cannot read: " + ex.getMessage())));
    }
    for (String line : lines) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        out.add(CategoryKeys.isWnid(t) ? t : CategoryKeys.ofLabel(t));
      }
    }
    if (out.isEmpty()) {
      throw new DatasetException(List.of(new LineProblem(file.toString(), 0, "no wnid or label in the truth list")));
    }
    return out;
  }
}
