package org.synscope.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;
import org.synscope.index.ImageFields;
import org.synscope.wordnet.HypernymPaths;

/**
 * What counting a dataset's images reads, laid out once per snapshot: the categories and each facet's
 * values numbered across segments, each category's primary synset and ancestors as node numbers, and,
 * where a segment holds each category's images side by side (Tiny Images numbers its images class by
 * class), the document range of each category: counting the categories of the matches is then one bit
 * count per range instead of a look-up per image. A facet with few values (engine, year) keeps one bit
 * set per value once asked, so its counts over many matches are bit counts too.
 */
final class ImageColumns {
  /** Facets with at most this many values in a segment are counted by bit sets of their values. */
  static final int FEW_VALUES = 16;

  /** Category keys by global category number. */
  final String[] keys;
  /**
   * By global category number: the node numbers of its primary synset and every ancestor, root first (as
   * {@link HypernymPaths#ancestors} gives them); null when unmapped.
   */
  final int[][] ancestors;
  private final Map<String, Integer> nodeNumbers;
  final Leaf[] leaves;
  /** The categories under the nodes asked for last (a page drills into a few nodes, again and again). */
  private final Map<Integer, boolean[]> underNodes = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, boolean[]> eldest) {
      return size() > 64;
    }
  };
  /** Per facet, its values by global number. */
  final Map<String, String[]> values;

  /** One segment: its numbers mapped to the global ones, its category ranges, its facet counts of every document. */
  static final class Leaf {
    final int maxDoc;
    /** Segment category ordinal to global category number. */
    final int[] categories;
    /** Category ranges sorted by start (end exclusive) and their global category, or null when not grouped. */
    final int[] runStart;
    final int[] runEnd;
    final int[] runCategory;
    /** Per facet, segment ordinal to global value number. */
    final Map<String, int[]> facets;
    private final Map<String, long[]> everyDoc = new ConcurrentHashMap<>();
    private final Map<String, FixedBitSet[]> valueBits = new ConcurrentHashMap<>();

    Leaf(int maxDoc, int[] categories, int[][] runs, Map<String, int[]> facets) {
      this.maxDoc = maxDoc;
      this.categories = categories;
      this.runStart = runs == null ? null : runs[0];
      this.runEnd = runs == null ? null : runs[1];
      this.runCategory = runs == null ? null : runs[2];
      this.facets = facets;
    }

    boolean grouped() {
      return runStart != null;
    }
  }

  private ImageColumns(String[] keys, int[][] ancestors, Map<String, Integer> nodeNumbers, Leaf[] leaves,
      Map<String, String[]> values) {
    this.keys = keys;
    this.ancestors = ancestors;
    this.nodeNumbers = nodeNumbers;
    this.leaves = leaves;
    this.values = values;
  }

  /** The node number of a synset, or -1 when no category of these images is at or under it. */
  int node(String synset) {
    return nodeNumbers.getOrDefault(synset, -1);
  }

  /** The number of nodes that some category reaches. */
  int nodes() {
    return nodeNumbers.size();
  }

  /** True per global category when the category is at or under {@code node} (the last few nodes asked are kept). */
  boolean[] under(int node) {
    synchronized (underNodes) {
      boolean[] known = underNodes.get(node);
      if (known != null) {
        return known;
      }
    }
    boolean[] out = new boolean[keys.length];
    if (node >= 0) {
      for (int c = 0; c < keys.length; c++) {
        out[c] = contains(ancestors[c], node);
      }
    }
    synchronized (underNodes) {
      underNodes.put(node, out);
    }
    return out;
  }

  static boolean contains(int[] nodes, int node) {
    if (nodes != null) {
      for (int n : nodes) {
        if (n == node) {
          return true;
        }
      }
    }
    return false;
  }

  /** Reads the raw segments of {@code reader} (not the deadline's wrappers: this runs once, and whole). */
  static ImageColumns build(IndexReader reader, List<String> facetNames, Map<String, String> synsetByKey,
      HypernymPaths paths) throws IOException {
    var contexts = reader.leaves();
    LeafReader[] raw = new LeafReader[contexts.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = FilterLeafReader.unwrap(contexts.get(i).reader());
    }
    Numbered categories = number(raw, ImageFields.CATEGORY);
    Map<String, Integer> nodeNumbers = new HashMap<>();
    int[][] ancestors = new int[categories.values.length][];
    for (int c = 0; c < ancestors.length; c++) {
      String synset = synsetByKey.get(categories.values[c]);
      if (synset != null) {
        Set<String> all = paths.ancestors(synset);
        int[] numbers = new int[all.size()];
        int i = 0;
        for (String a : all) {
          numbers[i++] = nodeNumbers.computeIfAbsent(a, k -> nodeNumbers.size());
        }
        ancestors[c] = numbers;
      }
    }
    Map<String, String[]> values = new LinkedHashMap<>();
    Map<String, Numbered> facets = new LinkedHashMap<>();
    for (String f : facetNames) {
      Numbered n = number(raw, ImageFields.facet(f));
      facets.put(f, n);
      values.put(f, n.values);
    }
    Leaf[] leaves = new Leaf[raw.length];
    for (int i = 0; i < raw.length; i++) {
      Map<String, int[]> facetOrds = new HashMap<>();
      for (var e : facets.entrySet()) {
        facetOrds.put(e.getKey(), e.getValue().segments[i]);
      }
      leaves[i] = new Leaf(raw[i].maxDoc(), categories.segments[i], runs(raw[i], categories.segments[i]), facetOrds);
    }
    return new ImageColumns(categories.values, ancestors, nodeNumbers, leaves, values);
  }

  /** A field's values numbered across segments: the values by global number, and per segment its ordinals' numbers. */
  private record Numbered(String[] values, int[][] segments) {}

  private static Numbered number(LeafReader[] leaves, String field) throws IOException {
    SortedSetDocValues[] dv = new SortedSetDocValues[leaves.length];
    for (int i = 0; i < leaves.length; i++) {
      dv[i] = DocValues.getSortedSet(leaves[i], field);
    }
    OrdinalMap map = OrdinalMap.build(null, dv, PackedInts.DEFAULT);
    String[] values = new String[Math.toIntExact(map.getValueCount())];
    for (int g = 0; g < values.length; g++) {
      values[g] = dv[map.getFirstSegmentNumber(g)].lookupOrd(map.getFirstSegmentOrd(g)).utf8ToString();
    }
    int[][] segments = new int[leaves.length][];
    for (int i = 0; i < leaves.length; i++) {
      LongValues global = map.getGlobalOrds(i);
      segments[i] = new int[Math.toIntExact(dv[i].getValueCount())];
      for (int o = 0; o < segments[i].length; o++) {
        segments[i][o] = (int) global.get(o);
      }
    }
    return new Numbered(values, segments);
  }

  /**
   * Each category's document range when every category's documents in this segment are consecutive (checked
   * from the postings: a term whose documents run from its first one for exactly its document count); else null.
   */
  private static int[][] runs(LeafReader leaf, int[] global) throws IOException {
    Terms terms = leaf.terms(ImageFields.CATEGORY);
    if (terms == null || leaf.getLiveDocs() != null) {
      return null;
    }
    int[] start = new int[global.length];
    int[] end = new int[global.length];
    int ord = 0;
    long covered = 0;
    TermsEnum te = terms.iterator();
    PostingsEnum pe = null;
    // Term order is ordinal order: both are the sorted category keys of this segment.
    for (BytesRef t = te.next(); t != null; t = te.next(), ord++) {
      if (ord >= global.length) {
        return null;
      }
      pe = te.postings(pe, PostingsEnum.NONE);
      int first = pe.nextDoc();
      int last = first + te.docFreq() - 1;
      if ((last > first && pe.advance(last) != last) || pe.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
        return null;
      }
      start[ord] = first;
      end[ord] = last + 1;
      covered += te.docFreq();
    }
    if (ord != global.length || covered != leaf.maxDoc()) {
      return null;
    }
    Integer[] byStart = new Integer[ord];
    for (int i = 0; i < ord; i++) {
      byStart[i] = i;
    }
    Arrays.sort(byStart, (a, b) -> Integer.compare(start[a], start[b]));
    int[][] runs = new int[3][ord];
    for (int i = 0; i < ord; i++) {
      runs[0][i] = start[byStart[i]];
      runs[1][i] = end[byStart[i]];
      runs[2][i] = global[byStart[i]];
    }
    return runs;
  }

  /** A facet's counts over every document of a segment, by segment ordinal (counted once per snapshot). */
  long[] everyDoc(int leaf, LeafReader reader, String facet) {
    return leaves[leaf].everyDoc.computeIfAbsent(facet, f -> {
      try {
        SortedSetDocValues dv = DocValues.getSortedSet(FilterLeafReader.unwrap(reader), ImageFields.facet(f));
        long[] counts = new long[Math.toIntExact(dv.getValueCount())];
        ImageMatches.countAll(dv, counts);
        return counts;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /**
   * One bit set per value of a facet with at most {@link #FEW_VALUES} values in a segment (built from the
   * postings on first use), or null for a facet with more.
   */
  FixedBitSet[] valueBits(int leaf, LeafReader reader, String facet) {
    int[] ords = leaves[leaf].facets.get(facet);
    if (ords.length > FEW_VALUES) {
      return null;
    }
    return leaves[leaf].valueBits.computeIfAbsent(facet, f -> {
      try {
        LeafReader r = FilterLeafReader.unwrap(reader);
        FixedBitSet[] bits = new FixedBitSet[ords.length];
        Terms terms = r.terms(ImageFields.facet(f));
        if (terms != null) {
          TermsEnum te = terms.iterator();
          PostingsEnum pe = null;
          int o = 0;
          for (BytesRef t = te.next(); t != null && o < bits.length; t = te.next(), o++) {
            pe = te.postings(pe, PostingsEnum.NONE);
            bits[o] = new FixedBitSet(r.maxDoc());
            if (pe.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
              pe.intoBitSet(r.maxDoc(), bits[o], 0);
            }
          }
        }
        for (int o = 0; o < bits.length; o++) {
          if (bits[o] == null) {
            bits[o] = new FixedBitSet(r.maxDoc());
          }
        }
        return bits;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
