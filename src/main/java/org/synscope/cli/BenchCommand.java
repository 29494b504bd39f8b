package org.synscope.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.synscope.audit.AuditStore;
import org.synscope.bench.Benchmark;
import org.synscope.bench.LoadRun;
import org.synscope.bench.Peer;
import org.synscope.config.Settings;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetMeta;
import org.synscope.index.EmbeddedDefault;
import org.synscope.index.IndexMeta;
import org.synscope.index.SenseAmender;
import org.synscope.search.LabelSearcher;
import org.synscope.web.WebServer;
import org.synscope.wordnet.Lexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code synscope bench}: builds the default {@code wordnet} dataset and imports Tiny Images into a
 * fresh index (timing both), serves it on a free port, and times the pages auditors use most: each
 * page's server time, the same request through the searcher, and (with {@code --peer sqlite}) the
 * same answers from SQLite in the same loop, after checking the two agree. With {@code --clients N}
 * it then runs N clients at once. Targets live here and in the README, never in unit tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchImagesCommand.class,
    description = "Time the default build, the Tiny Images import and seven pages (p50, p95), side by side with a"
        + " peer engine (--peer sqlite), and optionally under many clients (--clients 50 --seconds 60).")
final class BenchCommand extends CliCommand {
  private static final String PEER_CLASS = "org.synscope.bench.SqlitePeer";

  @Option(names = "--dataset", defaultValue = "tiny-images", description = "Dataset the pages look at (default ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--file", defaultValue = "../shared/datasets/tiny-images-classes.csv",
      description = "The dataset's label list, imported into the fresh index (default ${DEFAULT-VALUE}).")
  Path file;

  @Option(names = "--reuse", description = "Measure the configured --index as it is instead of building a fresh one.")
  boolean reuse;

  @Option(names = "--peer", defaultValue = "none", description = "Peer engine timed beside synscope: sqlite or none"
      + " (default ${DEFAULT-VALUE}).")
  String peerName;

  @Option(names = "--requests", defaultValue = "200", description = "Measured requests per scenario (default ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--warmup", defaultValue = "100", description = "Unmeasured requests per scenario first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--variants", defaultValue = "20",
      description = "Variants of each scenario checked against the peer before timing (default ${DEFAULT-VALUE}).")
  int variants;

  @Option(names = "--only", description = "Time only the scenarios whose name contains this text.")
  String only;

  @Option(names = "--clients", defaultValue = "0", description = "Clients at once for the load run (0: none).")
  int clients;

  @Option(names = "--seconds", defaultValue = "60", description = "Length of the load run (default ${DEFAULT-VALUE}).")
  int seconds;

