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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.synscope.flags.BuiltInFlags;
import org.synscope.images.ImageRecord;
import org.synscope.index.ImageFields;
import org.synscope.index.ImageSetMeta;
import org.synscope.index.IndexFields;
import org.synscope.index.PathNode;

/**
 * Searches a dataset's images (its image build): the page of images in image order, the metadata facets
 * with drill-sideways counts, and exact image counts at a node and its children. An image reaches the
 * hierarchy through its category: images are counted per category ({@link ImageMatches} over the
 * snapshot's {@link ImageColumns}), then each category's count is added once to every ancestor of its
 * primary synset. The documents are in image order, so a page is the first matches in index order; a
 * slim build's hits are read again from the source by number.
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
      Matched m = match(s, request);
      IndexSearcher images = m.images();
      ImageSetMeta set = m.set();
      Categories categories = m.categories();
      ImageColumns columns = m.columns();
      boolean[] under = m.under();
      ImageMatches all = m.all();
      int from = (request.page() - 1) * request.size();
      List<ImageHit> page = new ArrayList<>();
      Overlay overlay = snapshots.overlay(s);
      Map<Integer, Hit> seen = new HashMap<>(); // a page's images share a few categories
      for (int doc : all.page(from, Math.min(request.size(), SearchRequest.MAX_DEPTH - from))) {
        page.add(hit(s, overlay, images, doc, request.dataset(), categories, set, seen));
      }
      // The matches count every facet; a selected facet is counted again without its own filter (drill sideways).
      Map<String, List<ImageResult.ValueCount>> facets = new LinkedHashMap<>();
      for (String facet : set.facets()) {
        ImageMatches counted = request.filters().containsKey(facet)
            ? ImageMatches.of(images, columns, query(request.without(facet), categories, set.slim()), under) : all;
        facets.put(facet, values(columns.values.get(facet), counted.facet(facet),
            request.filters().getOrDefault(facet, Set.of())));
      }
      return new ImageResult(request.dataset(), all.total, page, facets, hierarchy(all.byCategory, columns, m.underId()),
          (System.nanoTime() - started) / 1e6);
    });
  }

  /** Only the image counts at the request's node and under each of its children (no page, no metadata facets). */
  ImageResult.Hierarchy counts(ImageRequest request) {
    return snapshots.read(request.query(), s -> {
      Matched m = match(s, request);
      return hierarchy(m.all().byCategory, m.columns(), m.underId());
    });
  }

  /** A request's images and what was read to match them, shared by the full view and the counts alone. */
  private record Matched(IndexSearcher images, ImageSetMeta set, Categories categories, ImageColumns columns,
      String underId, boolean[] under, ImageMatches all) {}

  private Matched match(IndexSnapshot s, ImageRequest request) throws IOException {
    IndexSearcher images = searcher(s, request.dataset());
    ImageSetMeta set = checked(s, request);
    Categories categories = categories(s, request.dataset());
    ImageColumns columns = columns(s, request.dataset(), images, categories);
    String underId = nodes.under(request.under());
    boolean[] under = underId == null ? null : columns.under(columns.node(underId));
    return new Matched(images, set, categories, columns, underId, under,
        ImageMatches.of(images, columns, query(request, categories, set.slim()), under));
  }

  /** One image by number, with its category. */
  ImageHit image(String dataset, long n) {
    return snapshots.read("image " + n, s -> {
      IndexSearcher images = searcher(s, dataset);
      ImageSetMeta set = s.meta.images().get(dataset);
      int doc;
      if (set.slim()) {
        doc = n >= 0 && n < images.getIndexReader().maxDoc() ? (int) n : -1; // a slim build's number is its place
      } else {
        ScoreDoc[] found = images.search(LongField.newExactQuery(ImageFields.N, n), 1).scoreDocs;
        doc = found.length == 0 ? -1 : found[0].doc;
      }
      if (doc < 0) {
        throw SearchException.notFound("no image " + n + " in dataset '" + dataset + "' (its images are numbered 0 to "
            + (set.images() - 1) + ")");
      }
      Categories categories = categories(s, dataset);
      return hit(s, snapshots.overlay(s), images, doc, dataset, categories, set, new HashMap<>());
    });
  }

  /** The dataset's image import; 400 for a facet its images do not have. */
  private static ImageSetMeta checked(IndexSnapshot s, ImageRequest request) {
    ImageSetMeta set = s.meta.images().get(request.dataset());
    for (String facet : request.filters().keySet()) {
      if (!set.facets().contains(facet)) {
        throw SearchException.badRequest("unknown image facet '" + facet + "' (this dataset's images have "
            + (set.facets().isEmpty() ? "none" : String.join(", ", set.facets())) + ")");
      }
    }
    return set;
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

  /** The request's words, category and facet filters; null when it keeps every image (the node is applied by counting). */
  private static Query query(ImageRequest request, Categories categories, boolean slim) {
    if (request.query().isBlank() && request.category() == null && request.filters().isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text(request.query(), slim), Occur.MUST);
    if (request.category() != null) {
      if (!categories.docByKey().containsKey(categories.key(request.category()))) { // a typo answered "no images"
        throw SearchException.notFound("no category '" + request.category() + "' in dataset '" + request.dataset() + "'");
      }
      b.add(new TermQuery(new Term(ImageFields.CATEGORY, categories.key(request.category()))), Occur.FILTER);
    }
    request.filters().forEach((facet, values) -> {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      values.forEach(v -> any.add(new TermQuery(new Term(ImageFields.facet(facet), v)), Occur.SHOULD));
      b.add(any.build(), Occur.FILTER);
    });
    return b.build();
  }

  private static Query text(String query, boolean slim) {
    if (query.isBlank()) {
      return MatchAllDocsQuery.INSTANCE;
    }
    QueryLimits.checkLimits(query);
    QueryParser parser = slim ? new WordsParser() : new GuardedParser();
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(query);
    } catch (ParseException e) {
      throw SearchException.badRequest("cannot parse the query '" + query + "': "
          + e.getMessage().replaceAll("\\s+", " ").replaceFirst("^Cannot parse '.*?': ", ""));
    } catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
      throw SearchException.badRequest(QueryLimits.TOO_COMPLEX);
    } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
      throw SearchException.badRequest(QueryLimits.tooManyClauses());
    }
  }

  /** The image text field's parser, refusing a regular expression too big to build (as the label search does). */
  private static class GuardedParser extends QueryParser {
    GuardedParser() {
      super(ImageFields.TEXT, QueryFactory.ANALYZER);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      QueryLimits.checkRegexp(termStr); // /.{1,999}{1,999}/ held a server thread for over ten minutes
      return super.getRegexpQuery(field, termStr);
    }
  }

  /** A slim build indexes words without positions: a quoted phrase matches images that have all its words. */
  private static final class WordsParser extends GuardedParser {
    WordsParser() {
      setAutoGeneratePhraseQueries(false);
    }

    @Override
    protected Query newFieldQuery(org.apache.lucene.analysis.Analyzer analyzer, String field, String queryText,
        boolean quoted) throws ParseException {
      return createBooleanQuery(field, queryText, Occur.MUST);
    }
  }

  private static List<ImageResult.ValueCount> values(String[] names, long[] counts, Set<String> selected) {
    Map<String, Long> all = new LinkedHashMap<>();
    for (int v = 0; v < counts.length; v++) {
      if (counts[v] > 0) {
        all.put(names[v], counts[v]);
      }
    }
    selected.forEach(v -> all.putIfAbsent(v, 0L));
    List<ImageResult.ValueCount> out = new ArrayList<>();
    all.forEach((v, n) -> out.add(new ImageResult.ValueCount(v, n, selected.contains(v))));
    out.sort(Comparator.comparingLong(ImageResult.ValueCount::images).reversed().thenComparing(ImageResult.ValueCount::value));
    return out;
  }

  /** Images at the node and under each of its children, from the images counted per category. */
  private ImageResult.Hierarchy hierarchy(long[] byCategory, ImageColumns columns, String underId) {
    String nodeId = underId == null ? nodes.root : underId;
    int node = columns.node(nodeId);
    List<String> children = new ArrayList<>(new java.util.LinkedHashSet<>(nodes.lexicon.hyponyms(nodeId)));
    int[] slot = new int[columns.nodes()];
    java.util.Arrays.fill(slot, -1);
    for (int i = 0; i < children.size(); i++) {
      int child = columns.node(children.get(i));
      if (child >= 0) {
        slot[child] = i;
      }
    }
    long[] childCounts = new long[children.size()];
    long here = 0;
    long unmapped = 0;
    for (int c = 0; c < byCategory.length; c++) {
      long n = byCategory[c];
      if (n == 0) {
        continue;
      }
      int[] ancestors = columns.ancestors[c];
      if (ancestors == null) {
        unmapped += n;
        continue;
      }
      // Ancestors are root first (every path starts there): at the root one comparison does.
      if (underId == null ? ancestors[0] != node : !ImageColumns.contains(ancestors, node)) {
        continue;
      }
      here += n;
      for (int a : ancestors) {
        if (slot[a] >= 0) {
          childCounts[slot[a]] += n;
        }
      }
    }
    List<ImageResult.NodeImages> out = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      if (childCounts[i] > 0) {
        PathNode p = nodes.pathNode(children.get(i));
        out.add(new ImageResult.NodeImages(children.get(i), p.name(), childCounts[i], p.sensitive()));
      }
    }
    out.sort(Comparator.comparingLong(ImageResult.NodeImages::images).reversed().thenComparing(ImageResult.NodeImages::name));
    List<PathNode> crumbs = nodes.paths.paths(nodeId).get(0).stream().map(nodes::pathNode).toList();
    return new ImageResult.Hierarchy(nodes.pathNode(nodeId), crumbs, here, out, underId == null ? unmapped : 0);
  }

  /**
   * The image at a global document id: a slim build's record is read again from its source by number (the
   * document's place), another build's from the document's stored JSON.
   */
  private ImageHit hit(IndexSnapshot s, Overlay overlay, IndexSearcher images, int doc, String dataset,
      Categories categories, ImageSetMeta set, Map<Integer, Hit> seen) throws IOException {
    long n;
    String label;
    String wnid;
    String url;
    String path;
    Map<String, String> metadata;
    if (set.slim()) {
      ImageRecord r;
      try {
        r = s.imageSource(dataset).record(doc);
      } catch (org.synscope.config.BadInput e) { // cut or replaced since the import: the source is not available
        throw new org.synscope.index.IndexException("the images of '" + dataset + "' are read from their source, which"
            + " has changed since the import: " + e.getMessage() + "; import the images again", e);
      }
      n = doc;
      label = r.label();
      wnid = r.wnid();
      url = r.url();
      path = r.path();
      metadata = r.metadata();
    } else {
      Document d = images.storedFields().document(doc);
      Map<String, Object> record = ImageFields.decode(d.get(ImageFields.RECORD));
      n = d.getField(ImageFields.N).numericValue().longValue();
      label = (String) record.get("label");
      wnid = (String) record.get("wnid");
      url = (String) record.get("url");
      path = (String) record.get("path");
      @SuppressWarnings("unchecked")
      Map<String, String> stored = (Map<String, String>) record.getOrDefault("metadata", Map.of());
      metadata = stored;
    }
    String key = label != null ? org.synscope.dataset.CategoryKeys.ofLabel(label) : wnid;
    Integer categoryDoc = categories.docByKey.get(key);
    Hit category = categoryDoc == null ? null : seen.computeIfAbsent(categoryDoc, d -> hits.hit(s, overlay, d, null));
    boolean hurtful = category != null && (category.primaryFlags().stream().anyMatch(BuiltInFlags.OFFENSIVE::contains)
        || "offensive".equals(category.review()));
    return new ImageHit(dataset, n, label, wnid, key, category == null ? null : category.synset(),
        category == null ? null : category.name(), url, path, metadata, hurtful, category != null && category.sensitive());
  }

  /** The counting columns of a dataset's images, built once per snapshot. */
  private ImageColumns columns(IndexSnapshot s, String dataset, IndexSearcher images, Categories categories) {
    return (ImageColumns) s.derived.computeIfAbsent("image-columns:" + dataset, k -> {
      try {
        return ImageColumns.build(images.getIndexReader(), s.meta.images().get(dataset).facets(),
            categories.synsetByKey, nodes.paths);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
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
      ImageSetMeta set = s.meta.images().get(dataset);
      Query q = new TermInSetQuery(ImageFields.CATEGORY, keys.stream().map(BytesRef::new).toList());
      if (set.slim()) {
        // Index order is number order, the number is the document's place, and these sources give no paths.
        ImageMatches matches = ImageMatches.of(images, columns(s, dataset, images, categories(s, dataset)), q, null);
        matches.each((doc, category) -> sink.accept(doc, null, category));
        return matches.total;
      }
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
