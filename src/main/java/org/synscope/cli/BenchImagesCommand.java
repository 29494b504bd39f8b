package org.synscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.synscope.bench.ImageBenchmark;
import org.synscope.bench.ImagePeer;
import org.synscope.config.BadInput;
import org.synscope.config.Settings;
import org.synscope.dataset.Format;
import org.synscope.images.ImageSource;
import org.synscope.images.SyntheticTiny;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.ImageIndexer;
import org.synscope.index.ImageSetMeta;
import org.synscope.index.ImportReport;
import org.synscope.search.LabelSearcher;
import org.synscope.wordnet.Lexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code synscope bench images}: synthetic Tiny Images records (real class sizes) imported into a fresh
 * index, timed with their heap and index size, then the image views timed through the searcher and, with
 * {@code --peer duckdb}, the same answers from DuckDB in the same loop after checking the two agree.
 * {@code --generate DIR} only writes the records as {@code DIR/tiny_metadata.bin}.
 */
@Command(name = "images", mixinStandardHelpOptions = true,
    description = "Import synthetic Tiny Images records (or write them with --generate DIR) and time the image views,"
        + " side by side with DuckDB (--peer duckdb).")
final class BenchImagesCommand extends CliCommand {
  private static final String PEER_CLASS = "org.synscope.bench.DuckDbPeer";

  @Option(names = "--records", paramLabel = "N", description = "Records to make, spread over the classes in proportion"
      + " to their real sizes (default: all 79,302,017).")
  Long records;

  @Option(names = "--generate", paramLabel = "DIR", description = "Write DIR/tiny_metadata.bin (768 bytes a record)"
      + " and stop; synscope images import reads it back.")
  Path generate;

  @Option(names = "--classes", defaultValue = "../shared/datasets/tiny-images-classes.csv", paramLabel = "FILE",
      description = "Tiny Images' class list (class_ind,class_name,n_images; default ${DEFAULT-VALUE}).")
  Path classes;

  @Option(names = "--dataset", defaultValue = "tiny-images", description = "Dataset name (default ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--peer", defaultValue = "none", description = "Peer engine timed beside synscope: duckdb or none"
      + " (default ${DEFAULT-VALUE}).")
  String peerName;

  @Option(names = "--requests", defaultValue = "100", description = "Measured requests per scenario (default ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--warmup", defaultValue = "30", description = "Unmeasured requests per scenario first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--variants", defaultValue = "7",
      description = "Variants of each scenario checked against the peer before timing (default ${DEFAULT-VALUE}).")
  int variants;

  @Option(names = "--threads", description = "Import threads (default: one per core).")
  Integer threads;

