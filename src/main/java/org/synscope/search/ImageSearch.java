package org.synscope.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.synscope.flags.BuiltInFlags;
import org.synscope.index.ImageFields;
import org.synscope.index.ImageSetMeta;
import org.synscope.index.IndexFields;
import org.synscope.index.PathNode;

/**
 * Searches a dataset's images (its image build): the page of images in image order, the metadata facets
 * with drill-sideways counts, and exact image counts at a node and its children. An image reaches the
 * hierarchy through its category: images are counted per category, then each category's count is added
 * once to every ancestor of its primary synset.
 */
final class ImageSearch {
  private static final Sort BY_NUMBER = new Sort(LongField.newSortField(ImageFields.N, false,
      org.apache.lucene.search.SortedNumericSelector.Type.MIN));

  private final Snapshots snapshots;
  private final Nodes nodes;
  private final HitReader hits;

  ImageSearch(Snapshots snapshots, Nodes nodes, HitReader hits) {
    this.snapshots = snapshots;
    this.nodes = nodes;
    this.hits = hits;
  }

  ImageResult search(ImageRequest request) {
    long started = System.nanoTime();
    return snapshots.read(request.query(), s -> {
      IndexSearcher images = searcher(s, request.dataset());
      ImageSetMeta set = s.meta.images().get(request.dataset());
      for (String facet : request.filters().keySet()) {
        if (!set.facets().contains(facet)) {
          throw SearchException.badRequest("unknown image facet '" + facet + "' (this dataset's images have "
              + (set.facets().isEmpty() ? "none" : String.join(", ", set.facets())) + ")");
        }
      }
      Categories categories = categories(s, request.dataset());
      String underId = nodes.under(request.under());
      Query main = query(request, underId, categories);
      TopFieldDocs top = images.search(main, request.page() * request.size(), BY_NUMBER);
      int from = (request.page() - 1) * request.size();
      List<ImageHit> page = new ArrayList<>();
      Overlay overlay = snapshots.overlay(s);
      for (int i = from; i < top.scoreDocs.length; i++) {
        page.add(hit(s, overlay, images, top.scoreDocs[i].doc, request.dataset(), categories));
      }
      // One pass counts every facet and the categories; a selected facet is counted again without its own filter.
      Counts all = count(images, main, set.facets());
      Map<String, List<ImageResult.ValueCount>> facets = new LinkedHashMap<>();
      for (String facet : set.facets()) {
        Map<String, Long> values = request.filters().containsKey(facet)
            ? count(images, query(request.without(facet), underId, categories), List.of(facet)).facets.get(facet)
            : all.facets.get(facet);
        facets.put(facet, values(values, request.filters().getOrDefault(facet, Set.of())));
      }
      return new ImageResult(request.dataset(), all.total, page, facets, hierarchy(all.categories, categories, underId),
          (System.nanoTime() - started) / 1e6);
    });
  }

  /** One image by number, with its category. */
  ImageHit image(String dataset, long n) {
    return snapshots.read("image " + n, s -> {
      IndexSearcher images = searcher(s, dataset);
      ScoreDoc[] found = images.search(LongField.newExactQuery(ImageFields.N, n), 1).scoreDocs;
      if (found.length == 0) {
        throw SearchException.notFound("no image " + n + " in dataset '" + dataset + "' (its images are numbered 0 to "
            + (s.meta.images().get(dataset).images() - 1) + ")");
      }
      return hit(s, snapshots.overlay(s), images, found[0].doc, dataset, categories(s, dataset));
    });
  }

  private static IndexSearcher searcher(IndexSnapshot s, String dataset) {
    IndexSearcher images = s.images.get(dataset);
    if (images == null) {
      CategoryLookup.requireDataset(s.meta, dataset);
      throw SearchException.notFound("no images of dataset '" + dataset + "' are imported; import them with"
          + " synscope images import PATH --dataset " + dataset);
    }
    return images;
  }

