package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.synscope.index.DatasetMeta;
import org.synscope.index.IndexMeta;
import org.synscope.index.PathNode;

/** A search request answered: its page of hits, its facets with drill-sideways, its hierarchy; the tree; exports. */
final class FacetedSearch {
  private static final int EXPORT_BATCH = 20_000; // each batch re-runs the query; few batches, bounded memory

  private final Snapshots snapshots;
  private final Nodes nodes;
  private final HitReader hits;

  FacetedSearch(Snapshots snapshots, Nodes nodes, HitReader hits) {
    this.snapshots = snapshots;
    this.nodes = nodes;
    this.hits = hits;
  }

  SearchResult search(SearchRequest request) {
    long started = System.nanoTime();
    return snapshots.read(request.query(), s -> {
      check(s, request);
      String underId = nodes.under(request.under());
      Overlay overlay = snapshots.overlay(s); // one view of the audit record for the whole request
      QueryFactory queries = queries(s, overlay);
      Query main = queries.build(request, underId, null);
      Set<Facet> unselected = EnumSet.allOf(Facet.class);
      unselected.removeAll(request.selections().keySet());
      try (MatchCounter counter = new MatchCounter(s.columns(), unselected, true, overlay)) {
        s.searcher.search(main, counter.manager());
        int from = (request.page() - 1) * request.size();
        int size = Math.min(request.size(), SearchRequest.MAX_DEPTH - from); // no page reaches past MAX_DEPTH
        ScoreDoc[] page;
        if (inLabelOrder(request)) {
          page = scoreDocs(s.labelOrder().page(counter.matched(s.leaves()), from, size));
        } else {
          TopFieldDocs top = s.searcher.search(main, new TopFieldCollectorManager(
              QueryFactory.sort(request.sort(), overlay), from + size, null, 0));
          page = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, from), top.scoreDocs.length);
        }
        List<Hit> pageHits = hits.hits(s, overlay, page, request.query().isBlank() ? null : queries.text(request.query()));
        Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
          Map<String, MatchCounter.Count> values;
          if (unselected.contains(f)) {
            values = counter.values(f);
          } else {
            // Drill sideways: a facet's own counts ignore its own selection, so picking one flag
            // still shows how many categories every other flag would add.
            try (MatchCounter sideways = new MatchCounter(s.columns(), EnumSet.of(f), false, overlay)) {
              s.searcher.search(queries.build(request, underId, f), sideways.manager());
              values = sideways.values(f);
            }
          }
          facets.put(f, facetValues(f, values, request.selection(f)));
        }
        HierarchyFacet hierarchy = hierarchy(counter, underId);
        String suggestion = counter.total() == 0 && !request.query().isBlank()
            ? Suggestions.didYouMean(s, request.query()) : null;
        return new SearchResult(counter.total(), counter.images(), counter.imagesKnown(), pageHits, facets, hierarchy,
            suggestion, suggestion != null && Suggestions.namesMaskedLabel(s, suggestion),
            (System.nanoTime() - started) / 1e6);
      }
    });
  }

  /** The hierarchy two levels below the request's node, with counts under its filters. */
  TreeResult tree(SearchRequest request) {
    return snapshots.read(request.query(), s -> {
      check(s, request);
      String underId = nodes.under(request.under());
      Overlay overlay = snapshots.overlay(s);
      Query main = queries(s, overlay).build(request, underId, null);
      try (MatchCounter counter = new MatchCounter(s.columns(), Set.of(), true, overlay)) {
        s.searcher.search(main, counter.manager());
        HierarchyFacet h = hierarchy(counter, underId);
        List<TreeResult.Branch> branches = new ArrayList<>();
        for (NodeCount child : h.children()) {
          List<NodeCount> grandchildren = nodes.childCounts(counter, child.synset());
          int shown = Math.min(grandchildren.size(), TreeResult.GRANDCHILDREN);
          branches.add(new TreeResult.Branch(child, grandchildren.subList(0, shown), grandchildren.size() - shown));
        }
        return new TreeResult(h.node(), h.breadcrumbs(), h.total(), h.here(), branches, h.unmapped(), counter.imagesKnown());
      }
    });
  }

  /**
   * Calls {@code sink} with every hit of the request in order, and its {@code encoding} (kept per snapshot
   * and category; null when {@code encoding} is). Matches in label order are walked in {@link LabelOrder};
   * other sorts re-run the query a batch at a time.
   */
  @SuppressWarnings("try") // the deadline scope is held, not read
  <T> long export(SearchRequest request, FixedEncoding<T> encoding, BiConsumer<Hit, T> sink) {
    IndexSnapshot s = snapshots.take();
    try {
      check(s, request);
      String underId = nodes.under(request.under());
      Overlay overlay = snapshots.overlay(s);
      Query main = queries(s, overlay).build(request, underId, null);
      Object[][] kept = encoding == null ? null : s.stored().encoded(encoding);
      if (inLabelOrder(request)) {
        try (MatchCounter counter = new MatchCounter(s.columns(), Set.of(), false, overlay)) {
          s.searcher.search(main, counter.manager());
          long[] n = {0};
          s.labelOrder().forEach(counter.matched(s.leaves()), global -> {
            emit(s, overlay, global, encoding, kept, sink);
            n[0]++;
            return true;
          });
          return n[0];
        }
      }
      Sort sort = QueryFactory.sort(request.sort(), overlay);
      long n = 0;
      FieldDoc after = null;
      while (true) {
        TopFieldDocs batch;
        try (Deadline.Scope d = snapshots.deadline(request.query())) {
          batch = s.searcher.search(main, new TopFieldCollectorManager(sort, EXPORT_BATCH, after, 0));
        }
        if (batch.scoreDocs.length == 0) {
          return n;
        }
        for (ScoreDoc sd : batch.scoreDocs) {
          emit(s, overlay, sd.doc, encoding, kept, sink);
          n++;
        }
        after = (FieldDoc) batch.scoreDocs[batch.scoreDocs.length - 1];
      }
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      throw snapshots.tooSlow(request.query());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      snapshots.give(s);
    }
  }

  /**
   * True when the results are the matches in label order: no words to score (every match scores the
   * same), sorted by relevance or label.
   */
  private static boolean inLabelOrder(SearchRequest request) {
    return request.query().isBlank() && (request.sort() == SortOrder.RELEVANCE || request.sort() == SortOrder.LABEL);
  }

  private static ScoreDoc[] scoreDocs(int[] docs) {
    ScoreDoc[] out = new ScoreDoc[docs.length];
    for (int i = 0; i < docs.length; i++) {
      out[i] = new ScoreDoc(docs[i], Float.NaN);
    }
    return out;
  }

  /**
   * Hands one document of an export to its sink, with its encoding, made on first use in the snapshot and
   * kept in {@code kept} (the snapshot's slots for {@code encoding}; null when there is no encoding).
   */
  @SuppressWarnings("unchecked") // a slot holds only what its encoding made
  private <T> void emit(IndexSnapshot s, Overlay overlay, int global, FixedEncoding<T> encoding, Object[][] kept,
      BiConsumer<Hit, T> sink) {
    Hit hit = hits.hit(s, overlay, global, Map.of());
    if (kept == null) {
      sink.accept(hit, null);
      return;
    }
    LeafReaderContext leaf = s.leaf(global);
    Object[] slots = kept[leaf.ord];
    int local = global - leaf.docBase;
    Object e = slots[local];
    if (e == null) {
      e = encoding.encode(hit);
      slots[local] = e;
    }
    sink.accept(hit, (T) e);
  }

  /** The node's totals, breadcrumbs and children (the root's when {@code underId} is null). */
  private HierarchyFacet hierarchy(MatchCounter counter, String underId) {
    String nodeId = underId == null ? nodes.root : underId;
    List<PathNode> crumbs = nodes.paths.paths(nodeId).get(0).stream().map(nodes::pathNode).toList();
    return new HierarchyFacet(nodes.pathNode(nodeId), crumbs, nodes.nodeCount(nodeId, counter.node(nodeId)),
        counter.here(nodeId), nodes.childCounts(counter, nodeId), underId == null ? counter.unmapped() : 0);
  }

  /** 404 for a dataset the index lacks, 400 for a value a fixed facet does not have. */
  private static void check(IndexSnapshot s, SearchRequest request) {
    IndexMeta meta = s.meta;
    Selection datasets = request.selection(Facet.DATASET);
    for (String d : union(datasets.include(), datasets.exclude())) {
      CategoryLookup.requireDataset(meta, d);
    }
    request.selections().forEach((facet, selection) -> {
      for (String v : union(selection.include(), selection.exclude())) {
        QueryFactory.checkValue(facet, facet.param(), v, QueryFactory.fixedValues(facet), s::hasTerm, "");
      }
    });
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The queries of a request on this snapshot, its values checked against the snapshot's datasets and terms. */
  private QueryFactory queries(IndexSnapshot s, Overlay overlay) {
    return new QueryFactory(metadataColumns(s.meta), overlay, s.meta.datasets().keySet(), s::hasTerm,
        idOrName -> nodes.resolve(idOrName).map(org.synscope.wordnet.NounSynset::id), s::anyTerm);
  }

  private static Map<String, String> metadataColumns(IndexMeta meta) {
    Map<String, String> columns = new HashMap<>();
    for (DatasetMeta d : meta.datasets().values()) {
      // Two kinds under one name (imports before the check that now refuses it) are "mixed": a query is a 400.
      d.metadataColumns().forEach((k, v) -> columns.merge(k, v, (a, b) -> a.equals(b) ? a : QueryFactory.MIXED));
    }
    return columns;
  }

  /** A facet's values in its display order, with selected values kept even when nothing matches them. */
  private static List<FacetValue> facetValues(Facet facet, Map<String, MatchCounter.Count> counts, Selection selection) {
    Map<String, MatchCounter.Count> all = new LinkedHashMap<>(counts);
    union(selection.include(), selection.exclude()).forEach(v -> all.putIfAbsent(v, new MatchCounter.Count(0, 0)));
    List<FacetValue> out = new ArrayList<>();
    all.forEach((value, c) -> out.add(new FacetValue(value, c.categories(), c.images(), selection.include().contains(value),
        selection.exclude().contains(value))));
    Comparator<FacetValue> order = facet == Facet.IMAGES
        ? Comparator.comparingInt(v -> Facet.IMAGE_BUCKETS.indexOf(v.value()))
        : facet == Facet.RISK ? Comparator.comparingInt(v -> Facet.RISK_LEVELS.indexOf(v.value()))
        : Comparator.comparingLong(FacetValue::categories).reversed().thenComparing(FacetValue::value);
    out.sort(order);
    return out;
  }
}
