package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.synscope.audit.AuditStore;
import org.synscope.dataset.CategoryKeys;
import org.synscope.index.CategoryDetails;
import org.synscope.index.CategoryDocuments;
import org.synscope.index.DatasetMeta;
import org.synscope.index.IndexCatalog;
import org.synscope.index.IndexException;
import org.synscope.index.IndexFields;
import org.synscope.flags.Flag;
import org.synscope.risk.RiskWeights;
import org.synscope.risk.Signal;
import org.synscope.index.IndexMeta;
import org.synscope.index.PathNode;
import org.synscope.wordnet.HypernymPaths;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.NounSynset;

/** The Lucene implementation of {@link LabelSearcher}; notices new builds within half a second. */
final class LuceneLabelSearcher implements LabelSearcher {
  /** Flags that count as offensive in the hierarchy's "flagged" column. */
  static final Set<String> OFFENSIVE = org.synscope.flags.BuiltInFlags.OFFENSIVE;
  private static final long REFRESH_MILLIS = 500;
  private static final int EXPORT_BATCH = 20_000; // each batch re-runs the query; few batches, bounded memory

  private final IndexCatalog catalog;
  private final AuditStore audit;
  private final Lexicon lexicon;
  private final HypernymPaths paths;
  private final long timeoutMillis;
  private final String root;
  private final Highlighting highlighting = new Highlighting();
  private final Object refreshLock = new Object();
  private volatile IndexSnapshot current;
  private volatile long lastCheck;
  private volatile FileTime lastModified;

  private final Map<String, Signal> signals;
  /** First hypernym paths by synset: fixed by the lexicon, so shared by every snapshot. */
  private final Map<String, List<PathNode>> firstPaths = new java.util.concurrent.ConcurrentHashMap<>();

