package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.FixedBitSet;
import org.synscope.index.IndexFields;

/**
 * What counting reads, laid out once per snapshot as dense arrays indexed by segment and document:
 * each category's image count, its flat facet values as snapshot-wide ordinals, whether a built-in
 * flag calls it offensive, and its <em>ancestor group</em>. Categories with the same ancestor set
 * (every category of one synset, in every dataset) share a group, so the hierarchy is counted per
 * group and rolled up once per group instead of once per category. Reading doc values through
 * Lucene's iterators on every request was most of a home page's time; these arrays make a count a
 * loop over ints. Nothing here depends on the query or the audit record, so it never goes stale
 * within a snapshot.
 */
final class CategoryColumns {
  /** The values of one flat facet: a value table and, per segment, each document's value ordinals (CSR). */
  record TermColumn(String[] values, int[][] start, int[][] ords) {}

  /** Every node that is some category's ancestor (including its own synset), by snapshot-wide id. */
  final String[] nodes;
  private final Map<String, Integer> nodeIds;
  /** Per group, its ancestor node ids: {@code groupNodes[groupStart[g] .. groupStart[g + 1])}. */
  final int[] groupStart;
  /** Per group, the node of its categories' own synset. */
  final int[] groupSelf;
  final int[] groupNodes;
  /** Per node, the groups at or below it: {@code nodeGroups[nodeStart[n] .. nodeStart[n + 1])}, ascending. */
  final int[] nodeStart;
  final int[] nodeGroups;
  /** Per segment and document, its group, or -1 when the category is unmapped. */
  final int[][] group;
  /** Per segment and document, its image count, or -1 when unknown. */
  final long[][] images;
  /** Per segment, the documents a built-in offensive flag marks (on any sense). */
  final FixedBitSet[] offensiveFlag;
  final Map<Facet, TermColumn> terms;
  /** Per node, the group whose categories have it as their own synset, or -1. */
  final int[] selfGroup;
  /** Per segment, the counts of all its live categories (what a page over the whole segment shows). */
  final SegmentTotals[] segments;

  /**
   * The counts of a whole segment, computed once per snapshot: a page that matches every category of
   * a dataset (the home page, a dataset's root) adds these instead of visiting each category again.
   *
   * @param buckets per image bucket, categories and images interleaved
   * @param terms per facet, per value id, categories and images interleaved
   * @param groups the segment's groups, ascending; {@code groupCounts} their categories and images interleaved
   */
  record SegmentTotals(int live, long total, long images, long imagesKnown, long unmapped, long[] buckets,
      Map<Facet, long[]> terms, int[] groups, long[] groupCounts) {}

  private CategoryColumns(String[] nodes, Map<String, Integer> nodeIds, int[] groupStart, int[] groupSelf,
      int[] groupNodes, int[][] group, long[][] images, FixedBitSet[] offensiveFlag, Map<Facet, TermColumn> terms) {
    this.nodes = nodes;
    this.nodeIds = nodeIds;
    this.groupStart = groupStart;
    this.groupSelf = groupSelf;
    this.groupNodes = groupNodes;
    // Invert the groups' ancestor sets: counting a node is then a sum over the groups below it.
    this.nodeStart = new int[nodes.length + 1];
    for (int n : groupNodes) {
      nodeStart[n + 1]++;
    }
    for (int n = 0; n < nodes.length; n++) {
      nodeStart[n + 1] += nodeStart[n];
    }
    this.nodeGroups = new int[groupNodes.length];
    int[] next = Arrays.copyOf(nodeStart, nodes.length);
    for (int g = 0; g + 1 < groupStart.length; g++) {
      for (int i = groupStart[g]; i < groupStart[g + 1]; i++) {
        nodeGroups[next[groupNodes[i]]++] = g;
      }
    }
    this.group = group;
    this.images = images;
    this.offensiveFlag = offensiveFlag;
    this.terms = terms;
    this.selfGroup = new int[nodes.length];
    Arrays.fill(selfGroup, -1);
    for (int g = 0; g < groupSelf.length; g++) {
      selfGroup[groupSelf[g]] = g;
    }
    this.segments = new SegmentTotals[group.length];
  }

