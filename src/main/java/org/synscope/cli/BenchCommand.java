package org.synscope.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.synscope.audit.AuditStore;
import org.synscope.dataset.Format;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.search.Facet;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchRequest;
import org.synscope.search.Selection;
import org.synscope.search.SortOrder;
import org.synscope.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code synscope bench}: serves the index on a free port and measures the server time of the pages
 * auditors use most (p50, p95), as reported by the Server-Timing header, plus the round trip. Targets
 * live here, never in unit tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure server time per request (p50, p95) for the home page, a text search, a drill into"
        + " person.n.01 and a category page.")
final class BenchCommand extends CliCommand {
  @Option(names = "--dataset", defaultValue = "tiny-images", description = "Dataset to measure (default ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--file", defaultValue = "../shared/datasets/tiny-images-classes.csv",
      description = "Imported first when the dataset is not in the index (default ${DEFAULT-VALUE}).")
  Path file;

  @Option(names = "--requests", defaultValue = "300", description = "Measured requests per scenario (default ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--warmup", defaultValue = "150", description = "Unmeasured requests per scenario first (default ${DEFAULT-VALUE}).")
  int warmup;

  record Scenario(String name, IntFunction<String> path) {}

  @Override
  int run() throws Exception {
    PrintWriter out = out();
    Workspace ws = workspace();
    boolean present = ws.catalog().meta().map(m -> m.datasets().containsKey(dataset)).orElse(false);
    if (!present) {
      if (!Files.exists(file)) {
        throw new IllegalArgumentException("dataset '" + dataset + "' is not indexed and " + file + " does not exist");
      }
      out.printf("Importing %s as '%s' first...%n", file, dataset);
      new DatasetIndexer(ws.catalog(), new CategoryEnricher(ws.lexicon(true)))
          .index(new DatasetIndexer.Request(dataset, file, file.toString().contains("tiny-images") ? Format.TINY_IMAGES : null,
              false, null), ConsoleProgress.stderr());
    }
    try (AuditStore audit = ws.audit(false); LabelSearcher searcher = ws.searcher(System.err, audit)) {
      List<String> labels = sampleLabels(searcher);
      Javalin app = WebServer.create(searcher, audit,
          new org.synscope.index.SenseAmender(ws.catalog(), new CategoryEnricher(searcher.lexicon())),
          options.settings().home(), true).start("127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + app.port();
        String d = URLEncoder.encode(dataset, StandardCharsets.UTF_8);
        List<Scenario> scenarios = List.of(
            new Scenario("home page /", i -> "/"),
            new Scenario("text search", i -> "/search?q=" + enc(firstWord(labels.get(i % labels.size()))) + "&dataset=" + d),
            new Scenario("drill into person.n.01", i -> "/search?dataset=" + d + "&under=n00007846"),
            new Scenario("category page", i -> "/c/" + d + "/" + enc(labels.get(i % labels.size())).replace("+", "%20")));
        HttpClient http = HttpClient.newHttpClient();
        out.printf("%nsynscope bench: %s, %,d categories in the index, %d warm-up + %d measured requests per scenario,"
                + " one client, %d cores, Java %s%n%n", dataset, searcher.meta().datasets().values().stream()
                .mapToLong(m -> m.categories()).sum(), warmup, requests, Runtime.getRuntime().availableProcessors(),
            Runtime.version());
        out.printf("%-26s %10s %10s %10s   %10s %10s%n", "scenario", "server p50", "server p95", "server max",
            "trip p50", "trip p95");
        for (Scenario s : scenarios) {
          for (int i = 0; i < warmup; i++) {
            get(http, base + s.path().apply(i + 7919));
          }
          double[] server = new double[requests];
          double[] trip = new double[requests];
          for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<Void> r = get(http, base + s.path().apply(i));
            trip[i] = (System.nanoTime() - t0) / 1e6;
            server[i] = Double.parseDouble(r.headers().firstValue("Server-Timing").orElse("app;dur=0").replaceAll(".*dur=", ""));
          }
          out.printf("%-26s %8.1f ms %8.1f ms %8.1f ms   %8.1f ms %8.1f ms%n", s.name(), pct(server, 50), pct(server, 95),
              pct(server, 100), pct(trip, 50), pct(trip, 95));
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf("%nheap in use after GC: %,d MB; index on disk: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20,
            size(options.settings().index()) >> 20);
        out.println("targets (issue 3): p50 under 50 ms, p95 under 150 ms");
      } finally {
        app.stop();
      }
    }
    return 0;
  }

  private List<String> sampleLabels(LabelSearcher searcher) {
    List<String> labels = new ArrayList<>();
    searcher.export(new SearchRequest("", null, Map.of(Facet.DATASET, new Selection(Set.of(dataset), Set.of())),
        List.of(), SortOrder.LABEL, 1, 50), h -> labels.add(h.key()));
    Collections.shuffle(labels, new Random(42));
    return labels.subList(0, Math.min(labels.size(), 2_000));
  }

  private static HttpResponse<Void> get(HttpClient http, String url) throws Exception {
    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    return r;
  }

  private static String firstWord(String label) {
    String w = label.replace('_', ' ').split("[ .'-]")[0];
    return w.isEmpty() ? label : w;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static double pct(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
