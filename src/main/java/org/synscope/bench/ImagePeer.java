package org.synscope.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Another engine answering the image benchmark's questions over the same records (number, category,
 * engine, domain, year) and the same categories (primary synset and ancestors), so synscope's answers
 * can be checked against it and timed beside it in the same run. The DuckDB peer lives in the test
 * sources: a benchmark tool, not a dependency of synscope.
 */
public interface ImagePeer extends AutoCloseable {
  /** One image as the peer loads it; {@code year} 0 when the record has none. */
  record Row(long n, int category, String engine, String domain, int year) {}

  /**
   * A category of the dataset.
   *
   * @param synset its primary synset, or null when unmapped
   * @param ancestors the synset and every ancestor, each once (empty when unmapped)
   */
  record Category(int id, String key, String synset, List<String> ancestors) {}

  /**
   * Image counts at a node and under each of its children with images; {@code unmapped}: images of
   * categories outside WordNet (counted at the root only).
   */
  record Counts(long images, Map<String, Long> children, long unmapped) {}

  String name();

  /** Builds the peer's tables; {@code children} gives each node's hyponyms (as WordNet lists them). */
  void load(List<Category> categories, Map<String, List<String>> children, Iterator<Row> rows) throws Exception;

  /** Images at or under {@code node} and under each of its children, of {@code engine} (null: any). */
  Counts counts(String node, boolean root, String engine) throws Exception;

  /** The first {@code size} image numbers of a category, in number order. */
  List<Long> page(int category, int size) throws Exception;

  /** Closes the peer and removes what it built. */
  @Override
  void close() throws java.io.IOException;
}