  LuceneLabelSearcher(IndexCatalog catalog, Lexicon lexicon, long timeoutMillis, AuditStore audit,
      Map<String, Signal> signals) {
    this.catalog = catalog;
    this.audit = audit;
    this.signals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(signals)); // definition order
    this.lexicon = lexicon;
    this.paths = new HypernymPaths(lexicon);
    this.timeoutMillis = timeoutMillis;
    this.root = lexicon.resolve("entity.n.01").map(NounSynset::id)
        .orElseThrow(() -> new IllegalStateException("the lexicon has no entity.n.01 root"));
    this.lastModified = catalog.metaModified();
    this.current = IndexSnapshot.open(catalog, readMeta(), null);
    this.lastCheck = System.nanoTime();
  }

  private IndexMeta readMeta() {
    IndexMeta meta = catalog.meta().orElse(new IndexMeta(IndexFields.SCHEMA_VERSION, lexicon.version(), 0, Map.of()));
    if (!meta.datasets().isEmpty() && !meta.wordnet().equals(lexicon.version())) {
      throw new IndexException("the index at " + catalog.root() + " was built with WordNet " + meta.wordnet()
          + ", not " + lexicon.version());
    }
    return meta;
  }

  /** The snapshot's overlay of the audit record, recomputed when either has changed. */
  private Overlay overlay(IndexSnapshot s) {
    long version = audit == null ? -1 : audit.version();
    Overlay o = s.overlay;
    if (o != null && o.version == version) {
      return o;
    }
    synchronized (s) {
      o = s.overlay;
      if (o == null || o.version != version) {
        o = Overlay.compute(s.searcher, audit, paths, signals, o);
        s.overlay = o;
      }
      return o;
    }
  }

  private IndexSnapshot acquire() {
    maybeRefresh();
    while (true) {
      IndexSnapshot s = current;
      if (s.tryAcquire()) {
        return s;
      }
    }
  }

  @Override
  public void refresh() {
    refresh(true);
  }

  private void maybeRefresh() {
    if (System.nanoTime() - lastCheck < REFRESH_MILLIS * 1_000_000) {
      return;
    }
    refresh(false);
  }

  /** Opens the builds meta.json now names; unless forced, only when meta.json changed since the last look. */
  private void refresh(boolean force) {
    synchronized (refreshLock) {
      lastCheck = System.nanoTime();
      FileTime modified = catalog.metaModified();
      if (!force && modified.equals(lastModified)) {
        return;
      }
      IndexMeta meta = readMeta();
      if (meta.generation() != current.meta.generation()) {
        IndexSnapshot old = current;
        current = IndexSnapshot.open(catalog, meta, old);
        old.release();
      }
      lastModified = modified;
    }
  }

  @Override
  public IndexMeta meta() {
    maybeRefresh();
    return current.meta;
  }

  @Override
  public Lexicon lexicon() {
    return lexicon;
  }

  @Override
  public Map<String, Signal> signals() {
    return signals;
  }

  @Override
  public Set<String> maskedLabels(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    IndexSnapshot s = acquire();
    try {
      org.apache.lucene.search.TopDocs top = s.searcher.search(new org.apache.lucene.search.TermInSetQuery(IndexFields.ID,
          ids.stream().map(org.apache.lucene.util.BytesRef::new).toList()), ids.size());
      Set<String> out = new java.util.HashSet<>();
      StoredFields stored = s.searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        Document doc = stored.document(sd.doc, Set.of(IndexFields.ID, IndexFields.SENSITIVE));
        if (doc.get(IndexFields.SENSITIVE) != null) {
          out.add(doc.get(IndexFields.ID));
        }
      }
      return out;
    } catch (IOException e) {
      throw new IndexException("cannot read the index: " + e.getMessage(), e);
    } finally {
      s.release();
    }
  }

  @Override
  public QueueResult queue(QueueRequest request) {
    IndexSnapshot s = acquire();
    try {
      if (!s.meta.datasets().containsKey(request.dataset())) {
        throw SearchException.notFound("no dataset '" + request.dataset() + "' (indexed: "
            + String.join(", ", s.meta.sorted().keySet()) + ")");
      }
      String underId = request.under() == null ? null : node(request.under()).id();
      Overlay overlay = overlay(s);
      QueueFeatures f = QueueFeatures.of(s, request.dataset());
      ReviewQueue queue = new ReviewQueue(audit, paths);
      List<Integer> pool = pool(s, overlay, f, underId, true);
      ReviewQueue.Training training = queue.training(s, overlay, request.dataset());
      org.synscope.risk.LearningRanker model = org.synscope.risk.LearningRanker.train(training.examples());
      List<QueueResult.Item> items = new ArrayList<>();
      StoredFields stored = s.searcher.storedFields();
      for (ReviewQueue.Ranked r : queue.rank(s, overlay, f, pool, model, request.size())) {
        int global = f.docs[r.index()];
        LeafReaderContext leaf = s.leaf(global);
        Document doc = stored.document(global);
        Hit hit = hit(s, overlay, global, Map.of());
        items.add(new QueueResult.Item(hit.dataset(), hit.key(), hit.label(), hit.synset(), hit.name(), hit.images(),
            Math.round(r.score() * 1000) / 1000.0, hit.risk(), hit.riskScore(), r.lane(),
            why(hit, model, QueueFeatures.names(leaf, global - leaf.docBase, doc)), hit.sensitive(), null));
      }
      return new QueueResult(request.dataset(), items, new QueueResult.TrainedOn(training.examples().size(),
          training.sources()), pool.size());
    } catch (IOException e) {
      throw new IndexException("cannot read the index: " + e.getMessage(), e);
    } finally {
      s.release();
    }
  }

  /** Why a category was suggested: its risk, its signals and flags, then what the decisions taught. */
  private List<String> why(Hit hit, org.synscope.risk.LearningRanker model, List<String> features) {
    List<String> out = new ArrayList<>();
    out.add("risk " + hit.risk() + " (" + hit.riskScore() + ")");
    hit.signals().forEach(sig -> out.add("signal " + sig));
    hit.primaryFlags().stream().filter(fl -> !fl.equals("person")).forEach(fl -> out.add("flag " + fl));
    if (model.trainedOn() > 0) {
      List<String> all = new ArrayList<>(features);
      hit.signals().forEach(sig -> all.add("s:" + sig));
      all.stream().distinct().filter(n -> model.weight(org.synscope.risk.LearningRanker.feature(n)) > 0.05)
          .sorted(java.util.Comparator.comparingDouble(n -> -model.weight(org.synscope.risk.LearningRanker.feature(n))))
          .limit(3).forEach(n -> out.add("learnt: " + QueueFeatures.describe(n, lexicon) + String.format(
              java.util.Locale.ROOT, " (+%.2f)", model.weight(org.synscope.risk.LearningRanker.feature(n)))));
    }
    return out;
  }

  /** The positions of a dataset's categories under a synset (all when null), unreviewed ones only if asked. */
  private List<Integer> pool(IndexSnapshot s, Overlay overlay, QueueFeatures f, String underId, boolean unreviewed) {
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < f.docs.length; i++) {
      if (underId != null && (f.synsets[i] == null || !paths.ancestors(f.synsets[i]).contains(underId))) {
        continue;
      }
      if (unreviewed) {
        LeafReaderContext leaf = s.leaf(f.docs[i]);
        if (!overlay.reviewKey(leaf.ord, f.docs[i] - leaf.docBase).equals(Overlay.UNREVIEWED)) {
          continue;
        }
      }
      pool.add(i);
    }
    return pool;
  }

  @Override
  public QueueEvaluation evalQueue(String dataset, String poolSynset, Set<String> truth, List<Integer> at) {
    IndexSnapshot s = acquire();
    try {
      if (!s.meta.datasets().containsKey(dataset)) {
        throw SearchException.notFound("no dataset '" + dataset + "'");
      }
      String underId = poolSynset == null ? null : node(poolSynset).id();
      Overlay overlay = overlay(s);
      QueueFeatures f = QueueFeatures.of(s, dataset);
      List<Integer> pool = pool(s, overlay, f, underId, false);
      java.util.function.Predicate<Integer> unsafe = i -> (f.synsets[i] != null && truth.contains(f.synsets[i]))
          || truth.contains(f.keys[i]);
      // Decisions from other datasets and their lists transfer; this dataset's own reviews do not (they are the answers).
      ReviewQueue.Training training = new ReviewQueue(null, paths).training(s, overlay, dataset);
      Map<Integer, Integer> learning = ReviewQueue.simulate(s, overlay, f, pool, unsafe, training.examples(), at);
      List<Integer> alphabetical = new ArrayList<>(pool);
      alphabetical.sort(java.util.Comparator.comparing(i -> f.keys[i]));
      double[] riskOf = new double[f.docs.length]; // by position in the dataset's features
      double[] prior = new double[pool.size()];
      boolean[] answers = new boolean[pool.size()];
      for (int k = 0; k < pool.size(); k++) {
        riskOf[pool.get(k)] = prior[k] = ReviewQueue.baseRisk(s, overlay, f.docs[pool.get(k)]);
        answers[k] = unsafe.test(pool.get(k));
      }
      List<Integer> byRisk = new ArrayList<>(pool);
      byRisk.sort(java.util.Comparator.<Integer>comparingDouble(i -> -riskOf[i]).thenComparing(i -> f.keys[i]));
      int positives = 0;
      for (boolean b : answers) {
        positives += b ? 1 : 0;
      }
      return new QueueEvaluation(dataset, pool.size(), positives, keyed(learning), keyed(found(alphabetical, unsafe, at)),
          keyed(found(byRisk, unsafe, at)), Math.round(org.synscope.risk.LearningRanker.auc(prior, answers) * 10000) / 10000.0,
          training.examples().size());
    } finally {
      s.release();
    }
  }

  private static Map<Integer, Integer> found(List<Integer> order, java.util.function.Predicate<Integer> unsafe,
      List<Integer> at) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    int hits = 0;
    for (int k = 0; k < order.size(); k++) {
      hits += unsafe.test(order.get(k)) ? 1 : 0;
      if (at.contains(k + 1)) {
        out.put(k + 1, hits);
      }
    }
    for (int n : at) {
      out.putIfAbsent(n, hits);
    }
    return out;
  }

  private static Map<String, Integer> keyed(Map<Integer, Integer> m) {
    Map<String, Integer> out = new LinkedHashMap<>();
    m.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(Integer.toString(e.getKey()), e.getValue()));
    return out;
  }

  @Override
  public PathNode node(String idOrName) {
    return lexicon.resolve(idOrName).map(PathNode::of)
        .orElseThrow(() -> SearchException.notFound("no noun synset '" + idOrName + "' in WordNet " + lexicon.version()
            + " (use an id such as n02084071 or a name such as dog.n.01)"));
  }

  /** Work on one snapshot under the query deadline. */
  private interface Work<T> {
    T run(IndexSnapshot s) throws IOException;
  }

  /** Runs {@code work} on the current snapshot, bounded by the deadline; {@code query} names it in errors. */
  @SuppressWarnings("try") // the deadline scope is held, not read
  private <T> T read(String query, Work<T> work) {
    IndexSnapshot s = acquire();
    // Only term expansion (wildcards, fuzzy terms, regular expressions) is bounded: a plain page under
    // load is slow, never a 4xx that blames a wildcard the user did not type.
    try (Deadline.Scope d = deadline(query)) {
      return work.run(s);
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      throw tooSlow(query);
    } catch (IndexSearcher.TooManyClauses e) {
      throw SearchException.badRequest(QueryFactory.tooManyClauses()); // a wildcard that expands too far
    } catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
      throw SearchException.badRequest(QueryFactory.TOO_COMPLEX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      s.release();
    }
  }

  @Override
  public SearchResult search(SearchRequest request) {
    long started = System.nanoTime();
    return read(request.query(), s -> {
      check(s, request);
      String underId = request.under() == null ? null : node(request.under()).id();
      Overlay overlay = overlay(s); // one view of the audit record for the whole request
      QueryFactory queries = new QueryFactory(metadataColumns(s.meta), overlay);
      Query main = queries.build(request, underId, null);
      int window = request.page() * request.size();
      TopFieldDocs top = s.searcher.search(main, new TopFieldCollectorManager(sort(request.sort(), overlay), window, null,
          0));
      ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs,
          Math.min(top.scoreDocs.length, (request.page() - 1) * request.size()), top.scoreDocs.length);
      List<Hit> hits = hits(s, overlay, page, request.query().isBlank() ? null : queries.text(request.query()));

      Set<Facet> unselected = EnumSet.allOf(Facet.class);
      unselected.removeAll(request.selections().keySet());
      try (MatchCounter counter = new MatchCounter(s.columns(), unselected, true, overlay)) {
      s.searcher.search(main, counter.manager());
      Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
      for (Facet f : Facet.values()) {
        Map<String, MatchCounter.Count> values;
        if (unselected.contains(f)) {
          values = counter.values(f);
        } else {
          // Drill sideways: a facet's own counts ignore its own selection, so picking one flag
          // still shows how many categories every other flag would add.
          MatchCounter sideways = new MatchCounter(s.columns(), EnumSet.of(f), false, overlay);
          s.searcher.search(queries.build(request, underId, f), sideways.manager());
          values = sideways.values(f);
        }
        facets.put(f, facetValues(f, values, request.selection(f)));
      }
      String nodeId = underId == null ? root : underId;
      HierarchyFacet hierarchy = hierarchy(s, counter, main, nodeId, underId == null);
      String suggestion = counter.total() == 0 && !request.query().isBlank() ? didYouMean(s, request.query()) : null;
      return new SearchResult(counter.total(), counter.images(), counter.imagesKnown(), hits, facets, hierarchy, suggestion,
          (System.nanoTime() - started) / 1e6);
      }
    });
  }

  /** The time limit of a query: only term expansion (wildcards, fuzzy terms, regular expressions) is bounded. */
  private Deadline.Scope deadline(String query) {
    return QueryFactory.expandsTerms(query) ? Deadline.start(timeoutMillis) : Deadline.none();
  }

  private SearchException tooSlow(String query) {
    return SearchException.badRequest("the query '" + query + "' ran longer than " + timeoutMillis + " ms and was stopped;"
        + " leading wildcards (*foo), fuzzy terms (~) and regular expressions scan many terms: make them more specific");
  }

  private void check(IndexSnapshot s, SearchRequest request) {
    Selection datasets = request.selection(Facet.DATASET);
    for (String d : union(datasets.include(), datasets.exclude())) {
      if (!s.meta.datasets().containsKey(d)) {
        throw SearchException.notFound("no dataset '" + d + "'; indexed: " + String.join(", ", s.meta.sorted().keySet()));
      }
    }
    request.selections().forEach((facet, selection) -> {
      Set<String> allowed = QueryFactory.fixedValues(facet);
      if (allowed != null) {
        for (String v : union(selection.include(), selection.exclude())) {
          if (!allowed.contains(v)) {
            throw SearchException.badRequest("unknown " + facet.param() + " '" + v + "' (use one of "
                + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
          }
        }
      }
    });
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static Map<String, String> metadataColumns(IndexMeta meta) {
    Map<String, String> columns = new HashMap<>();
    for (DatasetMeta d : meta.datasets().values()) {
      columns.putAll(d.metadataColumns());
    }
    return columns;
  }

  private static Sort sort(SortOrder order) {
    return sort(order, null);
  }

  private static Sort sort(SortOrder order, Overlay overlay) {
    SortField byLabel = new SortField(IndexFields.LABEL_SORT, SortField.Type.STRING);
    return switch (order) {
      case RISK -> new Sort(overlay.riskSource().getSortField(true), byLabel);
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byLabel);
      case IMAGES -> new Sort(LongField.newSortField(IndexFields.IMAGES, true, SortedNumericSelector.Type.MIN,
          Long.MIN_VALUE), byLabel);
      case LABEL -> new Sort(byLabel);
    };
  }

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

  private HierarchyFacet hierarchy(IndexSnapshot s, MatchCounter counter, Query main, String nodeId, boolean atRoot)
      throws IOException {
    List<PathNode> crumbs = paths.paths(nodeId).get(0).stream().map(this::pathNode).toList();
    MatchCounter.NodeTotals total = counter.node(nodeId);
    long here = counter.here(nodeId);
    return new HierarchyFacet(pathNode(nodeId), crumbs, nodeCount(nodeId, total), here, childCounts(counter, nodeId),
        atRoot ? counter.unmapped() : 0);
  }

  private List<NodeCount> childCounts(MatchCounter counter, String nodeId) {
    List<NodeCount> out = new ArrayList<>();
    for (String child : lexicon.hyponyms(nodeId)) {
      MatchCounter.NodeTotals c = counter.node(child);
      if (c.categories() > 0) {
        out.add(nodeCount(child, c));
      }
    }
    out.sort(Comparator.comparingLong(NodeCount::categories).reversed().thenComparing(NodeCount::name));
    return out;
  }

  private NodeCount nodeCount(String id, MatchCounter.NodeTotals c) {
    PathNode node = pathNode(id);
    return new NodeCount(id, node.name(), c.categories(), c.images(), c.flagged(), c.flaggedImages(), node.sensitive());
  }

  private PathNode pathNode(String id) {
    return PathNode.of(lexicon, id);
  }

  @Override
  public TreeResult tree(SearchRequest request) {
    return read(request.query(), s -> {
      check(s, request);
      String underId = request.under() == null ? null : node(request.under()).id();
      String nodeId = underId == null ? root : underId;
      Overlay overlay = overlay(s);
      Query main = new QueryFactory(metadataColumns(s.meta), overlay).build(request, underId, null);
      try (MatchCounter counter = new MatchCounter(s.columns(), Set.of(), true, overlay)) {
      s.searcher.search(main, counter.manager());
      HierarchyFacet h = hierarchy(s, counter, main, nodeId, underId == null);
      List<TreeResult.Branch> branches = new ArrayList<>();
      for (NodeCount child : h.children()) {
        List<NodeCount> grandchildren = childCounts(counter, child.synset());
        int shown = Math.min(grandchildren.size(), TreeResult.GRANDCHILDREN);
        branches.add(new TreeResult.Branch(child, grandchildren.subList(0, shown), grandchildren.size() - shown));
      }
      return new TreeResult(h.node(), h.breadcrumbs(), h.total(), h.here(), branches, h.unmapped());
      }
    });
  }

  @Override
  @SuppressWarnings("try") // the deadline scope is held, not read
  public long export(SearchRequest request, Consumer<Hit> sink) {
    IndexSnapshot s = acquire();
    try {
      check(s, request);
      String underId = request.under() == null ? null : node(request.under()).id();
      Overlay overlay = overlay(s);
      Query main = new QueryFactory(metadataColumns(s.meta), overlay).build(request, underId, null);
      Sort sort = sort(request.sort(), overlay);
      long n = 0;
      FieldDoc after = null;
      while (true) {
        TopFieldDocs batch;
        try (Deadline.Scope d = deadline(request.query())) {
          batch = s.searcher.search(main, new TopFieldCollectorManager(sort, EXPORT_BATCH, after, 0));
        }
        if (batch.scoreDocs.length == 0) {
          return n;
        }
        for (Hit hit : hits(s, overlay, batch.scoreDocs, null)) {
          sink.accept(hit);
          n++;
        }
        after = (FieldDoc) batch.scoreDocs[batch.scoreDocs.length - 1];
      }
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      throw tooSlow(request.query());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      s.release();
    }
  }

  @Override
  public CategoryView category(String dataset, String idOrLabel) {
    return read(idOrLabel, s -> {
      if (!s.meta.datasets().containsKey(dataset)) {
        throw SearchException.notFound("no dataset '" + dataset + "'; indexed: "
            + String.join(", ", s.meta.sorted().keySet()));
      }
      ScoreDoc found = find(s.searcher, dataset, idOrLabel)
          .orElseThrow(() -> SearchException.notFound("no category '" + idOrLabel + "' in dataset '" + dataset + "'"));
      Document doc = s.searcher.storedFields().document(found.doc);
      Overlay overlay = overlay(s);
      Hit hit = hit(s, overlay, found.doc, null);
      CategoryDetails details = CategoryDocuments.details(doc.get(IndexFields.DETAILS));
      List<NodeCount> children = List.of();
      List<NodeCount> siblings = List.of();
      List<Hit> same = List.of();
      if (hit.synset() != null) {
        Set<String> parents = new LinkedHashSet<>();
        details.paths().forEach(p -> {
          if (p.size() > 1) {
            parents.add(p.get(p.size() - 2).id());
          }
        });
        // Children lie under the category's synset, siblings under its parents: count only there.
        BooleanQuery.Builder scope = new BooleanQuery.Builder();
        scope.add(new TermQuery(new Term(IndexFields.ANCESTOR, hit.synset())), Occur.SHOULD);
        parents.forEach(p -> scope.add(new TermQuery(new Term(IndexFields.ANCESTOR, p)), Occur.SHOULD));
        Query counted = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.DATASET, dataset)), Occur.FILTER)
            .add(scope.build(), Occur.FILTER).build();
        Map<String, NodeCount> sib = new LinkedHashMap<>();
        try (MatchCounter counter = new MatchCounter(s.columns(), Set.of(), true, overlay)) {
          s.searcher.search(counted, counter.manager());
          children = childCounts(counter, hit.synset());
          for (String parent : parents) {
            childCounts(counter, parent).stream().filter(c -> !c.synset().equals(hit.synset()))
                .forEach(c -> sib.putIfAbsent(c.synset(), c));
          }
        }
        siblings = List.copyOf(sib.values());
        TopFieldDocs top = s.searcher.search(new TermQuery(new Term(IndexFields.SENSE, hit.synset())), 200,
            new Sort(new SortedSetSortField(IndexFields.DATASET, false), new SortField(IndexFields.LABEL_SORT,
                SortField.Type.STRING)));
        same = hits(s, overlay, top.scoreDocs, null).stream()
            .filter(h -> !(h.dataset().equals(dataset) && h.key().equals(hit.key()))).toList();
      }
      CategoryView.ReviewState review = CategoryView.ReviewState.NONE;
      List<org.synscope.audit.Review> history = List.of();
      if (audit != null) {
        history = audit.journal().history(new org.synscope.audit.CategoryRef(dataset, hit.key()));
        if (!history.isEmpty()) {
          var own = history.get(history.size() - 1);
          review = new CategoryView.ReviewState(own.status().key(), own, false);
        } else if (hit.review() != null) {
          LeafReaderContext leaf = s.leaf(found.doc);
          var from = overlay.inheritedFrom(leaf.ord, found.doc - leaf.docBase);
          review = new CategoryView.ReviewState(hit.review(), from, from != null);
        }
      }
      List<String> lists = hit.flags().stream().filter(overlay::isList).toList();
      List<Flag> listFlags = new ArrayList<>(ListEvidence.of(lists, overlay.lists(), hit, details));
      List<Flag> signalFlags = ListEvidence.signals(hit.signals(), overlay.signals(), hit, details);
      listFlags.addAll(signalFlags);
      List<RiskWeights.Evidence> because = new ArrayList<>(RiskWeights.ofFlags(details.flags(), hit.label()));
      signalFlags.forEach(f -> because.add(new RiskWeights.Evidence("signal " + f.evidence(), RiskWeights.SIGNAL)));
      lists.forEach(l -> because.add(new RiskWeights.Evidence("on list '" + l + "' (" + overlay.lists().get(l).kind() + ")",
          RiskWeights.ofList(overlay.lists().get(l).kind()))));
      return new CategoryView(hit, details, children, siblings, same, review, history, listFlags,
          new CategoryView.Risk(hit.risk(), hit.riskScore(), because));
    });
  }

  /** By key (normalised label or wnid) first, then by synset (the category with most images). */
  private Optional<ScoreDoc> find(IndexSearcher searcher, String dataset, String idOrLabel) throws IOException {
    var byKey = searcher.search(new TermQuery(new Term(IndexFields.ID, dataset + "/" + CategoryKeys.ofLabel(idOrLabel))), 1);
    if (byKey.scoreDocs.length > 0) {
      return Optional.of(byKey.scoreDocs[0]);
    }
    Optional<NounSynset> synset = lexicon.resolve(idOrLabel);
    if (synset.isEmpty()) {
      return Optional.empty();
    }
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexFields.DATASET, dataset)), Occur.FILTER)
        .add(new TermQuery(new Term(IndexFields.SYNSET, synset.get().id())), Occur.FILTER)
        .build();
    TopFieldDocs top = searcher.search(q, 1, sort(SortOrder.IMAGES));
    return top.scoreDocs.length > 0 ? Optional.of(top.scoreDocs[0]) : Optional.empty();
  }

  @Override
  public List<Hit> bySynsets(String dataset, java.util.Collection<String> synsets) {
    return read("synsets of " + dataset, s -> {
      if (!s.meta.datasets().containsKey(dataset)) {
        throw SearchException.notFound("no dataset '" + dataset + "'; indexed: " + String.join(", ", s.meta.sorted().keySet()));
      }
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexFields.DATASET, dataset)), Occur.FILTER)
          .add(new org.apache.lucene.search.TermInSetQuery(IndexFields.SYNSET,
              synsets.stream().map(org.apache.lucene.util.BytesRef::new).toList()), Occur.FILTER).build();
      int n = Math.max(1, s.searcher.count(q));
      return hits(s, overlay(s), s.searcher.search(q, n, sort(SortOrder.IMAGES)).scoreDocs, null);
    });
  }

  @Override
  public boolean hasLabel(String dataset, String normalizedLabel) {
    return read(normalizedLabel, s -> {
      BooleanQuery.Builder q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexFields.LABEL_EXACT, normalizedLabel)), Occur.FILTER);
      if (dataset != null) {
        q.add(new TermQuery(new Term(IndexFields.DATASET, dataset)), Occur.FILTER);
      }
      return s.searcher.count(q.build()) > 0;
    });
  }

  @Override
  public List<Hit> suggest(String prefix, Set<String> datasets, int limit) {
    String p = CategoryKeys.ofLabel(prefix);
    if (p.isEmpty()) {
      return List.of();
    }
    return read(prefix + "*", s -> {
      BooleanQuery.Builder any = new BooleanQuery.Builder()
          .add(new PrefixQuery(new Term(IndexFields.LABEL_EXACT, p)), Occur.SHOULD)
          .add(new PrefixQuery(new Term(IndexFields.LEMMA_EXACT, p)), Occur.SHOULD);
      BooleanQuery.Builder q = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
      if (!datasets.isEmpty()) {
        BooleanQuery.Builder ds = new BooleanQuery.Builder();
        datasets.forEach(name -> ds.add(new TermQuery(new Term(IndexFields.DATASET, name)), Occur.SHOULD));
        q.add(ds.build(), Occur.FILTER);
      }
      TopFieldDocs top = s.searcher.search(q.build(), Math.max(1, Math.min(limit, 50)), sort(SortOrder.IMAGES));
      return hits(s, overlay(s), top.scoreDocs, null);
    });
  }

  private String didYouMean(IndexSnapshot s, String query) throws IOException {
    if (!query.matches("[\\p{L}\\p{N}' _-]+")) {
      return null; // only plain words get a suggestion; query syntax is the user's to fix
    }
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(3); // labels are short: "dgo" deserves "dog"
    var reader = s.searcher.getIndexReader();
    List<String> words = new ArrayList<>();
    boolean changed = false;
    for (String word : query.toLowerCase(java.util.Locale.ROOT).split("[\\s_]+")) {
      Term term = new Term(IndexFields.LABEL, word);
      if (word.isEmpty() || reader.docFreq(term) > 0) {
        words.add(word);
        continue;
      }
      SuggestWord[] best = checker.suggestSimilar(term, 1, reader);
      words.add(best.length > 0 ? best[0].string : word);
      changed |= best.length > 0;
    }
    return changed ? String.join(" ", words) : null;
  }

  private List<Hit> hits(IndexSnapshot s, Overlay overlay, ScoreDoc[] docs, Query highlight) throws IOException {
    Map<Integer, Map<String, Highlight>> marks = highlight == null || docs.length == 0 ? Map.of()
        : highlighting.highlight(s.searcher, highlight, docs, doc -> {
          LeafReaderContext leaf = s.leaf(doc);
          return s.stored().get(leaf, doc - leaf.docBase);
        });
    List<Hit> out = new ArrayList<>(docs.length);
    for (ScoreDoc sd : docs) {
      out.add(hit(s, overlay, sd.doc, marks.getOrDefault(sd.doc, Map.of())));
    }
    return out;
  }

  /** A hit from its stored fields (decoded once per snapshot), with the audit record's lists and review added. */
  private Hit hit(IndexSnapshot s, Overlay overlay, int globalDoc, Map<String, Highlight> highlights) {
    LeafReaderContext leaf = s.leaf(globalDoc);
    int local = globalDoc - leaf.docBase;
    StoredHits.Core c = s.stored().get(leaf, local);
    List<String> lists = overlay.listsOf(leaf.ord, local);
    List<String> flags = c.flags();
    List<String> primary = c.primaryFlags();
    if (!lists.isEmpty()) {
      flags = new ArrayList<>(flags);
      primary = new ArrayList<>(primary);
      flags.addAll(lists);
      primary.addAll(lists); // lists name the category's primary synset (or label)
    }
    var review = overlay.status(leaf.ord, local);
    var from = overlay.inheritedFrom(leaf.ord, local);
    float risk = overlay.risk(leaf.ord, local);
    return new Hit(c.dataset(), c.key(), c.label(), c.synset(), c.name(), c.images(), c.status(), c.match(),
        c.certainty(), flags, primary, c.gloss(), c.synset() == null ? List.of() : firstPath(c.synset()),
        highlights == null ? Map.of() : highlights, review == null ? null : review.key(),
        from == null ? null : from.dataset() + "/" + from.category(), c.sensitive(), RiskWeights.level(risk),
        Math.round(risk * 1000) / 1000.0, overlay.signalsOf(leaf.ord, local));
  }

  /** The first hypernym path of a synset, root first, as the category page and every hit show it. */
  private List<PathNode> firstPath(String synset) {
    return firstPaths.computeIfAbsent(synset, id -> paths.paths(id).get(0).stream().map(this::pathNode).toList());
  }

  @Override
  public long dump(Consumer<CategoryRecord> sink) {
    IndexSnapshot s = acquire();
    try {
      return CategoryDump.dump(s, sink);
    } finally {
      s.release();
    }
  }

  @Override
  public List<String> analyze(String text) {
    return CategoryDump.analyze(text);
  }

  @Override
  public void close() {
    current.release();
  }
}