  @Override
  int run() throws Exception {
    PrintWriter out = out();
    if (!peerName.equals("none") && !peerName.equals("duckdb")) {
      throw new BadInput("--peer must be duckdb or none, not '" + peerName + "'");
    }
    if (records != null && records < 1) {
      throw new BadInput("--records must be 1 or more");
    }
    if (!Files.exists(classes)) {
      throw new BadInput(classes + " does not exist: give Tiny Images' class list with --classes");
    }
    SyntheticTiny generator = SyntheticTiny.load(classes, records);
    if (generate != null) {
      return generate(generator, out);
    }
    Settings settings = options.settings();
    Path temp = Files.createTempDirectory("synscope-bench-images-");
    try {
      // A generous deadline: the first request after opening lays out the columns of every image.
      Settings bench = new Settings(settings.home(), temp, settings.wordnet(), Math.max(60_000,
          settings.queryTimeoutMillis()), settings.signals());
      Workspace ws = new Workspace(bench);
      out.printf("synscope bench images on %s (%d cores, %s %s, Java %s), %s%n", BenchCommand.host(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
          Runtime.version(), ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
      Lexicon lexicon = ws.lexicon(true);
      ImportReport made = new DatasetIndexer(ws.catalog(), new CategoryEnricher(lexicon)).index(
          new DatasetIndexer.Request(dataset, classes, Format.TINY_IMAGES, false, null), ConsoleProgress.stderr());
      out.printf("categories: '%s' (%,d) imported from %s in %.1f s%n", dataset, made.dataset().categories(), classes,
          made.dataset().buildMillis() / 1000.0);
      out.flush();
      ImageSetMeta set = importImages(ws, lexicon, generator, out);
      try (LabelSearcher searcher = LabelSearcher.open(ws.catalog(), lexicon, bench.queryTimeoutMillis(), null,
          ws.signals(lexicon));
          ImagePeer peer = peer(); ImageSource source = generator.source()) {
        ImageBenchmark benchmark = new ImageBenchmark(searcher, peer, dataset);
        double seconds = benchmark.load(source);
        if (peer != null) {
          out.printf("peer: %s loaded %,d rows with its Appender in %.1f s (the records made again included)%n",
              peer.name(), set.images(), seconds);
          out.flush();
        }
        print(out, benchmark.run(variants, warmup, requests, out), peer);
      }
    } finally {
      delete(temp);
    }
    return 0;
  }

  private int generate(SyntheticTiny generator, PrintWriter out) throws IOException {
    Files.createDirectories(generate);
    Path file = generate.resolve("tiny_metadata.bin");
    ConsoleProgress progress = ConsoleProgress.stderr();
    progress.start("writing " + file, generator.count());
    long t0 = System.nanoTime();
    generator.writeFile(file, progress::advance);
    progress.finish();
    out.printf("Wrote %,d synthetic records (%,d bytes) to %s in %.1f s; import them with: synscope images import %s"
        + " --dataset D%n", generator.count(), Files.size(file), file, (System.nanoTime() - t0) / 1e9, file);
    return 0;
  }

  private ImageSetMeta importImages(Workspace ws, Lexicon lexicon, SyntheticTiny generator, PrintWriter out)
      throws IOException {
    AtomicLong peak = new AtomicLong();
    var memory = ManagementFactory.getMemoryMXBean();
    Thread sampler = Thread.ofPlatform().daemon().start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    long t0 = System.nanoTime();
    ImageSetMeta set;
    try (ImageSource source = generator.source()) {
      set = new ImageIndexer(ws.catalog(), new DatasetIndexer(ws.catalog(), new CategoryEnricher(lexicon)),
          threads != null ? threads : Runtime.getRuntime().availableProcessors()).index(dataset, source,
          ConsoleProgress.stderr()).meta();
    } finally {
      sampler.interrupt();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long bytes = size(ws.catalog().root().resolve(set.directory()));
    out.printf("import: %,d synthetic records (%s, %,d classes) in %.1f s = %,.0f records/s; full size at this rate:"
            + " %.1f min (target: 79,302,017 in <= 20 min)%n", set.images(), classes, set.categories(), seconds,
        set.images() / seconds, SyntheticTiny.TINY_IMAGES / (set.images() / seconds) / 60);
    out.printf("index: %,d bytes = %.1f bytes per record (target <= 60)%n", bytes, (double) bytes / set.images());
    out.printf("heap: max %,d MB; in use after GC %,d MB; highest seen during the import %,d MB, garbage included"
            + " (target <= 4,096 MB)%n", rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20,
        peak.get() >> 20);
    out.flush();
    return set;
  }

  private ImagePeer peer() throws Exception {
    if (peerName.equals("none")) {
      return null;
    }
    try {
      return (ImagePeer) Class.forName(PEER_CLASS).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw new BadInput("the DuckDB peer is benchmark code outside the served jar: run the bench through"
          + " ./synscope, which puts target/test-classes and target/bench-lib on the class path");
    }
  }

  private static void print(PrintWriter out, List<ImageBenchmark.Row> rows, ImagePeer peer) {
    out.printf("%nwarm figures in ms; synscope = the request through the searcher in process%s; first = a scenario's"
        + " first request (the very first lays out the index's counting columns, once per snapshot)%n",
        peer == null ? "" : "; peer = " + peer.name() + ", same answers");
    out.printf("%-30s %9s | %9s %9s | %9s %9s | %7s%n", "scenario", "first", "synscope", "p95", "peer p50", "p95",
        "x peer");
    for (ImageBenchmark.Row r : rows) {
      out.printf("%-30s %9.1f | %9.2f %9.2f | %9s %9s | %7s%n", r.name(), r.first(), r.synscope().p50(),
          r.synscope().p95(), r.peer() == null ? "-" : String.format("%.2f", r.peer().p50()),
          r.peer() == null ? "-" : String.format("%.2f", r.peer().p95()),
          r.peer() == null ? "-" : String.format("%.1f", r.ratio()));
    }
    out.println("targets (issue 10): children with a filter p50 <= 100 ms; whole hierarchy p50 <= 300 ms; a category's"
        + " first page p50 <= 50 ms; faster than the peer on each");
    System.gc();
    Runtime rt = Runtime.getRuntime();
    out.printf("heap in use after GC, index open: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
