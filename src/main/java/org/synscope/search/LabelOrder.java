package org.synscope.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;
import org.synscope.index.IndexFields;

/**
 * Every live category in label order, as Lucene sorts {@link IndexFields#LABEL_SORT} (ties by document),
 * laid out once per snapshot. A query without words scores every match the same, so its results in
 * relevance or label order are its matches in this order: a page or an export walks this array and
 * keeps what matched, instead of re-running the query through a sorting collector that compares labels
 * across segments (most of an export's time before).
 */
final class LabelOrder {
  /** By rank: the segment and the document within it. */
  private final int[] leaf;
  private final int[] doc;
  private final int[] docBase;

  private LabelOrder(int[] leaf, int[] doc, int[] docBase) {
    this.leaf = leaf;
    this.doc = doc;
    this.docBase = docBase;
  }

  static LabelOrder build(IndexReader reader) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    SortedDocValues[] values = new SortedDocValues[leaves.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = DocValues.getSorted(leaves.get(i).reader(), IndexFields.LABEL_SORT);
    }
    OrdinalMap ordinals = OrdinalMap.build(null, values, PackedInts.DEFAULT);
    long[] keys = new long[reader.numDocs()];
    int n = 0;
    int[] docBase = new int[leaves.size()];
    for (int i = 0; i < leaves.size(); i++) {
      LeafReaderContext context = leaves.get(i);
      docBase[i] = context.docBase;
      SortedDocValues dv = DocValues.getSorted(context.reader(), IndexFields.LABEL_SORT); // a fresh iterator
      LongValues toGlobal = ordinals.getGlobalOrds(i);
      Bits live = context.reader().getLiveDocs();
      for (int d = dv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
        if (live == null || live.get(d)) {
          keys[n++] = toGlobal.get(dv.ordValue()) << 32 | (context.docBase + d);
        }
      }
    }
    Arrays.sort(keys, 0, n);
    int[] leafOf = new int[n];
    int[] docOf = new int[n];
    for (int k = 0; k < n; k++) {
      int global = (int) keys[k];
      int l = org.apache.lucene.index.ReaderUtil.subIndex(global, leaves);
      leafOf[k] = l;
      docOf[k] = global - docBase[l];
    }
    return new LabelOrder(leafOf, docOf, docBase);
  }

  /** Receives matches in label order; returns false to stop. */
  interface Visitor {
    boolean visit(int globalDoc);
  }

  /** Calls {@code visitor} with the matched documents (per segment, null for none) in label order. */
  void forEach(FixedBitSet[] matched, Visitor visitor) {
    for (int k = 0; k < leaf.length; k++) {
      FixedBitSet m = matched[leaf[k]];
      if (m != null && m.get(doc[k]) && !visitor.visit(docBase[leaf[k]] + doc[k])) {
        return;
      }
    }
  }

  /** The matched documents of ranks {@code from} to {@code from + size - 1} among the matches, in label order. */
  int[] page(FixedBitSet[] matched, int from, int size) {
    int[] out = new int[size];
    int[] seen = {0, 0};
    forEach(matched, global -> {
      if (seen[0]++ >= from) {
        out[seen[1]++] = global;
      }
      return seen[1] < size;
    });
    return Arrays.copyOf(out, seen[1]);
  }
}
