package org.synscope.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.audit.AuditStore;
import org.synscope.audit.FlagList;
import org.synscope.audit.ReviewStatus;
import org.synscope.flags.BuiltInFlags;
import org.synscope.index.DatasetMeta;
import org.synscope.search.Facet;
import org.synscope.search.FacetValue;
import org.synscope.search.Hit;
import org.synscope.search.LabelSearcher;
import org.synscope.search.NodeCount;
import org.synscope.search.SearchException;
import org.synscope.search.SearchRequest;
import org.synscope.search.SearchResult;
import org.synscope.search.Selection;
import org.synscope.search.SortOrder;
import org.synscope.search.TreeResult;

/** Builds audit cards from searches, so every number is the one the search page shows for the same filter. */
public final class AuditCards {
  private static final int TOP = 5;

  private final LabelSearcher searcher;
  private final AuditStore audit;

  public AuditCards(LabelSearcher searcher, AuditStore audit) {
    this.searcher = searcher;
    this.audit = audit;
  }

  /** The card of one dataset. */
  public AuditCard card(String dataset) {
    DatasetMeta meta = searcher.meta().datasets().get(dataset);
    if (meta == null) {
      throw SearchException.notFound("no dataset '" + dataset + "'; indexed: "
          + String.join(", ", searcher.meta().sorted().keySet()));
    }
    SearchRequest base = in(dataset);
    SearchResult all = searcher.search(base);
    Map<String, FlagList> lists = audit == null ? Map.of() : audit.lists().all();

    List<AuditCard.Source> sources = new ArrayList<>();
    for (FacetValue v : all.facets().get(Facet.FLAG)) {
      FlagList list = lists.get(v.value());
      String origin = list != null ? "list " + list.source() + " (" + list.kind() + ", " + list.type() + ")" : origin(v.value());
      String reach = list != null ? list.reach() : "categories whose senses WordNet marks so (any sense)";
      sources.add(new AuditCard.Source(v.value(), origin, reach, v.categories(), v.images(),
          top(base.withSelection(Facet.FLAG, new Selection(Set.of(v.value()), Set.of())))));
    }

    Map<String, long[]> review = new LinkedHashMap<>();
    all.facets().get(Facet.REVIEW).forEach(v -> review.put(v.value(), new long[] {v.categories(), v.images()}));
    long[] none = review.getOrDefault("unreviewed", new long[2]);
    AuditCard.Reviewed reviewed = new AuditCard.Reviewed(all.total() - none[0], all.images() - none[1], none[0], none[1]);
    List<AuditCard.Count> decisions = new ArrayList<>();
    for (ReviewStatus s : ReviewStatus.values()) {
      long[] c = review.getOrDefault(s.key(), new long[2]);
      decisions.add(new AuditCard.Count(s.key(), c[0], c[1]));
    }

    SearchRequest unsafe = base.withSelection(Facet.REVIEW,
        new Selection(Set.of(ReviewStatus.OFFENSIVE.key(), ReviewStatus.SENSITIVE.key()), Set.of()));
    Set<String> offensive = new LinkedHashSet<>(BuiltInFlags.OFFENSIVE);
    lists.values().stream().filter(FlagList::offensive).forEach(l -> offensive.add(l.name()));
    SearchRequest flagged = base.withSelection(Facet.FLAG, new Selection(offensive, Set.of()));

    return new AuditCard(dataset, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        new AuditCard.IndexVersion(searcher.meta().generation(), meta.builtAt(), meta.source(), meta.sha256(), meta.wordnet(),
            audit == null ? 0 : audit.journal().count(r -> r.dataset().equals(dataset)), lists.size()),
        all.total(), all.images(), all.imagesKnown() > 0, sources, reviewed, decisions,
        subtrees(base, unsafe), lexfiles(all, flagged, unsafe));
  }

  private List<AuditCard.Top> top(SearchRequest request) {
    SearchRequest r = new SearchRequest(request.query(), request.under(), request.selections(), request.meta(),
        SortOrder.IMAGES, 1, TOP);
    List<AuditCard.Top> out = new ArrayList<>();
    for (Hit h : searcher.search(r).hits()) {
      out.add(new AuditCard.Top(h.dataset(), h.key(), h.label(), h.synset(), h.images(), h.sensitive()));
    }
    return out;
  }