  /** The snapshot-wide id of a node, or -1 when no category lies at or below it. */
  int node(String synsetId) {
    Integer id = nodeIds.get(synsetId);
    return id == null ? -1 : id;
  }

  int groups() {
    return groupStart.length - 1;
  }

  /** Reads the columns of every segment of {@code reader}; {@code offensive} names the flags that count as offensive. */
  static CategoryColumns build(IndexReader reader, Set<String> offensive) {
    try {
      List<LeafReaderContext> leaves = reader.leaves();
      int leafCount = leaves.size();
      Map<String, Integer> nodeIds = new HashMap<>();
      List<String> nodes = new ArrayList<>();
      Map<List<Integer>, Integer> groupIds = new HashMap<>();
      IntList groupStart = new IntList();
      IntList groupNodes = new IntList();
      IntList groupSelf = new IntList();
      groupStart.add(0);
      int[][] group = new int[leafCount][];
      long[][] images = new long[leafCount][];
      FixedBitSet[] offensiveFlag = new FixedBitSet[leafCount];
      Map<Facet, TermColumn> terms = new EnumMap<>(Facet.class);
      Map<Facet, Map<String, Integer>> valueIds = new EnumMap<>(Facet.class);
      Map<Facet, int[][]> starts = new EnumMap<>(Facet.class);
      Map<Facet, int[][]> ords = new EnumMap<>(Facet.class);
      for (Facet f : Facet.values()) {
        if (f.termField()) {
          valueIds.put(f, new HashMap<>());
          starts.put(f, new int[leafCount][]);
          ords.put(f, new int[leafCount][]);
        }
      }
      for (LeafReaderContext ctx : leaves) {
        LeafReader leaf = ctx.reader();
        int maxDoc = leaf.maxDoc();
        int[] g = group[ctx.ord] = new int[maxDoc];
        long[] img = images[ctx.ord] = new long[maxDoc];
        FixedBitSet off = offensiveFlag[ctx.ord] = new FixedBitSet(maxDoc);
        SortedSetDocValues ancestors = DocValues.getSortedSet(leaf, IndexFields.ANCESTOR);
        int[] ancestorIds = globalIds(ancestors, nodeIds, nodes);
        SortedNumericDocValues imageValues = DocValues.getSortedNumeric(leaf, IndexFields.IMAGES);
        SortedSetDocValues flags = DocValues.getSortedSet(leaf, IndexFields.FLAG);
        SortedSetDocValues synsets = DocValues.getSortedSet(leaf, IndexFields.SYNSET);
        long[] offensiveOrds = offensive.stream().mapToLong(f -> lookup(flags, f)).filter(o -> o >= 0).sorted().toArray();
        List<Integer> set = new ArrayList<>();
        for (int doc = 0; doc < maxDoc; doc++) {
          img[doc] = imageValues.advanceExact(doc) ? imageValues.nextValue() : -1;
          set.clear();
          if (ancestors.advanceExact(doc)) {
            for (int i = 0, k = ancestors.docValueCount(); i < k; i++) {
              set.add(ancestorIds[(int) ancestors.nextOrd()]);
            }
          }
          if (set.isEmpty()) {
            g[doc] = -1;
          } else {
            Integer id = groupIds.get(set);
            if (id == null) {
              id = groupIds.size();
              groupIds.put(List.copyOf(set), id);
              set.forEach(groupNodes::add);
              groupStart.add(groupNodes.size);
              if (!synsets.advanceExact(doc)) {
                throw new IllegalStateException("a category with ancestors but no synset in segment " + ctx.ord);
              }
              groupSelf.add(nodeIds.get(synsets.lookupOrd(synsets.nextOrd()).utf8ToString()));
            }
            g[doc] = id;
          }
          if (offensiveOrds.length > 0 && flags.advanceExact(doc)) {
            for (int i = 0, k = flags.docValueCount(); i < k; i++) {
              if (Arrays.binarySearch(offensiveOrds, flags.nextOrd()) >= 0) {
                off.set(doc);
              }
            }
          }
        }
        for (Facet f : starts.keySet()) {
          SortedSetDocValues dv = DocValues.getSortedSet(leaf, f.field());
          int[] ids = globalIds(dv, valueIds.get(f), null);
          int[] st = starts.get(f)[ctx.ord] = new int[maxDoc + 1];
          IntList values = new IntList();
          for (int doc = 0; doc < maxDoc; doc++) {
            if (dv.advanceExact(doc)) {
              for (int i = 0, k = dv.docValueCount(); i < k; i++) {
                values.add(ids[(int) dv.nextOrd()]);
              }
            }
            st[doc + 1] = values.size;
          }
          ords.get(f)[ctx.ord] = values.toArray();
        }
      }
      valueIds.forEach((f, ids) -> {
        String[] values = new String[ids.size()];
        ids.forEach((v, id) -> values[id] = v);
        terms.put(f, new TermColumn(values, starts.get(f), ords.get(f)));
      });
      CategoryColumns columns = new CategoryColumns(nodes.toArray(String[]::new), nodeIds, groupStart.toArray(),
          groupSelf.toArray(), groupNodes.toArray(), group, images, offensiveFlag, terms);
      for (LeafReaderContext ctx : leaves) {
        columns.segments[ctx.ord] = columns.total(ctx.ord, ctx.reader().getLiveDocs());
      }
      return columns;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts every live category of a segment. */
  private SegmentTotals total(int leaf, org.apache.lucene.util.Bits liveDocs) {
    int maxDoc = group[leaf].length;
    long total = 0;
    long img = 0;
    long known = 0;
    long unmapped = 0;
    long[] buckets = new long[2 * Facet.IMAGE_BUCKETS.size()];
    Map<Facet, long[]> termTotals = new EnumMap<>(Facet.class);
    terms.forEach((f, column) -> termTotals.put(f, new long[2 * column.values().length]));
    long[] perGroup = new long[2 * groups()];
    for (int doc = 0; doc < maxDoc; doc++) {
      if (liveDocs != null && !liveDocs.get(doc)) {
        continue;
      }
      total++;
      long n = images[leaf][doc];
      long weight = Math.max(n, 0);
      img += weight;
      known += n >= 0 ? 1 : 0;
      int b = bucket(n);
      buckets[2 * b]++;
      buckets[2 * b + 1] += weight;
      for (var e : terms.entrySet()) {
        long[] c = termTotals.get(e.getKey());
        int[] st = e.getValue().start()[leaf];
        int[] o = e.getValue().ords()[leaf];
        for (int i = st[doc]; i < st[doc + 1]; i++) {
          c[2 * o[i]]++;
          c[2 * o[i] + 1] += weight;
        }
      }
      int g = group[leaf][doc];
      if (g < 0) {
        unmapped++;
      } else {
        perGroup[2 * g]++;
        perGroup[2 * g + 1] += weight;
      }
    }
    IntList present = new IntList();
    for (int g = 0; g < groups(); g++) {
      if (perGroup[2 * g] > 0) {
        present.add(g);
      }
    }
    int[] ids = present.toArray();
    long[] counts = new long[2 * ids.length];
    for (int i = 0; i < ids.length; i++) {
      counts[2 * i] = perGroup[2 * ids[i]];
      counts[2 * i + 1] = perGroup[2 * ids[i] + 1];
    }
    return new SegmentTotals((int) total, total, img, known, unmapped, buckets, termTotals, ids, counts);
  }

  /** The image bucket of a count (-1: unknown), as {@link Facet#IMAGE_BUCKETS} orders them. */
  static int bucket(long n) {
    return n < 0 ? 0 : n == 0 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10_000 ? 4 : 5;
  }

  /** Maps a segment's ordinals to snapshot-wide ids, adding values not seen before (to {@code names} too, if given). */
  private static int[] globalIds(SortedSetDocValues dv, Map<String, Integer> ids, List<String> names) throws IOException {
    int[] out = new int[(int) dv.getValueCount()];
    for (int ord = 0; ord < out.length; ord++) {
      String value = dv.lookupOrd(ord).utf8ToString();
      Integer id = ids.get(value);
      if (id == null) {
        id = ids.size();
        ids.put(value, id);
        if (names != null) {
          names.add(value);
        }
      }
      out[ord] = id;
    }
    return out;
  }

  private static long lookup(SortedSetDocValues dv, String term) {
    try {
      return dv.lookupTerm(new org.apache.lucene.util.BytesRef(term));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A growable int array. */
  private static final class IntList {
    int[] data = new int[1024];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
