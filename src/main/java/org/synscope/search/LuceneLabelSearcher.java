package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.synscope.audit.AuditStore;
import org.synscope.index.IndexCatalog;
import org.synscope.index.IndexMeta;
import org.synscope.index.PathNode;
import org.synscope.risk.Signal;
import org.synscope.wordnet.Lexicon;

/**
 * The Lucene implementation of {@link LabelSearcher}: it wires the parts and delegates.
 * {@link Snapshots} holds the open index, {@link FacetedSearch} answers searches, trees and exports,
 * {@link CategoryLookup} category pages, {@link Suggestions} prefixes and spelling,
 * {@link QueueRunner} the review queue, {@link ImageSearch} a dataset's images; {@link HitReader} and {@link Nodes} are shared by them.
 */
final class LuceneLabelSearcher implements LabelSearcher {
  private final Lexicon lexicon;
  private final Map<String, Signal> signals;
  private final Nodes nodes;
  private final Snapshots snapshots;
  private final FacetedSearch search;
  private final CategoryLookup categories;
  private final Suggestions suggestions;
  private final QueueRunner queue;
  private final ImageSearch images;

  LuceneLabelSearcher(IndexCatalog catalog, Lexicon lexicon, long timeoutMillis, AuditStore audit,
      Map<String, Signal> signals) {
    this.lexicon = lexicon;
    this.signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals)); // definition order
    this.nodes = new Nodes(lexicon);
    this.snapshots = new Snapshots(catalog, lexicon, audit, nodes.paths, this.signals, timeoutMillis);
    HitReader hits = new HitReader(nodes);
    this.search = new FacetedSearch(snapshots, nodes, hits);
    this.categories = new CategoryLookup(snapshots, nodes, hits);
    this.suggestions = new Suggestions(snapshots, hits);
    this.queue = new QueueRunner(snapshots, nodes, hits);
    this.images = new ImageSearch(snapshots, nodes, hits);
  }

  @Override
  public ImageResult images(ImageRequest request) {
    return images.search(request);
  }

  @Override
  public ImageResult.Hierarchy imageCounts(ImageRequest request) {
    return images.counts(request);
  }

  @Override
  public long imagesOf(String dataset, Collection<String> categories, ImageSink sink) {
    return images.each(dataset, categories, sink::accept);
  }

  @Override
  public ImageHit image(String dataset, long n) {
    return images.image(dataset, n);
  }

  @Override
  public SearchResult search(SearchRequest request) {
    return search.search(request);
  }

  @Override
  public TreeResult tree(SearchRequest request) {
    return search.tree(request);
  }

  @Override
  public long export(SearchRequest request, Consumer<Hit> sink) {
    return search.export(request, null, (hit, none) -> sink.accept(hit));
  }

  @Override
  public <T> long export(SearchRequest request, FixedEncoding<T> encoding, java.util.function.BiConsumer<Hit, T> sink) {
    return search.export(request, encoding, sink);
  }

  @Override
  public CategoryView category(String dataset, String idOrLabel) {
    return categories.category(dataset, idOrLabel);
  }

  @Override
  public List<Hit> bySynsets(String dataset, Collection<String> synsets) {
    return categories.bySynsets(dataset, synsets);
  }

  @Override
  public boolean hasLabel(String dataset, String normalizedLabel) {
    return categories.hasLabel(dataset, normalizedLabel);
  }

  @Override
  public Set<String> maskedLabels(Collection<String> ids) {
    return categories.maskedLabels(ids);
  }

  @Override
  public List<Hit> suggest(String prefix, Set<String> datasets, int limit) {
    return suggestions.byPrefix(prefix, datasets, limit);
  }

  @Override
  public QueueResult queue(QueueRequest request) {
    return queue.queue(request);
  }

  @Override
  public QueueEvaluation evalQueue(String dataset, String pool, Set<String> truth, List<Integer> at) {
    return queue.evaluate(dataset, pool, truth, at);
  }

  @Override
  public PathNode node(String idOrName) {
    return nodes.node(idOrName);
  }

  @Override
  public long dump(Consumer<CategoryRecord> sink) {
    IndexSnapshot s = snapshots.take();
    try {
      return CategoryDump.dump(s, sink);
    } finally {
      snapshots.give(s);
    }
  }

  @Override
  public List<String> analyze(String text) {
    return CategoryDump.analyze(text);
  }

  @Override
  public IndexMeta meta() {
    return snapshots.meta();
  }

  @Override
  public void refresh() {
    snapshots.refreshNow();
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
  public void close() {
    try {
      snapshots.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