  /** The top-level subtrees: the children of physical_entity.n.01, abstraction.n.06 and thing.n.08. */
  private List<AuditCard.Breakdown> subtrees(SearchRequest base, SearchRequest unsafe) {
    Map<String, AuditCard.Breakdown> rows = new LinkedHashMap<>();
    TreeResult root = searcher.tree(base);
    for (TreeResult.Branch top : root.children()) {
      TreeResult level = searcher.tree(base.withUnder(top.node().synset()));
      TreeResult judged = searcher.tree(unsafe.withUnder(top.node().synset()));
      Map<String, NodeCount> judgedBy = new LinkedHashMap<>();
      judged.children().forEach(b -> judgedBy.put(b.node().synset(), b.node()));
      for (TreeResult.Branch b : level.children()) {
        NodeCount n = b.node();
        NodeCount j = judgedBy.get(n.synset());
        rows.put(n.synset(), new AuditCard.Breakdown(n.name(), "/search?dataset=" + base.selection(Facet.DATASET).include()
            .iterator().next() + "&under=" + n.synset(), n.categories(), n.images(), n.flagged(), n.flaggedImages(),
            j == null ? 0 : j.categories(), j == null ? 0 : j.images()));
      }
    }
    return rows.values().stream().sorted((a, b) -> Long.compare(b.categories(), a.categories())).toList();
  }

  /**
   * Per lexicographer file. "Offensive-flagged" is the union of the offensive flags and lists and the
   * categories reviewed offensive (as the hierarchy counts it): the flagged ones, plus those reviewed
   * offensive that carry none of those flags.
   */
  private List<AuditCard.Breakdown> lexfiles(SearchResult all, SearchRequest flagged, SearchRequest unsafe) {
    Selection offensiveFlags = flagged.selection(Facet.FLAG);
    SearchRequest reviewedOnly = flagged.withSelection(Facet.FLAG, new Selection(Set.of(), offensiveFlags.include()))
        .withSelection(Facet.REVIEW, new Selection(Set.of(ReviewStatus.OFFENSIVE.key()), Set.of()));
    Map<String, FacetValue> flaggedBy = byValue(searcher.search(flagged).facets().get(Facet.LEXFILE));
    Map<String, FacetValue> reviewedBy = byValue(searcher.search(reviewedOnly).facets().get(Facet.LEXFILE));
    Map<String, FacetValue> unsafeBy = byValue(searcher.search(unsafe).facets().get(Facet.LEXFILE));
    String dataset = flagged.selection(Facet.DATASET).include().iterator().next();
    List<AuditCard.Breakdown> out = new ArrayList<>();
    for (FacetValue v : all.facets().get(Facet.LEXFILE)) {
      long[] f = sum(flaggedBy.get(v.value()), reviewedBy.get(v.value()));
      long[] u = sum(unsafeBy.get(v.value()), null);
      out.add(new AuditCard.Breakdown(v.value(), "/search?dataset=" + dataset + "&lexfile=" + v.value(), v.categories(),
          v.images(), f[0], f[1], u[0], u[1]));
    }
    return out;
  }

  private static long[] sum(FacetValue a, FacetValue b) {
    return new long[] {(a == null ? 0 : a.categories()) + (b == null ? 0 : b.categories()),
        (a == null ? 0 : a.images()) + (b == null ? 0 : b.images())};
  }

  private static Map<String, FacetValue> byValue(List<FacetValue> values) {
    Map<String, FacetValue> out = new LinkedHashMap<>();
    values.forEach(v -> out.put(v.value(), v));
    return out;
  }

  private static String origin(String flag) {
    return switch (flag) {
      case "offensive-gloss" -> "WordNet gloss phrases";
      case "person" -> "WordNet hierarchy (under person.n.01)";
      case "occupation" -> "WordNet hierarchy (under an occupation's subtree)";
      default -> "WordNet usage domain";
    };
  }

  /** Every category of one dataset. */
  static SearchRequest in(String dataset) {
    return new SearchRequest("", null, Map.of(Facet.DATASET, new Selection(Set.of(dataset), Set.of())), List.of(),
        SortOrder.RELEVANCE, 1, SearchRequest.DEFAULT_SIZE);
  }
}
