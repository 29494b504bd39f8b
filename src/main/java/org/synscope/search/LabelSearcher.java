package org.synscope.search;

import java.io.Closeable;
import java.util.function.Consumer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.IndexMeta;
import org.synscope.index.PathNode;
import org.synscope.wordnet.Lexicon;

/** Searches the category index: hits, facets, hierarchy counts and category pages. */
public interface LabelSearcher extends Closeable {

  /** Runs a search. */
  SearchResult search(SearchRequest request);

  /** Calls {@code sink} with every hit of the request in order (all pages), for exports. */
  long export(SearchRequest request, Consumer<Hit> sink);

  /**
   * As {@link #export(SearchRequest, Consumer)}, handing each hit to {@code sink} with its {@code encoding},
   * made on the category's first export from the snapshot and kept until the snapshot is closed.
   */
  <T> long export(SearchRequest request, FixedEncoding<T> encoding, java.util.function.BiConsumer<Hit, T> sink);

  /** One category by its key, label, synset id or synset name. */
  CategoryView category(String dataset, String idOrLabel);

  /**
   * The category a decision is recorded on: as {@link #category}, but a synset id, name or word that is the
   * primary sense of several categories is a 400 rather than the one with most images (a review of
   * {@code greaser.n.01} went to {@code taco}, one of three).
   */
  default CategoryView categoryToDecide(String dataset, String given) {
    CategoryView v = category(dataset, given);
    int holding = sharingTheName(dataset, given, v);
    if (holding > 1) {
      throw SearchException.badRequest("'" + given + "' names " + holding + " categories of " + dataset + " (each has "
          + v.hit().name() + " as its primary sense): give the category's label or key, as its page shows it (the"
          + " query synset:" + v.hit().synset() + " lists them)");
    }
    return v;
  }

  /**
   * How many categories of the dataset {@code given} names when it named {@code v} by its synset (an id,
   * a name, or a word that is not v's own label) rather than by its key: more than 1 when others hold the
   * same primary synset, and {@link #category} took the one with most images.
   */
  default int sharingTheName(String dataset, String given, CategoryView v) {
    String synset = v.hit().synset();
    if (synset == null || v.hit().key().equals(org.synscope.dataset.CategoryKeys.ofLabel(given))) {
      return 1;
    }
    return bySynsets(dataset, java.util.List.of(synset)).size();
  }

  /** The hierarchy two levels below the request's node (the root without {@code under}), with counts under its filters. */
  TreeResult tree(SearchRequest request);

  /** A synset id or name as a path node with its name; 404 when WordNet has no such noun. */
  PathNode node(String idOrName);

  /** Labels and lemmas starting with {@code prefix}, most images first. */
  java.util.List<Hit> suggest(String prefix, java.util.Set<String> datasets, int limit);

  /** The categories of a dataset whose primary synset is one of {@code synsets}, most images first. */
  java.util.List<Hit> bySynsets(String dataset, java.util.Collection<String> synsets);

  /** True when some category (of {@code dataset}, or of any dataset when null) has this normalised label. */
  boolean hasLabel(String dataset, String normalizedLabel);

  /** Every live category as plain values, with the analysed terms the index holds (what a benchmark peer loads). */
  long dump(Consumer<CategoryRecord> sink);

  /** The terms the index analyzer makes of a text, as a query word is matched. */
  java.util.List<String> analyze(String text);

  /** meta.json as currently served. */
  IndexMeta meta();

  /** 404 naming the indexed datasets unless {@code dataset} is one of them. */
  default void requireDataset(String dataset) {
    CategoryLookup.requireDataset(meta(), dataset);
  }

  /**
   * 404 for a dataset filter that can only answer nothing: not indexed, and nothing recorded for it
   * (a dataset removed from the index keeps its recorded reviews and corrections, which stay listable).
   */
  default void requireKnownDataset(String dataset, boolean anythingRecorded) {
    if (dataset != null && !anythingRecorded) {
      requireDataset(dataset);
    }
  }

  /** Opens what was just published at once (the write paths call it; readers otherwise poll meta.json). */
  void refresh();

  /** The lexicon the index was built with. */
  Lexicon lexicon();

  @Override
  void close();

  /** Opens the index; queries running longer than {@code timeoutMillis} are stopped. */
  static LabelSearcher open(IndexCatalog catalog, Lexicon lexicon, long timeoutMillis) {
    return open(catalog, lexicon, timeoutMillis, null);
  }

  /** Opens the index with an audit record whose lists and reviews become flags and a facet. */
  static LabelSearcher open(IndexCatalog catalog, Lexicon lexicon, long timeoutMillis, org.synscope.audit.AuditStore audit) {
    return open(catalog, lexicon, timeoutMillis, audit, org.synscope.risk.SignalDefinitions.load(lexicon, null));
  }

  /** Opens the index with an audit record and the sensitive-attribute signals in force. */
  static LabelSearcher open(IndexCatalog catalog, Lexicon lexicon, long timeoutMillis, org.synscope.audit.AuditStore audit,
      java.util.Map<String, org.synscope.risk.Signal> signals) {
    return new LuceneLabelSearcher(catalog, lexicon, timeoutMillis, audit, signals);
  }

  /** The next categories of a dataset to review, best first (see the review queue in the README). */
  QueueResult queue(QueueRequest request);

  /**
   * Simulates the review queue against a truth list (wnids or normalised labels of the unsafe
   * categories), over the dataset or the part of it under {@code pool} (may be null).
   */
  QueueEvaluation evalQueue(String dataset, String pool, java.util.Set<String> truth, java.util.List<Integer> at);

  /** Of these categories ({@code dataset/key}), the ones whose label lists mask (a slur on the primary sense). */
  java.util.Set<String> maskedLabels(java.util.Collection<String> ids);

  /** A page of a dataset's images with metadata facets and image counts through the hierarchy. */
  ImageResult images(ImageRequest request);

  /**
   * Only the image counts of a search of images: at its node and under each child, through the categories
   * (what the hierarchy facet of {@link #images} holds, without the page and the metadata facets).
   */
  ImageResult.Hierarchy imageCounts(ImageRequest request);

  /** One image of a dataset by number; 404 when there is no such image. */
  ImageHit image(String dataset, long n);

  /** Receives a dataset's images in number order: the number, the path (null for none) and the category key. */
  interface ImageSink {
    void accept(long n, String path, String category);
  }

  /** Every image of these categories (keys) of a dataset, in number order; how many. */
  long imagesOf(String dataset, java.util.Collection<String> categories, ImageSink sink);

  /** The sensitive-attribute signals in force, by name. */
  java.util.Map<String, org.synscope.risk.Signal> signals();
}
