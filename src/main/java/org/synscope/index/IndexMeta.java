package org.synscope.index;

import java.util.Map;
import java.util.TreeMap;

/**
 * meta.json, saved beside the index so searcher and indexer never drift: the schema version, the
 * WordNet version every dataset of this index uses, a generation bumped on every publish, and each
 * dataset's metadata.
 */
public record IndexMeta(int schema, String wordnet, long generation, Map<String, DatasetMeta> datasets) {

  public IndexMeta {
    datasets = Map.copyOf(datasets);
  }

  /** The datasets in name order. */
  public Map<String, DatasetMeta> sorted() {
    return new TreeMap<>(datasets);
  }

  IndexMeta with(DatasetMeta dataset) {
    var all = new TreeMap<>(datasets);
    all.put(dataset.name(), dataset);
    return new IndexMeta(IndexFields.SCHEMA_VERSION, dataset.wordnet(), generation + 1, all);
  }
}
