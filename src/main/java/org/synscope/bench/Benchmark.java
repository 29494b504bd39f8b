package org.synscope.bench;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.synscope.search.CategoryRecord;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchRequest;
import org.synscope.web.HitCsv;
import org.synscope.web.SearchParams;

/**
 * The side-by-side benchmark: each scenario is a page an auditor opens, timed three ways in the same
 * loop (the page's server time from its Server-Timing header; the same request through the searcher
 * in process; the peer's SQL for the same answer), after checking that synscope and the peer agree.
 */
public final class Benchmark {
  /** Where the index's WordNet puts person.n.01 (3.0 and 3.1 share the offset). */
  public static final String PERSON = "n00007846";
  private static final List<String> FLAGS = List.of("disparagement", "ethnic-slur", "obscenity", "slang",
      "offensive-gloss");

  /** A call timed per iteration {@code i} (each iteration may ask a different variant). */
  interface Call {
    void run(int i) throws Exception;
  }

  /**
   * @param page the page's path and query (null: the scenario has no page of its own)
   * @param synscope the same answer through the searcher
   * @param peer the peer's answer (null without a peer)
   * @param check compares synscope's and the peer's answers for variant i (null without a peer)
   * @param streamed true when the page streams (no Server-Timing; its time is the full round trip)
   */
  record Scenario(String name, IntFunction<String> page, Call synscope, Call peer, Call check, boolean streamed) {}

  /**
   * One scenario's figures in milliseconds.
   *
   * @param render the template's share of the page's server time (Server-Timing {@code render}; null for a
   *     streamed page, which renders as it writes)
   */
  public record Row(String name, double cold, Stats page, Stats render, Stats synscope, Stats peer) {
    /** How many times faster than the peer the page is (peer p50 / page p50). */
    public double ratio() {
      return peer == null ? Double.NaN : peer.p50() / page.p50();
    }

    /** How many times faster than the peer the page would be with nothing but its rendering (peer p50 / render p50). */
    public double renderBound() {
      return peer == null || render == null ? Double.NaN : peer.p50() / render.p50();
    }
  }

  /** p50 and p95 of a sample, in milliseconds. */
  public record Stats(double p50, double p95, double max) {
    static Stats of(double[] ms) {
      return new Stats(percentile(ms, 50), percentile(ms, 95), percentile(ms, 100));
    }
  }

  private final LabelSearcher searcher;
  private final Supplier<LabelSearcher> fresh;
  private final Peer peer;
  private final String base;
  private final String dataset;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> words = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();

  /**
   * @param fresh opens a new searcher on the same index (for the cold figure: the first request after opening)
   * @param peer null to time synscope alone
   * @param base the running server's URL
   */
  public Benchmark(LabelSearcher searcher, Supplier<LabelSearcher> fresh, Peer peer, String base, String dataset) {
    this.searcher = searcher;
    this.fresh = fresh;
    this.peer = peer;
    this.base = base;
    this.dataset = dataset;
  }

  /** Loads the peer with synscope's categories and WordNet's hyponym edges between their nodes; returns the categories. */
  public long load() throws Exception {
    List<CategoryRecord> all = new ArrayList<>();
    searcher.dump(all::add);
    Set<String> nodes = new LinkedHashSet<>();
    Set<String> seenWords = new LinkedHashSet<>();
    for (CategoryRecord c : all) {
      nodes.addAll(c.ancestors());
      if (c.dataset().equals(dataset)) {
        labels.add(c.key());
        String first = c.label().replace('_', ' ').split("[ .'-]")[0].toLowerCase(java.util.Locale.ROOT);
        if (first.matches("[a-z]{3,}") && searcher.analyze(first).size() == 1) {
          seenWords.add(first);
        }
      }
    }
    words.addAll(seenWords);
    Collections.shuffle(labels, new Random(42));
    Collections.shuffle(words, new Random(42));
    if (peer != null) {
      Map<String, List<String>> children = new LinkedHashMap<>();
      for (String n : nodes) {
        List<String> kids = searcher.lexicon().hyponyms(n).stream().filter(nodes::contains).toList();
        if (!kids.isEmpty()) {
          children.put(n, kids);
        }
      }
      Map<String, List<String>> shown = new java.util.HashMap<>();
      searcher.export(SearchRequest.all(), h -> shown.put(h.dataset() + "/" + h.key(), HitCsv.values(h)));
      peer.load(all, children, shown);
    }
    return all.size();
  }

