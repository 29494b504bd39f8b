package org.synscope.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.synscope.index.ImageFields;

/**
 * One request's matching images: a bit set per segment (none for a segment without matches), narrowed to
 * the categories at or under a node, with the matches counted per category on the way. Facet counts and
 * the page's documents are read from the same bits.
 */
final class ImageMatches {
  private final IndexSearcher searcher;
  private final ImageColumns columns;
  /** Per segment, its matches; null where none match. */
  private final FixedBitSet[] bits;
  private final int[] perLeaf;
  /** Matches by global category number. */
  final long[] byCategory;
  final long total;

  private ImageMatches(IndexSearcher searcher, ImageColumns columns, FixedBitSet[] bits, int[] perLeaf,
      long[] byCategory) {
    this.searcher = searcher;
    this.columns = columns;
    this.bits = bits;
    this.perLeaf = perLeaf;
    this.byCategory = byCategory;
    long t = 0;
    for (int n : perLeaf) {
      t += n;
    }
    this.total = t;
  }

  /**
   * The images matching {@code query} (null: every image) whose category is marked in {@code under} (null:
   * any category).
   */
  static ImageMatches of(IndexSearcher searcher, ImageColumns columns, Query query, boolean[] under) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Weight weight = query == null ? null
        : searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    FixedBitSet[] bits = new FixedBitSet[leaves.size()];
    int[] perLeaf = new int[leaves.size()];
    long[] byCategory = new long[columns.keys.length];
    for (int i = 0; i < bits.length; i++) {
      LeafReaderContext leaf = leaves.get(i);
      int maxDoc = leaf.reader().maxDoc();
      Scorer scorer = weight == null ? null : weight.scorer(leaf);
      if (weight != null && scorer == null) {
        continue; // nothing matches here (a category's word is in one or two segments): no bits at all
      }
      FixedBitSet b = new FixedBitSet(maxDoc);
      bits[i] = b;
      if (scorer == null) {
        b.set(0, maxDoc);
      } else {
        DocIdSetIterator it = scorer.iterator();
        if (it.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
          it.intoBitSet(maxDoc, b, 0);
        }
      }
      Bits live = leaf.reader().getLiveDocs();
      if (live != null) {
        for (int d = b.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS; d = next(b, d)) {
          if (!live.get(d)) {
            b.clear(d);
          }
        }
      }
      ImageColumns.Leaf columnsLeaf = columns.leaves[i];
      perLeaf[i] = columnsLeaf.grouped() ? byRanges(b, columnsLeaf, under, byCategory)
          : byDocument(b, leaf, columnsLeaf, under, byCategory);
    }
    return new ImageMatches(searcher, columns, bits, perLeaf, byCategory);
  }

  private static int next(FixedBitSet b, int d) {
    return d + 1 < b.length() ? b.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS;
  }

  /** Categories in ranges: a bit count per range; ranges of categories outside the node are cleared. */
  private static int byRanges(FixedBitSet b, ImageColumns.Leaf leaf, boolean[] under, long[] byCategory) {
    int total = 0;
    for (int r = 0; r < leaf.runStart.length; r++) {
      int c = leaf.runCategory[r];
      if (under != null && !under[c]) {
        b.clear(leaf.runStart[r], leaf.runEnd[r]);
      } else {
        int n = b.cardinality(leaf.runStart[r], leaf.runEnd[r]);
        byCategory[c] += n;
        total += n;
      }
    }
    return total;
  }

  /** Categories mixed: each match's category looked up; matches outside the node are cleared. */
  private static int byDocument(FixedBitSet b, LeafReaderContext leaf, ImageColumns.Leaf columnsLeaf, boolean[] under,
      long[] byCategory) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), ImageFields.CATEGORY);
    int total = 0;
    for (int d = b.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS; d = next(b, d)) {
      if (!values.advanceExact(d)) {
        b.clear(d);
        continue;
      }
      int c = columnsLeaf.categories[(int) values.nextOrd()];
      if (under != null && !under[c]) {
        b.clear(d);
      } else {
        byCategory[c]++;
        total++;
      }
    }
    return total;
  }

  /** The matches counted by the facet's global value numbers. */
  long[] facet(String facet) throws IOException {
    long[] global = new long[columns.values.get(facet).length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int i = 0; i < bits.length; i++) {
      if (perLeaf[i] == 0) {
        continue;
      }
      LeafReaderContext leaf = leaves.get(i);
      int[] toGlobal = columns.leaves[i].facets.get(facet);
      if (perLeaf[i] == bits[i].length() && leaf.reader().getLiveDocs() == null) {
        long[] every = columns.everyDoc(i, leaf.reader(), facet); // the whole segment matches
        for (int o = 0; o < every.length; o++) {
          global[toGlobal[o]] += every[o];
        }
        continue;
      }
      FixedBitSet[] valueBits = perLeaf[i] > bits[i].length() / 64 ? columns.valueBits(i, leaf.reader(), facet) : null;
      if (valueBits != null) {
        for (int o = 0; o < valueBits.length; o++) {
          global[toGlobal[o]] += FixedBitSet.intersectionCount(bits[i], valueBits[o]);
        }
        continue;
      }
      long[] counts = new long[toGlobal.length];
      SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), ImageFields.facet(facet));
      SortedDocValues single = DocValues.unwrapSingleton(values);
      FixedBitSet b = bits[i];
      for (int d = b.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS; d = next(b, d)) {
        if (single != null) {
          if (single.advanceExact(d)) {
            counts[single.ordValue()]++;
          }
        } else if (values.advanceExact(d)) {
          for (int k = 0; k < values.docValueCount(); k++) {
            counts[(int) values.nextOrd()]++;
          }
        }
      }
      for (int o = 0; o < counts.length; o++) {
        global[toGlobal[o]] += counts[o];
      }
    }
    return global;
  }

  /** Every document's values of a field, counted by ordinal. */
  static void countAll(SortedSetDocValues values, long[] counts) throws IOException {
    SortedDocValues single = DocValues.unwrapSingleton(values);
    if (single != null) {
      for (int d = single.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = single.nextDoc()) {
        counts[single.ordValue()]++;
      }
      return;
    }
    for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
      for (int k = 0; k < values.docValueCount(); k++) {
        counts[(int) values.nextOrd()]++;
      }
    }
  }

  /** The global document ids of matches {@code from} to {@code from + size} (exclusive), in index order. */
  List<Integer> page(int from, int size) {
    List<Integer> out = new ArrayList<>(Math.min(size, 1_000));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int skip = from;
    for (int i = 0; i < bits.length && out.size() < size; i++) {
      if (skip >= perLeaf[i]) {
        skip -= perLeaf[i];
        continue;
      }
      FixedBitSet b = bits[i];
      int base = leaves.get(i).docBase;
      for (int d = b.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS && out.size() < size; d = next(b, d)) {
        if (skip > 0) {
          skip--;
        } else {
          out.add(base + d);
        }
      }
    }
    return out;
  }

  /** Receives matches in index order. */
  interface Sink {
    void accept(int doc, String category);
  }

  /** Every match in index order, with its global document id and category key. */
  void each(Sink sink) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int i = 0; i < bits.length; i++) {
      if (perLeaf[i] == 0) {
        continue;
      }
      SortedSetDocValues values = DocValues.getSortedSet(leaves.get(i).reader(), ImageFields.CATEGORY);
      FixedBitSet b = bits[i];
      int base = leaves.get(i).docBase;
      for (int d = b.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS; d = next(b, d)) {
        sink.accept(base + d, values.advanceExact(d) ? columns.keys[columns.leaves[i].categories[(int) values.nextOrd()]]
            : null);
      }
    }
  }
}
