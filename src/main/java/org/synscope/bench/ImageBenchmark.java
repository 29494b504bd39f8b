package org.synscope.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.synscope.images.ImageRecord;
import org.synscope.images.ImageSource;
import org.synscope.index.ImageIndexer;
import org.synscope.search.CategoryRecord;
import org.synscope.search.ImageHit;
import org.synscope.search.ImageRequest;
import org.synscope.search.ImageResult;
import org.synscope.search.LabelSearcher;

/**
 * The images benchmark: the image views of issue 10 timed through the searcher in process and, in the
 * same loop, the same answers from a peer engine loaded with the same records, after checking that both
 * agree on every variant. Scenarios: image counts under every child of person.n.01 with an engine
 * filter, image counts over the whole hierarchy, one category's first page of 100 images, and (synscope
 * alone) the whole images view of person with an engine filter: page, facets and counts.
 */
public final class ImageBenchmark {
  private static final List<String> ENGINES = List.of("flickr", "google", "altavista", "ask", "picsearch", "webshots",
      "cydral");
  private static final int PAGE = 100;

  /** A call timed per iteration {@code i} (each iteration may ask a different variant). */
  interface Call {
    void run(int i) throws Exception;
  }

  /** A scenario: synscope's call, the peer's (null: none) and the check that they agree on variant i. */
  record Scenario(String name, Call synscope, Call peer, Call check) {}

  /** One scenario's figures in milliseconds; {@code first} is its first call on this searcher. */
  public record Row(String name, double first, Benchmark.Stats synscope, Benchmark.Stats peer) {
    /** How many times faster than the peer synscope is (peer p50 / synscope p50). */
    public double ratio() {
      return peer == null ? Double.NaN : peer.p50() / synscope.p50();
    }
  }

  private final LabelSearcher searcher;
  private final ImagePeer peer;
  private final String dataset;
  private final String root;
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> withImages = new ArrayList<>();

  /** @param peer null to time synscope alone */
  public ImageBenchmark(LabelSearcher searcher, ImagePeer peer, String dataset) {
    this.searcher = searcher;
    this.peer = peer;
    this.dataset = dataset;
    this.root = searcher.node("entity.n.01").id();
  }