  @Override
  int run() throws Exception {
    PrintWriter out = out();
    if (!peerName.equals("none") && !peerName.equals("sqlite")) {
      throw new org.synscope.config.BadInput("--peer must be sqlite or none, not '" + peerName + "'");
    }
    Settings settings = options.settings();
    Path temp = reuse ? null : Files.createTempDirectory("synscope-bench-");
    try {
      Settings benchSettings = reuse ? settings
          : new Settings(settings.home(), temp, settings.wordnet(), settings.queryTimeoutMillis(), settings.signals());
      Workspace ws = new Workspace(benchSettings);
      out.printf("synscope bench on %s (%d cores, %s %s, Java %s), %s%n", host(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
          Runtime.version(), ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
      long t0 = System.nanoTime();
      Lexicon lexicon = ws.lexicon(true);
      double lexiconSeconds = (System.nanoTime() - t0) / 1e9;
      if (!reuse) {
        build(ws, out, lexiconSeconds);
      }
      try (AuditStore audit = AuditStore.open(benchSettings.index(), false);
          LabelSearcher searcher = open(ws, lexicon, benchSettings, audit);
          Peer peer = peer()) {
        Javalin app = WebServer.create(searcher, audit, new SenseAmender(ws.catalog(), new CategoryEnricher(lexicon)),
            settings.home(), true).start("127.0.0.1", 0);
        try {
          String base = "http://127.0.0.1:" + app.port();
          Benchmark bench = new Benchmark(searcher, () -> open(ws, lexicon, benchSettings, audit), peer, base, dataset);
          long t1 = System.nanoTime();
          long categories = bench.load();
          out.printf("index: %s; %,d categories%s%n", String.join(" + ", searcher.meta().sorted().keySet()), categories,
              peer == null ? "" : String.format(", loaded into %s in %.1f s", peer.name(), (System.nanoTime() - t1) / 1e9));
          out.flush();
          List<Benchmark.Row> rows = bench.run(variants, warmup, requests, only, out);
          print(out, rows, peer);
          if (clients > 0) {
            out.printf("%nload: %d clients for %d s over the plain pages...%n", clients, seconds);
            out.flush();
            LoadRun.Result r = LoadRun.run(base, bench.pages(10), clients, seconds);
            out.printf("load: %,d requests in %.0f s (%.0f/s), %d errors%s; round trip p50 %.0f ms, p95 %.0f ms,"
                    + " p99 %.0f ms, max %.0f ms (target: 0 errors, p99 <= 1,000 ms)%n", r.requests(), r.seconds(),
                r.requests() / r.seconds(), r.errorCount(), r.errors().isEmpty() ? "" : " " + r.errors(), r.p50(), r.p95(),
                r.p99(), r.max());
            r.byPage().forEach((page, f) -> out.printf("  %-24s %,7.0f requests  p50 %6.0f ms  p99 %6.0f ms%n", page, f[0],
                f[1], f[2]));
          }
        } finally {
          app.stop();
        }
      }
    } finally {
      if (temp != null) {
        delete(temp);
      }
    }
    return 0;
  }

  /**
   * Times both builds as users run them: each in a JVM of its own on the C1 JIT ({@link OneShot}), the
   * default as {@code serve}'s first run builds it and the list as {@code ./synscope index} imports it. The
   * build times are the builds' own (as meta.json records them); the process times add the JVM's start
   * and the loading of WordNet.
   */
  private void build(Workspace ws, PrintWriter out, double lexiconSeconds) {
    if (!Files.exists(file)) {
      throw new org.synscope.config.BadInput(file + " does not exist: give the dataset's label list with --file");
    }
    String index = ws.catalog().root().toString();
    double defaultProcess = child(OneShot.buildDefault(ws.catalog().root(), options.settings().wordnet()));
    List<String> importList = new ArrayList<>(List.of("index", file.toString(), "--dataset", dataset, "--index", index));
    if (file.toString().contains("tiny-images")) {
      importList.addAll(List.of("--format", "tiny-images"));
    }
    double importProcess = child(importList);
    IndexMeta meta = ws.catalog().meta().orElseThrow();
    DatasetMeta built = meta.datasets().get(EmbeddedDefault.NAME);
    DatasetMeta imported = meta.datasets().get(dataset);
    out.printf("build, each in a JVM of its own on the C1 JIT (as serve's first run and ./synscope index run them):"
            + " default '%s' (%,d categories) built in %.1f s (target <= 10 s; process %.1f s); '%s' (%,d) imported in"
            + " %.1f s (target <= 15 s; process %.1f s); this JVM loaded WordNet in %.1f s%n", EmbeddedDefault.NAME,
        built.categories(), built.buildMillis() / 1000.0, defaultProcess, dataset, imported.categories(),
        imported.buildMillis() / 1000.0, importProcess, lexiconSeconds);
    out.flush();
  }

  /** Runs a synscope command in a one-shot JVM; its wall-clock seconds. */
  private static double child(List<String> args) {
    long t0 = System.nanoTime();
    int code = OneShot.run(args, true);
    if (code != 0) {
      throw new IllegalStateException("the bench's build step `synscope " + String.join(" ", args) + "` ended with exit code "
          + code);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static LabelSearcher open(Workspace ws, Lexicon lexicon, Settings settings, AuditStore audit) {
    return LabelSearcher.open(ws.catalog(), lexicon, settings.queryTimeoutMillis(), audit, ws.signals(lexicon));
  }

  private Peer peer() throws Exception {
    if (peerName.equals("none")) {
      return null;
    }
    try {
      return (Peer) Class.forName(PEER_CLASS).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw new org.synscope.config.BadInput("the SQLite peer is benchmark code outside the served jar: run the bench"
          + " through ./synscope, which puts target/test-classes and target/bench-lib on the class path");
    }
  }

  private static void print(PrintWriter out, List<Benchmark.Row> rows, Peer peer) {
    out.printf("%nwarm figures in ms; page = the page's server time (HTML rendered; the CSV export: full round trip);"
        + " searcher = the same request in process%s%n", peer == null ? "" : "; peer = " + peer.name() + ", same answers");
    out.printf("%-22s %8s | %8s %8s %10s | %8s %8s | %8s %8s | %7s %8s%n", "scenario", "cold", "page p50", "p95",
        "render p50", "search p50", "p95", "peer p50", "p95", "x peer", "x render");
    for (Benchmark.Row r : rows) {
      out.printf("%-22s %8.1f | %8.2f %8.2f %10s | %8.2f %8.2f | %8s %8s | %7s %8s%n", r.name(), r.cold(),
          r.page().p50(), r.page().p95(), r.render() == null ? "-" : fmt(r.render().p50()), r.synscope().p50(),
          r.synscope().p95(), r.peer() == null ? "-" : fmt(r.peer().p50()), r.peer() == null ? "-" : fmt(r.peer().p95()),
          r.peer() == null ? "-" : String.format("%.1f", r.ratio()),
          Double.isNaN(r.renderBound()) ? "-" : String.format("%.1f", r.renderBound()));
    }
    out.println("targets (issue 9): each page p50 <= 20 ms and p95 <= 50 ms; x peer (peer p50 / page p50) >= 5");
    out.println("render p50 = the Thymeleaf template's part of the page (Server-Timing render); x render = peer p50 /"
        + " render p50, the most x peer could reach were everything else free");
    System.gc();
    Runtime rt = Runtime.getRuntime();
    out.printf("heap in use after GC: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  private static String fmt(double ms) {
    return String.format("%.2f", ms);
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
