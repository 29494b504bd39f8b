package org.synscope.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synscope.risk.RiskWeights;
import org.synscope.risk.Signal;
import org.synscope.search.Facet;
import org.synscope.search.FacetValue;
import org.synscope.search.LabelSearcher;
import org.synscope.search.QueueRequest;
import org.synscope.search.SearchException;
import org.synscope.search.SearchRequest;
import org.synscope.search.Selection;
import org.synscope.search.SortOrder;

/** Thin handlers of the risk pages: the signal definitions and the review queue. */
final class RiskPages {
  private final LabelSearcher searcher;
  private final View view;

  RiskPages(LabelSearcher searcher, View view) {
    this.searcher = searcher;
    this.view = view;
  }

  /**
   * One signal with how many categories it marks in each dataset, and, for a user's signal, the datasets
   * of {@link #BROAD_MIN} or more categories where it is broad: more than {@link #BROAD} of them (the
   * built-in ones stay under it on Tiny Images; a user's cue such as "a" marks thousands and swamps the
   * risk order).
   */
  record SignalView(Signal signal, Map<String, Long> categories, String url, List<String> broad) {}

  /** The share of a dataset's categories above which a user's signal is called broad. */
  static final double BROAD = 0.05;
  /** Datasets smaller than this are not judged for breadth. */
  static final long BROAD_MIN = 1_000;

  /** The signals page and its twin. */
  record SignalsPage(List<SignalView> signals, double weight, double high, double medium, boolean reveal, int masked,
      boolean maskedText, String revealUrl) {}

  void signals(Context ctx) {
    view.render(ctx, "signals", "Signals", "/signals.json", signalsPage(searcher, SearchParams.reveal(ctx.queryParamMap())));
  }

  void signalsJson(Context ctx) {
    ctx.json(signalsPage(searcher, SearchParams.reveal(ctx.queryParamMap())));
  }

  /** An anchor as the page names it: masked where trees mask the synset's name (coolie.n.01), unless revealed. */
  private static Signal.Synset shown(LabelSearcher searcher, Signal.Synset s, boolean reveal, int[] masked) {
    boolean sensitive = !reveal && org.synscope.index.PathNode.of(searcher.lexicon(), s.id()).sensitive();
    masked[0] += sensitive ? 1 : 0;
    return sensitive ? new Signal.Synset(s.id(), Masking.maskName(s.name()), s.reason(), s.line()) : s;
  }

  private static Signal.Synset reasoned(Signal.Synset s, Redactor words) {
    return new Signal.Synset(s.id(), s.name(), words.apply(s.reason()), s.line());
  }

  /** The signals page: every signal with the categories it marks per dataset. */
  static SignalsPage signalsPage(LabelSearcher searcher, boolean reveal) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (String dataset : searcher.meta().sorted().keySet()) {
      var selections = new java.util.EnumMap<Facet, Selection>(Facet.class);
      selections.put(Facet.DATASET, new Selection(java.util.Set.of(dataset), java.util.Set.of()));
      var result = searcher.search(new SearchRequest("", null, selections, List.of(), SortOrder.LABEL, 1, 1));
      totals.put(dataset, result.total());
      for (FacetValue v : result.facets().getOrDefault(Facet.SIGNAL, List.of())) {
        counts.computeIfAbsent(v.value(), k -> new LinkedHashMap<>()).put(dataset, v.categories());
      }
    }
    List<SignalView> out = new ArrayList<>();
    int[] masked = {0};
    // Reasons and cues are free text: a word a label would be masked for is masked in them too (runt, hillbilly).
    Redactor words = reveal ? Redactor.none() : Redactor.none().withWords(MaskedWords.of(searcher.lexicon()), null);
    for (Signal given : searcher.signals().values()) {
      Signal s = new Signal(given.name(), words.apply(given.title()), words.apply(given.definition()),
          words.apply(given.basis()), given.scope(),
          given.anchors().stream().map(a -> shown(searcher, a, reveal, masked)).map(a -> reasoned(a, words)).toList(),
          given.excludes().stream().map(a -> shown(searcher, a, reveal, masked)).map(a -> reasoned(a, words)).toList(),
          given.cues().stream().map(c -> new Signal.Cue(words.apply(c.text()), words.apply(c.reason()), c.line()))
              .toList(), given.source());
      Map<String, Long> marked = counts.getOrDefault(s.name(), Map.of());
      List<String> broad = s.source().startsWith("built-in") ? List.of() : broad(marked, totals);
      out.add(new SignalView(s, marked, "/search?signal=" + SearchUrls.encode(s.name()) + (reveal ? "&reveal=1" : ""),
          broad));
    }
    return new SignalsPage(out, RiskWeights.SIGNAL, RiskWeights.HIGH, RiskWeights.MEDIUM, reveal, masked[0], words.active(),
        reveal ? "/signals" : "/signals?reveal=1");
  }

  /** The datasets (with the share) where a user's signal marks more than {@link #BROAD} of the categories. */
  static List<String> broad(Map<String, Long> marked, Map<String, Long> totals) {
    List<String> out = new ArrayList<>();
    marked.forEach((dataset, n) -> {
      long total = totals.getOrDefault(dataset, 0L);
      // Only on a dataset big enough for a share to mean something (1 of CIFAR's 100 is 1%).
      if (total >= BROAD_MIN && n > BROAD * total) {
        out.add(String.format(java.util.Locale.ROOT, "%s (%.1f%%)", dataset, 100.0 * n / total));
      }
    });
    return out;
  }

  void queue(Context ctx) {
    QueuePage page = queuePage(ctx);
    view.render(ctx, "queue", "Review queue: " + page.dataset(), page.ui().json(), page);
  }

  void queueJson(Context ctx) {
    ctx.json(queuePage(ctx));
  }

  private QueuePage queuePage(Context ctx) {
    String dataset = ctx.queryParam("dataset");
    if (dataset == null || dataset.isBlank()) {
      throw SearchException.badRequest("give ?dataset= (one of " + String.join(", ", searcher.meta().sorted().keySet()) + ")");
    }
    // An empty value is no value, as on the search page (a form submits its empty fields).
    int size = SearchParams.number(ctx.queryParamMap(), "size", QueueRequest.DEFAULT_SIZE);
    String under = ctx.queryParam("under");
    under = under == null || under.isBlank() ? null : under.strip();
    boolean reveal = SearchParams.reveal(ctx.queryParamMap());
    String self = "/queue?dataset=" + SearchUrls.encode(dataset) + (size == QueueRequest.DEFAULT_SIZE ? "" : "&size=" + size)
        + (under == null ? "" : "&under=" + SearchUrls.encode(under)) + (reveal ? "&reveal=1" : "");
    return QueuePage.of(searcher.queue(new QueueRequest(dataset, size, under)), self, reveal);
  }
}