  private Query query(ImageRequest request, String underId, Categories categories) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text(request.query()), Occur.MUST);
    if (request.category() != null) {
      b.add(new TermQuery(new Term(ImageFields.CATEGORY, categories.key(request.category()))), Occur.FILTER);
    }
    if (underId != null) {
      List<BytesRef> under = new ArrayList<>();
      categories.synsetByKey.forEach((key, synset) -> {
        if (nodes.paths.ancestors(synset).contains(underId)) {
          under.add(new BytesRef(key));
        }
      });
      b.add(under.isEmpty() ? MatchNoDocsQuery.INSTANCE : new TermInSetQuery(ImageFields.CATEGORY, under), Occur.FILTER);
    }
    request.filters().forEach((facet, values) -> {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      values.forEach(v -> any.add(new TermQuery(new Term(ImageFields.facet(facet), v)), Occur.SHOULD));
      b.add(any.build(), Occur.FILTER);
    });
    return b.build();
  }

  private static Query text(String query) {
    if (query.isBlank()) {
      return MatchAllDocsQuery.INSTANCE;
    }
    QueryFactory.checkLimits(query);
    QueryParser parser = new QueryParser(ImageFields.TEXT, QueryFactory.ANALYZER);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(query);
    } catch (ParseException e) {
      throw SearchException.badRequest("cannot parse the query '" + query + "': "
          + e.getMessage().replaceAll("\\s+", " ").replaceFirst("^Cannot parse '.*?': ", ""));
    }
  }

  /** Matches counted per facet value and per category. */
  private record Counts(long total, Map<String, Map<String, Long>> facets, Map<String, Long> categories) {}

  private static Counts count(IndexSearcher images, Query query, Collection<String> facetNames) throws IOException {
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    facetNames.forEach(f -> facets.put(f, new HashMap<>()));
    Map<String, Long> categories = new HashMap<>();
    long total = 0;
    var weight = images.createWeight(images.rewrite(query), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : images.getIndexReader().leaves()) {
      var scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      FixedBitSet matched = new FixedBitSet(leaf.reader().maxDoc());
      var it = scorer.iterator();
      var live = leaf.reader().getLiveDocs();
      for (int d = it.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (live == null || live.get(d)) {
          matched.set(d);
        }
      }
      total += matched.cardinality();
      countOrds(DocValues.getSortedSet(leaf.reader(), ImageFields.CATEGORY), matched, categories);
      for (String f : facetNames) {
        countOrds(DocValues.getSortedSet(leaf.reader(), ImageFields.facet(f)), matched, facets.get(f));
      }
    }
    return new Counts(total, facets, categories);
  }

  /** Adds each matched document's values to {@code into}, counting by ordinal first. */
  private static void countOrds(SortedSetDocValues values, FixedBitSet matched, Map<String, Long> into)
      throws IOException {
    long[] byOrd = new long[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())];
    for (int d = matched.nextSetBit(0); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
        d = d + 1 < matched.length() ? matched.nextSetBit(d + 1) : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
      if (values.advanceExact(d)) {
        for (int i = 0; i < values.docValueCount(); i++) {
          byOrd[(int) values.nextOrd()]++;
        }
      }
    }
    for (int o = 0; o < byOrd.length; o++) {
      if (byOrd[o] > 0) {
        into.merge(values.lookupOrd(o).utf8ToString(), byOrd[o], Long::sum);
      }
    }
  }

  private static List<ImageResult.ValueCount> values(Map<String, Long> counts, Set<String> selected) {
    Map<String, Long> all = new LinkedHashMap<>(counts);
    selected.forEach(v -> all.putIfAbsent(v, 0L));
    List<ImageResult.ValueCount> out = new ArrayList<>();
    all.forEach((v, n) -> out.add(new ImageResult.ValueCount(v, n, selected.contains(v))));
    out.sort(Comparator.comparingLong(ImageResult.ValueCount::images).reversed().thenComparing(ImageResult.ValueCount::value));
    return out;
  }

  /** Images at the node and under each of its children, from the images counted per category. */
  private ImageResult.Hierarchy hierarchy(Map<String, Long> byCategory, Categories categories, String underId) {
    String nodeId = underId == null ? nodes.root : underId;
    Set<String> children = new java.util.LinkedHashSet<>(nodes.lexicon.hyponyms(nodeId));
    Map<String, Long> childCounts = new HashMap<>();
    long here = 0;
    long unmapped = 0;
    for (var e : byCategory.entrySet()) {
      String synset = categories.synsetByKey.get(e.getKey());
      if (synset == null) {
        unmapped += e.getValue();
        continue;
      }
      Set<String> ancestors = nodes.paths.ancestors(synset);
      if (!ancestors.contains(nodeId)) {
        continue;
      }
      here += e.getValue();
      for (String a : ancestors) {
        if (children.contains(a)) {
          childCounts.merge(a, e.getValue(), Long::sum);
        }
      }
    }
    List<ImageResult.NodeImages> out = new ArrayList<>();
    childCounts.forEach((id, n) -> {
      PathNode p = nodes.pathNode(id);
      out.add(new ImageResult.NodeImages(id, p.name(), n, p.sensitive()));
    });
    out.sort(Comparator.comparingLong(ImageResult.NodeImages::images).reversed().thenComparing(ImageResult.NodeImages::name));
    List<PathNode> crumbs = nodes.paths.paths(nodeId).get(0).stream().map(nodes::pathNode).toList();
    return new ImageResult.Hierarchy(nodes.pathNode(nodeId), crumbs, here, out, underId == null ? unmapped : 0);
  }

  private ImageHit hit(IndexSnapshot s, Overlay overlay, IndexSearcher images, int doc, String dataset,
      Categories categories) throws IOException {
    Document d = images.storedFields().document(doc);
    Map<String, Object> record = ImageFields.decode(d.get(ImageFields.RECORD));
    String label = (String) record.get("label");
    String wnid = (String) record.get("wnid");
    String key = label != null ? org.synscope.dataset.CategoryKeys.ofLabel(label) : wnid;
    Integer categoryDoc = categories.docByKey.get(key);
    Hit category = categoryDoc == null ? null : hits.hit(s, overlay, categoryDoc, null);
    boolean hurtful = category != null && (category.primaryFlags().stream().anyMatch(BuiltInFlags.OFFENSIVE::contains)
        || "offensive".equals(category.review()));
    @SuppressWarnings("unchecked")
    Map<String, String> metadata = (Map<String, String>) record.getOrDefault("metadata", Map.of());
    return new ImageHit(dataset, d.getField(ImageFields.N).numericValue().longValue(), label, wnid, key,
        category == null ? null : category.synset(), category == null ? null : category.name(),
        (String) record.get("url"), (String) record.get("path"), metadata, hurtful, category != null && category.sensitive());
  }

  /** A dataset's categories by key: their documents and primary synsets (read once per snapshot). */
  private record Categories(Map<String, Integer> docByKey, Map<String, String> synsetByKey) {
    /** A category named by key or label. */
    String key(String keyOrLabel) {
      return docByKey.containsKey(keyOrLabel) ? keyOrLabel : org.synscope.dataset.CategoryKeys.ofLabel(keyOrLabel);
    }
  }

  private static Categories categories(IndexSnapshot s, String dataset) {
    return (Categories) s.derived.computeIfAbsent("image-categories:" + dataset, k -> {
      Map<String, Integer> docs = new HashMap<>();
      Map<String, String> synsets = new HashMap<>();
      try {
        for (ScoreDoc sd : s.searcher.search(new TermQuery(new Term(IndexFields.DATASET, dataset)),
            Math.max(1, s.searcher.count(new TermQuery(new Term(IndexFields.DATASET, dataset))))).scoreDocs) {
          LeafReaderContext leaf = s.leaf(sd.doc);
          StoredHits.Core c = s.stored().get(leaf, sd.doc - leaf.docBase);
          docs.put(c.key(), sd.doc);
          if (c.synset() != null) {
            synsets.put(c.key(), c.synset());
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return new Categories(docs, synsets);
    });
  }

  /** Receives images in number order. */
  interface ImageSink {
    void accept(long n, String path, String category);
  }

  /** Every image of these categories (keys), in number order, with its path when it has one. */
  long each(String dataset, Collection<String> keys, ImageSink sink) {
    return snapshots.read("images of " + dataset, s -> {
      IndexSearcher images = searcher(s, dataset);
      Query q = new TermInSetQuery(ImageFields.CATEGORY, keys.stream().map(BytesRef::new).toList());
      int n = images.count(q);
      if (n == 0) {
        return 0L;
      }
      ScoreDoc[] all = images.search(q, n, BY_NUMBER).scoreDocs;
      var stored = images.storedFields();
      for (ScoreDoc sd : all) {
        Document d = stored.document(sd.doc);
        Map<String, Object> record = ImageFields.decode(d.get(ImageFields.RECORD));
        String label = (String) record.get("label");
        sink.accept(d.getField(ImageFields.N).numericValue().longValue(), (String) record.get("path"),
            label != null ? org.synscope.dataset.CategoryKeys.ofLabel(label) : (String) record.get("wnid"));
      }
      return (long) all.length;
    });
  }
}
