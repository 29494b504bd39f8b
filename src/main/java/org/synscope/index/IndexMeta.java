package org.synscope.index;

import java.util.Map;
import java.util.TreeMap;

/**
 * meta.json, saved beside the index so searcher and indexer never drift: the schema version, the
 * WordNet version every dataset of this index uses, a generation bumped on every publish, each
 * dataset's metadata, and the per-image imports of the datasets that have one.
 */
public record IndexMeta(int schema, String wordnet, long generation, Map<String, DatasetMeta> datasets,
    Map<String, ImageSetMeta> images) {

  public IndexMeta {
    datasets = Map.copyOf(datasets);
    images = images == null ? Map.of() : Map.copyOf(images); // absent in indexes built before image imports
  }

  public IndexMeta(int schema, String wordnet, long generation, Map<String, DatasetMeta> datasets) {
    this(schema, wordnet, generation, datasets, Map.of());
  }

  /** The datasets in name order. */
  public Map<String, DatasetMeta> sorted() {
    return new TreeMap<>(datasets);
  }

  IndexMeta with(DatasetMeta dataset) {
    var all = new TreeMap<>(datasets);
    all.put(dataset.name(), dataset);
    return new IndexMeta(IndexFields.SCHEMA_VERSION, dataset.wordnet(), generation + 1, all, images);
  }

  IndexMeta with(ImageSetMeta set) {
    var all = new TreeMap<>(images);
    all.put(set.name(), set);
    return new IndexMeta(IndexFields.SCHEMA_VERSION, wordnet, generation + 1, datasets, all);
  }
}