  /** The scenarios of the issue: home, text search, drill, drill with a flag, category page, tree, CSV export. */
  List<Scenario> scenarios() {
    String d = enc(dataset);
    String root = searcher.node("entity.n.01").id();
    List<Scenario> out = new ArrayList<>();
    out.add(search("home page /", i -> "/", i -> SearchRequest.all(), i -> peer.search(null, null, null, null, root,
        SearchRequest.DEFAULT_SIZE)));
    out.add(search("text search + facets", i -> "/search?q=" + enc(word(i)) + "&dataset=" + d + "&sort=label",
        null, i -> peer.search(dataset, searcher.analyze(word(i)).get(0), null, null, root, SearchRequest.DEFAULT_SIZE)));
    out.add(search("drill person.n.01", i -> "/search?dataset=" + d + "&under=" + PERSON + "&sort=label", null,
        i -> peer.search(dataset, null, PERSON, null, PERSON, SearchRequest.DEFAULT_SIZE)));
    out.add(search("drill person + flag", i -> "/search?dataset=" + d + "&under=" + PERSON + "&flag=" + flag(i)
        + "&sort=label", null, i -> peer.search(dataset, null, PERSON, flag(i), PERSON, SearchRequest.DEFAULT_SIZE)));
    out.add(new Scenario("category page", i -> "/c/" + d + "/" + enc(label(i)).replace("+", "%20"),
        i -> searcher.category(dataset, label(i)), peer == null ? null : i -> peer.category(dataset, label(i)),
        peer == null ? null : i -> Agreement.check("category " + label(i), searcher.category(dataset, label(i)),
            peer.category(dataset, label(i))), false));
    String tree = "/tree?dataset=" + d + "&under=" + PERSON;
    out.add(new Scenario("tree of person.n.01", i -> tree, i -> searcher.tree(request(tree)),
        peer == null ? null : i -> peer.tree(dataset, PERSON),
        peer == null ? null : i -> Agreement.check("the tree of person", searcher.tree(request(tree)),
            peer.tree(dataset, PERSON)), false));
    String csv = "/search.csv?dataset=" + d + "&under=" + PERSON + "&sort=label";
    out.add(new Scenario("CSV export of person", i -> csv, i -> {
      HitCsv rows = new HitCsv(new org.synscope.io.Utf8Writer(java.io.OutputStream.nullOutputStream(), 1 << 16));
      searcher.export(request(csv), HitCsv.FIXED, rows::row);
    }, peer == null ? null : i -> peer.export(dataset, PERSON, new StringBuilder()),
        peer == null ? null : i -> {
          java.io.StringWriter ours = new java.io.StringWriter();
          HitCsv rows = new HitCsv(ours);
          searcher.export(request(csv), HitCsv.FIXED, rows::row);
          StringBuilder theirs = new StringBuilder();
          peer.export(dataset, PERSON, theirs);
          Agreement.fail("the CSV export of person", Agreement.text(ours.toString(), theirs.toString()));
        }, true));
    return out;
  }

  private interface PeerSearch {
    Peer.Answer run(int i) throws Exception;
  }

  /** A search page scenario: the page, the same request through the searcher, the peer's answer. */
  private Scenario search(String name, IntFunction<String> page, IntFunction<SearchRequest> request, PeerSearch peerCall) {
    IntFunction<SearchRequest> req = request != null ? request : i -> request(page.apply(i));
    return new Scenario(name, page, i -> searcher.search(req.apply(i)), peer == null ? null : peerCall::run,
        peer == null ? null : i -> Agreement.check(name + " (" + page.apply(i) + ")",
            Agreement.of(searcher.search(req.apply(i))), peerCall.run(i)), false);
  }

