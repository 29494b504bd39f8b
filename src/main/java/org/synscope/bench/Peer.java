package org.synscope.bench;

import java.util.List;
import java.util.Map;
import org.synscope.search.CategoryRecord;

/**
 * Another engine answering the benchmark's questions over the same categories (the same sense
 * mapping, the same analysed terms), so synscope's answers can be checked against it and timed
 * beside it in the same run. The SQLite peer lives in the test sources: it is a benchmark tool, not
 * a dependency of synscope.
 */
public interface Peer extends AutoCloseable {
  /** A facet value's or a node's count. */
  record Count(long categories, long images) {}

  /** A node's count with its offensive-flagged part. */
  record NodeTotals(long categories, long images, long flagged, long flaggedImages) {}

  /**
   * What a search page shows.
   *
   * @param facets facet name (dataset, flag, lexfile, status, sense, images) to value to count
   * @param node the counted node's totals
   * @param children the node's children with matches
   * @param hits the first hits in label order, each as what the page shows of it: its export values
   *     ({@code HitCsv.COLUMNS}) joined by {@link #shown}
   */
  record Answer(long total, long images, Map<String, Map<String, Count>> facets, NodeTotals node,
      Map<String, NodeTotals> children, List<String> hits) {}

  /** What a category page shows: children and siblings with counts in its dataset, and the same synset elsewhere. */
  record CategoryAnswer(Map<String, NodeTotals> children, Map<String, NodeTotals> siblings, List<String> sameSynset) {}

  /** A hit's shown values as one comparable line. */
  static String shown(List<String> values) {
    return String.join(" | ", values);
  }

  String name();

  /**
   * Builds the peer's tables; {@code children} gives each node's hyponyms (as WordNet lists them), and
   * {@code shown}, by {@code dataset/key}, each category's export values in {@code HitCsv.COLUMNS} order
   * (the values a table imported from synscope's CSV would hold).
   */
  void load(List<CategoryRecord> categories, Map<String, List<String>> children, Map<String, List<String>> shown)
      throws Exception;

  /**
   * One search page: the categories of {@code dataset} (or all, when null) matching {@code term} (an
   * analysed term, or null for all), under {@code under} (or anywhere), with the built-in {@code flag}
   * (or any). The dataset and flag facets ignore their own filter (drill sideways). Children are
   * counted under {@code node}; {@code size} hits in label order.
   */
  Answer search(String dataset, String term, String under, String flag, String node, int size) throws Exception;

  CategoryAnswer category(String dataset, String key) throws Exception;

  /** A node's children and, per child, its children, each with matches. */
  Map<String, Map<String, NodeTotals>> tree(String dataset, String node) throws Exception;

  /**
   * Writes every category of {@code dataset} under {@code under} as synscope's CSV export writes it (the
   * same columns and quoting, no header), in label order; returns how many.
   */
  long export(String dataset, String under, Appendable out) throws Exception;

  /** Closes the peer and removes what it built. */
  @Override
  void close() throws java.io.IOException;
}