  /**
   * Numbers the dataset's categories, picks those with images for the page scenario, and loads the peer
   * with the categories, WordNet's hyponym edges between their nodes and {@code source}'s records; returns
   * the seconds the peer took (reading the records included).
   */
  public double load(ImageSource source) throws Exception {
    List<ImagePeer.Category> categories = new ArrayList<>();
    Set<String> nodes = new LinkedHashSet<>();
    List<CategoryRecord> all = new ArrayList<>();
    searcher.dump(all::add);
    for (CategoryRecord c : all) {
      if (c.dataset().equals(dataset)) {
        ids.put(c.key(), categories.size());
        categories.add(new ImagePeer.Category(categories.size(), c.key(), c.synset(), c.ancestors()));
        nodes.addAll(c.ancestors());
        if (c.images() != null && c.images() > 0) {
          withImages.add(c.key());
        }
      }
    }
    Collections.shuffle(withImages, new Random(42));
    if (peer == null) {
      return 0;
    }
    long started = System.nanoTime();
    Map<String, List<String>> children = new LinkedHashMap<>();
    for (String n : nodes) {
      List<String> kids = searcher.lexicon().hyponyms(n).stream().filter(nodes::contains).toList();
      if (!kids.isEmpty()) {
        children.put(n, kids);
      }
    }
    try (Stream<ImageRecord> records = source.records()) {
      Iterator<ImageRecord> it = records.iterator();
      peer.load(categories, children, new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public ImagePeer.Row next() {
          ImageRecord r = it.next();
          String key = ImageIndexer.key(r);
          Integer id = ids.get(key);
          if (id == null) {
            // An image whose class the category import does not know: a category of its own, unmapped.
            id = ids.size();
            ids.put(key, id);
            categories.add(new ImagePeer.Category(id, key, null, List.of()));
          }
          String year = r.metadata().get("year");
          return new ImagePeer.Row(r.n(), id, r.metadata().get("engine"), r.metadata().get("domain"),
              year == null ? 0 : Integer.parseInt(year));
        }
      });
    }
    return (System.nanoTime() - started) / 1e9;
  }

  List<Scenario> scenarios() {
    List<Scenario> out = new ArrayList<>();
    out.add(new Scenario("children of person + engine", i -> searcher.imageCounts(children(i)),
        peer == null ? null : i -> peer.counts(Benchmark.PERSON, false, engine(i)),
        peer == null ? null : i -> same("the children of person with engine=" + engine(i),
            searcher.imageCounts(children(i)), peer.counts(Benchmark.PERSON, false, engine(i)))));
    ImageRequest everything = new ImageRequest(dataset, "", null, null, Map.of(), 1, 1);
    out.add(new Scenario("whole hierarchy (root)", i -> searcher.imageCounts(everything),
        peer == null ? null : i -> peer.counts(root, true, null),
        peer == null ? null : i -> same("the whole hierarchy", searcher.imageCounts(everything),
            peer.counts(root, true, null))));
    out.add(new Scenario("a category's first 100", i -> searcher.images(page(i)),
        peer == null ? null : i -> peer.page(ids.get(category(i)), PAGE),
        peer == null ? null : i -> {
          List<Long> ours = searcher.images(page(i)).images().stream().map(ImageHit::n).toList();
          List<Long> theirs = peer.page(ids.get(category(i)), PAGE);
          Agreement.fail("the first page of " + category(i), ours.equals(theirs) ? List.of()
              : List.of("synscope " + ours + ", peer " + theirs));
        }));
    out.add(new Scenario("images view: person + engine", i -> searcher.images(new ImageRequest(dataset, "",
        Benchmark.PERSON, null, Map.of("engine", Set.of(engine(i))), 1, PAGE)), null, null));
    return out;
  }

  private ImageRequest children(int i) {
    return new ImageRequest(dataset, "", Benchmark.PERSON, null, Map.of("engine", Set.of(engine(i))), 1, 1);
  }

  private ImageRequest page(int i) {
    return new ImageRequest(dataset, "", null, category(i), Map.of(), 1, PAGE);
  }

  private static String engine(int i) {
    return ENGINES.get(i % ENGINES.size());
  }

  private String category(int i) {
    return withImages.get(i % withImages.size());
  }

  private static void same(String what, ImageResult.Hierarchy ours, ImagePeer.Counts peer) {
    List<String> diffs = new ArrayList<>();
    Map<String, Long> children = new LinkedHashMap<>();
    ours.children().forEach(c -> children.put(c.synset(), c.images()));
    Agreement.same(diffs, "images", ours.images(), peer.images());
    Agreement.same(diffs, "children", children, peer.children());
    Agreement.same(diffs, "unmapped", ours.unmapped(), peer.unmapped());
    Agreement.fail(what, diffs);
  }

  /**
   * Checks agreement on {@code variants} variants of every scenario with a peer, then times
   * {@code requests} iterations (after {@code warmup}) of each; the first call of each is reported apart.
   */
  public List<Row> run(int variants, int warmup, int requests, PrintWriter log) throws Exception {
    List<Scenario> scenarios = scenarios();
    List<Row> rows = new ArrayList<>();
    double[] first = new double[scenarios.size()];
    for (int s = 0; s < scenarios.size(); s++) {
      long t0 = System.nanoTime();
      scenarios.get(s).synscope().run(0);
      first[s] = (System.nanoTime() - t0) / 1e6;
    }
    if (peer != null) {
      int checked = 0;
      for (Scenario s : scenarios) {
        if (s.check() != null) {
          for (int i = 0; i < variants; i++) {
            s.check().run(i);
          }
          checked++;
        }
      }
      log.printf("synscope and %s agree on %d variants of each of the %d compared scenarios.%n", peer.name(), variants,
          checked);
      log.flush();
    }
    for (int s = 0; s < scenarios.size(); s++) {
      Scenario sc = scenarios.get(s);
      for (int i = 0; i < warmup; i++) {
        sc.synscope().run(i + 7919);
        if (sc.peer() != null) {
          sc.peer().run(i + 7919);
        }
      }
      double[] ours = new double[requests];
      double[] theirs = new double[requests];
      for (int i = 0; i < requests; i++) {
        long t0 = System.nanoTime();
        sc.synscope().run(i);
        ours[i] = (System.nanoTime() - t0) / 1e6;
        if (sc.peer() != null) {
          t0 = System.nanoTime();
          sc.peer().run(i);
          theirs[i] = (System.nanoTime() - t0) / 1e6;
        }
      }
      rows.add(new Row(sc.name(), first[s], Benchmark.Stats.of(ours), sc.peer() == null ? null
          : Benchmark.Stats.of(theirs)));
    }
    return rows;
  }
}