  /**
   * Checks agreement on {@code variants} variants of every scenario, measures the cold first request,
   * then times {@code requests} iterations (after {@code warmup}) of each scenario.
   */
  public List<Row> run(int variants, int warmup, int requests, String only, PrintWriter log) throws Exception {
    List<Scenario> scenarios = scenarios().stream().filter(s -> only == null || s.name().contains(only)).toList();
    if (peer != null) {
      for (Scenario s : scenarios) {
        for (int i = 0; i < variants; i++) {
          s.check().run(i);
        }
      }
      log.printf("synscope and %s agree on %d variants of each of the %d scenarios.%n", peer.name(), variants,
          scenarios.size());
      log.flush();
    }
    List<Row> rows = new ArrayList<>();
    for (Scenario s : scenarios) {
      double cold;
      try (LabelSearcher first = fresh.get()) {
        long t0 = System.nanoTime();
        new Benchmark(first, null, null, base, dataset).withSamples(this).scenario(s.name()).synscope().run(0);
        cold = (System.nanoTime() - t0) / 1e6;
      }
      int n = s.streamed() ? Math.max(10, requests / 10) : requests;
      for (int i = 0; i < (s.streamed() ? Math.max(3, warmup / 10) : warmup); i++) {
        page(s, i + 7919);
        s.synscope().run(i + 7919);
        if (s.peer() != null) {
          s.peer().run(i + 7919);
        }
      }
      double[] page = new double[n];
      double[] render = new double[n];
      double[] ours = new double[n];
      double[] theirs = new double[n];
      for (int i = 0; i < n; i++) {
        double[] times = page(s, i);
        page[i] = times[0];
        render[i] = times[1];
        long t0 = System.nanoTime();
        s.synscope().run(i);
        ours[i] = (System.nanoTime() - t0) / 1e6;
        if (s.peer() != null) {
          t0 = System.nanoTime();
          s.peer().run(i);
          theirs[i] = (System.nanoTime() - t0) / 1e6;
        }
      }
      rows.add(new Row(s.name(), cold, Stats.of(page), s.streamed() ? null : Stats.of(render), Stats.of(ours),
          s.peer() == null ? null : Stats.of(theirs)));
    }
    return rows;
  }

  private Benchmark withSamples(Benchmark other) {
    words.addAll(other.words);
    labels.addAll(other.labels);
    return this;
  }

  private Scenario scenario(String name) {
    return scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static final java.util.regex.Pattern APP_TIME = java.util.regex.Pattern.compile("\\bapp;dur=([0-9.]+)");
  private static final java.util.regex.Pattern RENDER_TIME = java.util.regex.Pattern.compile("\\brender;dur=([0-9.]+)");

  /**
   * The page's server time and the template's part of it (Server-Timing), or its full round trip and 0
   * when it streams.
   */
  private double[] page(Scenario s, int i) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<Void> r = get(http, base + s.page().apply(i));
    double trip = (System.nanoTime() - t0) / 1e6;
    if (s.streamed()) {
      return new double[] {trip, 0};
    }
    String timing = r.headers().firstValue("Server-Timing").orElse("");
    java.util.regex.Matcher app = APP_TIME.matcher(timing);
    java.util.regex.Matcher render = RENDER_TIME.matcher(timing);
    if (!app.find() || !render.find()) {
      throw new IllegalStateException(s.page().apply(i) + " sent no Server-Timing app and render times");
    }
    return new double[] {Double.parseDouble(app.group(1)), Double.parseDouble(render.group(1))};
  }

  /** The plain pages of the scenarios (for the load run). */
  public List<String> pages(int variants) {
    List<String> out = new ArrayList<>();
    for (Scenario s : scenarios()) {
      if (!s.streamed()) {
        for (int i = 0; i < variants; i++) {
          out.add(s.page().apply(i));
        }
      }
    }
    return out;
  }

  static HttpResponse<Void> get(HttpClient http, String url) throws Exception {
    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    return r;
  }

  private String word(int i) {
    return words.get(i % words.size());
  }

  private String label(int i) {
    return labels.get(i % labels.size());
  }

  private static String flag(int i) {
    return FLAGS.get(i % FLAGS.size());
  }

  /** The search request a page's query string makes, parsed as the web server parses it. */
  static SearchRequest request(String pathAndQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    int q = pathAndQuery.indexOf('?');
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        params.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return SearchParams.parse(params);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
