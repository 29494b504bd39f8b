package org.synscope.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;
import org.synscope.audit.ReviewStatus;

/**
 * Counts the matching categories: total categories and images, the values of some flat facets, and
 * (optionally) the hierarchy. A segment's matches are first collected into a bit set; then one pass
 * over the matches reads {@link CategoryColumns} (images, facet ordinals, ancestor group), and the
 * audit record's small member sets (lists, signals, reviews, risk levels) are intersected with the
 * matches. A node's count is the sum over the ancestor groups below it, where every ancestor appears
 * once however many hypernym paths reach it: a multi-parent category (dog.n.01 reaches animal.n.01
 * twice) adds one category and its images once at every node. Counts are exact; nothing is sampled or
 * cached across requests.
 */
final class MatchCounter implements Collector, AutoCloseable {
  /** A facet value's count. */
  record Count(long categories, long images) {}

  /** Categories and images at or below a node, and those of them the flags or the audit record call offensive. */
  record NodeTotals(long categories, long images, long flagged, long flaggedImages) {
    static final NodeTotals NONE = new NodeTotals(0, 0, 0, 0);
  }

  /**
   * Per-thread arrays for the hierarchy counts, zeroed after use by walking only what was touched:
   * allocating (and zeroing) a few megabytes per request cost more than counting a small result.
   */
  private static final class Scratch {
    long[] groups = new long[0];
    long[] nodes = new long[0];
    boolean inUse;
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final CategoryColumns columns;
  private final Set<Facet> facets;
  private final Scratch scratch;
  private final boolean hierarchy;
  private final Overlay overlay;

  private long total;
  private long images;
  private long imagesKnown;
  private long unmapped;
  /** Per facet, per value id: categories at [2 * id], images at [2 * id + 1]. */
  private final Map<Facet, long[]> termCounts = new EnumMap<>(Facet.class);
  private final long[] listCounts;
  private final long[] signalCounts;
  /** Per review status ordinal + 1 (0: unreviewed). */
  private final long[] reviewCounts = new long[2 * (ReviewStatus.values().length + 1)];
  private final long[] riskCounts = new long[2 * Facet.RISK_LEVELS.size()];
  private final long[] bucketCounts = new long[2 * Facet.IMAGE_BUCKETS.size()];
  /** Per group: categories, images, flagged categories, flagged images. */
  private final long[] groupCounts;
  /** The groups with a match, in first-match order (so a small result rolls up only what it touched). */
  private int[] touched = new int[64];
  private int touchedCount;
  /** True once a whole segment was added: every group may hold counts, so nodes are summed lazily. */
  private boolean dense;
  private long[] nodeCounts;
  /** Group entries read by {@link #node} so far without a roll-up, and what a roll-up would cost (-1: not known yet). */
  private long summed;
  private long rollUpCost = -1;
  /** Per segment, its matches (kept for a page in label order), null for a segment no match reached. */
  private FixedBitSet[] matched = new FixedBitSet[0];

  MatchCounter(CategoryColumns columns, Set<Facet> facets, boolean hierarchy, Overlay overlay) {
    this.columns = columns;
    this.facets = facets;
    this.hierarchy = hierarchy;
    this.overlay = overlay;
    for (Facet f : facets) {
      if (f.termField()) {
        termCounts.put(f, new long[2 * columns.terms.get(f).values().length]);
      }
    }
    this.listCounts = new long[2 * overlay.listMembers().size()];
    this.signalCounts = new long[2 * overlay.signalMembers().size()];
    Scratch mine = null;
    if (hierarchy) {
      Scratch shared = SCRATCH.get();
      mine = shared.inUse ? new Scratch() : shared; // a second counter alive on this thread gets its own
      mine.inUse = true;
      if (mine.groups.length < 4 * columns.groups()) {
        mine.groups = new long[4 * columns.groups()];
      }
      if (mine.nodes.length < 4 * columns.nodes.length) {
        mine.nodes = new long[4 * columns.nodes.length];
      }
    }
    this.scratch = mine;
    this.groupCounts = hierarchy ? mine.groups : null;
  }

  /** Zeroes what this counter wrote into its thread's arrays and hands them back. */
  @Override
  public void close() {
    if (scratch == null || !scratch.inUse) {
      return;
    }
    if (nodeCounts != null) {
      for (int t = 0; t < touchedCount; t++) {
        int g = touched[t];
        for (int i = columns.groupStart[g]; i < columns.groupStart[g + 1]; i++) {
          int k = 4 * columns.groupNodes[i];
          nodeCounts[k] = 0;
          nodeCounts[k + 1] = 0;
          nodeCounts[k + 2] = 0;
          nodeCounts[k + 3] = 0;
        }
      }
    }
    if (dense || touchedCount * 8L >= columns.groups()) {
      java.util.Arrays.fill(groupCounts, 0, 4 * columns.groups(), 0L);
    } else {
      for (int t = 0; t < touchedCount; t++) {
        int k = 4 * touched[t];
        groupCounts[k] = 0;
        groupCounts[k + 1] = 0;
        groupCounts[k + 2] = 0;
        groupCounts[k + 3] = 0;
      }
    }
    scratch.inUse = false;
  }

  /** A manager for a single-threaded searcher: one collector, returned as is. */
  CollectorManager<MatchCounter, MatchCounter> manager() {
    MatchCounter self = this;
    return new CollectorManager<>() {
      @Override
      public MatchCounter newCollector() {
        return self;
      }

      @Override
      public MatchCounter reduce(Collection<MatchCounter> collectors) {
        return self;
      }
    };
  }

  long total() {
    return total;
  }

  long images() {
    return images;
  }

  long imagesKnown() {
    return imagesKnown;
  }

  long unmapped() {
    return unmapped;
  }

  /** Value to count for a counted facet (values with no match left out). */
  Map<String, Count> values(Facet facet) {
    Map<String, Count> out = new LinkedHashMap<>();
    switch (facet) {
      case FLAG -> {
        put(out, columns.terms.get(facet).values(), termCounts.get(facet));
        put(out, overlay.listMembers().keySet().toArray(String[]::new), listCounts);
      }
      case SIGNAL -> put(out, overlay.signalMembers().keySet().toArray(String[]::new), signalCounts);
      case RISK -> put(out, Facet.RISK_LEVELS.toArray(String[]::new), riskCounts);
      case IMAGES -> put(out, Facet.IMAGE_BUCKETS.toArray(String[]::new), bucketCounts);
      case REVIEW -> {
        List<String> keys = new ArrayList<>(List.of(Overlay.UNREVIEWED));
        for (ReviewStatus s : ReviewStatus.values()) {
          keys.add(s.key());
        }
        put(out, keys.toArray(String[]::new), reviewCounts);
      }
      default -> put(out, columns.terms.get(facet).values(), termCounts.get(facet));
    }
    return out;
  }

  private static void put(Map<String, Count> out, String[] names, long[] counts) {
    for (int i = 0; i < names.length; i++) {
      if (counts[2 * i] > 0) {
        out.merge(names[i], new Count(counts[2 * i], counts[2 * i + 1]),
            (a, b) -> new Count(a.categories() + b.categories(), a.images() + b.images()));
      }
    }
  }

  /** Categories and images at or below a node. */
  NodeTotals node(String synsetId) {
    int id = columns.node(synsetId);
    if (id < 0 || (touchedCount == 0 && !dense)) {
      return NodeTotals.NONE;
    }
    if (!dense && touchedCount * 8L < columns.groups()) {
      // A small result: either sum this node's groups (reads), or add each touched group to its ancestors
      // once and read nodes (two scattered writes per group and ancestor: the roll-up, and zeroing after).
      // Summing is chosen while the reads spent so far stay under the roll-up's cost, so a page asking
      // for few nodes of a large result (person.n.01 and its children) never rolls up, and one asking for
      // many never spends more than twice the cheaper way.
      int size = columns.nodeStart[id + 1] - columns.nodeStart[id];
      if (nodeCounts != null || summed + size > rollUpCost()) {
        long[] n = rollUp();
        return new NodeTotals(n[4 * id], n[4 * id + 1], n[4 * id + 2], n[4 * id + 3]);
      }
      summed += size;
    }
    // Sum the groups below this node only.
    long c = 0;
    long img = 0;
    long f = 0;
    long fi = 0;
    long[] g = groupCounts;
    for (int i = columns.nodeStart[id], end = columns.nodeStart[id + 1]; i < end; i++) {
      int k = 4 * columns.nodeGroups[i];
      c += g[k];
      img += g[k + 1];
      f += g[k + 2];
      fi += g[k + 3];
    }
    return new NodeTotals(c, img, f, fi);
  }

  /** Categories whose own synset is the node. */
  long here(String synsetId) {
    int id = columns.node(synsetId);
    int g = id < 0 ? -1 : columns.selfGroup[id];
    return g < 0 ? 0 : groupCounts[4 * g];
  }

  /** What a roll-up costs: each touched group's ancestors written once, and zeroed once after. */
  private long rollUpCost() {
    if (rollUpCost < 0) {
      long c = 0;
      for (int t = 0; t < touchedCount; t++) {
        c += columns.groupStart[touched[t] + 1] - columns.groupStart[touched[t]];
      }
      rollUpCost = 2 * c;
    }
    return rollUpCost;
  }

  private long[] rollUp() {
    if (nodeCounts == null) {
      long[] n = scratch.nodes;
      int[] start = columns.groupStart;
      int[] nodes = columns.groupNodes;
      for (int t = 0; t < touchedCount; t++) {
        int g = touched[t];
        long c = groupCounts[4 * g];
        long img = groupCounts[4 * g + 1];
        long f = groupCounts[4 * g + 2];
        long fi = groupCounts[4 * g + 3];
        for (int i = start[g]; i < start[g + 1]; i++) {
          int k = 4 * nodes[i];
          n[k] += c;
          n[k + 1] += img;
          n[k + 2] += f;
          n[k + 3] += fi;
        }
      }
      nodeCounts = n;
    }
    return nodeCounts;
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) {
    FixedBitSet matched = new FixedBitSet(context.reader().maxDoc());
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) {
        matched.set(doc);
      }

      @Override
      public void collectRange(int min, int max) {
        matched.set(min, max);
      }

      @Override
      public void finish() {
        count(context.ord, matched);
        keep(context.ord, matched);
      }
    };
  }

  private void keep(int leaf, FixedBitSet bits) {
    if (leaf >= matched.length) {
      matched = java.util.Arrays.copyOf(matched, leaf + 1);
    }
    matched[leaf] = bits;
  }

  /** The matches by segment ({@code null} where none), for reading them in label order. */
  FixedBitSet[] matched(int leaves) {
    return matched.length >= leaves ? matched : java.util.Arrays.copyOf(matched, leaves);
  }

  /** Counts one segment's matches. */
  private void count(int leaf, FixedBitSet matched) {
    long[] imageColumn = columns.images[leaf];
    int[] groupColumn = columns.group[leaf];
    int facetCount = termCounts.size();
    int[][] starts = new int[facetCount][];
    int[][] ords = new int[facetCount][];
    long[][] into = new long[facetCount][];
    int t = 0;
    for (var e : termCounts.entrySet()) {
      CategoryColumns.TermColumn column = columns.terms.get(e.getKey());
      starts[t] = column.start()[leaf];
      ords[t] = column.ords()[leaf];
      into[t++] = e.getValue();
    }
    boolean buckets = facets.contains(Facet.IMAGES);
    long[] groups = groupCounts;
    long leafTotal = 0;
    long leafImages = 0;
    int maxDoc = matched.length();
    CategoryColumns.SegmentTotals whole = columns.segments[leaf];
    int cardinality = matched.cardinality();
    // Fewer matches than the bit set has words (a text search): the member sets below are checked
    // against this list of matches rather than walked whole.
    int[] few = cardinality < FixedBitSet.bits2words(maxDoc) ? new int[cardinality] : null;
    if (cardinality == whole.live()) {
      // Every live category of the segment matched: add its totals, counted once per snapshot.
      leafTotal = whole.total();
      leafImages = whole.images();
      imagesKnown += whole.imagesKnown();
      for (var e : termCounts.entrySet()) {
        add(e.getValue(), whole.terms().get(e.getKey()));
      }
      if (buckets) {
        add(bucketCounts, whole.buckets());
      }
      if (groups != null) {
        unmapped += whole.unmapped();
        int[] ids = whole.groups();
        long[] counts = whole.groupCounts();
        for (int i = 0; i < ids.length; i++) {
          groups[4 * ids[i]] += counts[2 * i];
          groups[4 * ids[i] + 1] += counts[2 * i + 1];
        }
        dense = true;
      }
      maxDoc = 0; // nothing left to visit one by one
    }
    for (int doc = maxDoc == 0 ? DocIdSetIterator.NO_MORE_DOCS : matched.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = doc + 1 < maxDoc ? matched.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      if (few != null) {
        few[(int) leafTotal] = doc;
      }
      leafTotal++;
      long n = imageColumn[doc];
      long weight = Math.max(n, 0);
      leafImages += weight;
      if (n >= 0) {
        imagesKnown++;
      }
      for (int f = 0; f < facetCount; f++) {
        int[] st = starts[f];
        int[] o = ords[f];
        long[] c = into[f];
        for (int i = st[doc], end = st[doc + 1]; i < end; i++) {
          c[2 * o[i]]++;
          c[2 * o[i] + 1] += weight;
        }
      }
      if (buckets) {
        int b = bucket(n);
        bucketCounts[2 * b]++;
        bucketCounts[2 * b + 1] += weight;
      }
      if (groups != null) {
        int g = groupColumn[doc];
        if (g < 0) {
          unmapped++;
        } else if (groups[4 * g]++ == 0) {
          if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
          }
          touched[touchedCount++] = g;
          groups[4 * g + 1] += weight;
        } else {
          groups[4 * g + 1] += weight;
        }
      }
    }
    total += leafTotal;
    images += leafImages;
    // The audit record's member sets are small: walk each one and keep the matched members.
    if (facets.contains(Facet.FLAG)) {
      intersect(overlay.listMembers().values(), leaf, matched, few, imageColumn, listCounts);
    }
    if (facets.contains(Facet.SIGNAL)) {
      intersect(overlay.signalMembers().values(), leaf, matched, few, imageColumn, signalCounts);
    }
    if (facets.contains(Facet.REVIEW)) {
      List<FixedBitSet[]> sets = new ArrayList<>();
      for (ReviewStatus s : ReviewStatus.values()) {
        sets.add(overlay.reviewMembers(s));
      }
      long[] reviewed = new long[2 * sets.size()];
      intersect(sets, leaf, matched, few, imageColumn, reviewed);
      rest(reviewed, reviewCounts, 1, leafTotal, leafImages);
    }
    if (facets.contains(Facet.RISK)) {
      List<FixedBitSet[]> sets = List.of(overlay.riskMembers("high"), overlay.riskMembers("medium"));
      long[] risky = new long[4];
      intersect(sets, leaf, matched, few, imageColumn, risky);
      rest(risky, riskCounts, 0, leafTotal, leafImages);
    }
    if (groups != null) {
      flagged(columns.offensiveFlag[leaf], overlay.offensiveMembers(leaf), matched, imageColumn, groupColumn);
    }
  }

  private static void add(long[] into, long[] counts) {
    for (int i = 0; i < counts.length; i++) {
      into[i] += counts[i];
    }
  }

  /** Adds the counts of named sets at {@code from..}, and the remainder (total minus them) at the last slot or slot 0. */
  private static void rest(long[] named, long[] into, int from, long leafTotal, long leafImages) {
    long c = leafTotal;
    long img = leafImages;
    for (int i = 0; i < named.length / 2; i++) {
      into[2 * (i + from)] += named[2 * i];
      into[2 * (i + from) + 1] += named[2 * i + 1];
      c -= named[2 * i];
      img -= named[2 * i + 1];
    }
    int restSlot = from == 0 ? into.length / 2 - 1 : 0;
    into[2 * restSlot] += c;
    into[2 * restSlot + 1] += img;
  }

  /**
   * Counts the matches in each member set: by walking the set, or, given the few matches as a list
   * ({@code few}, else null), by looking each of them up in it.
   */
  private static void intersect(Collection<FixedBitSet[]> sets, int leaf, FixedBitSet matched, int[] few,
      long[] imageColumn, long[] into) {
    int i = 0;
    for (FixedBitSet[] set : sets) {
      FixedBitSet bits = set == null ? null : set[leaf];
      if (bits != null && few != null) {
        for (int doc : few) {
          if (doc < bits.length() && bits.get(doc)) {
            into[2 * i]++;
            into[2 * i + 1] += Math.max(imageColumn[doc], 0);
          }
        }
      } else if (bits != null) {
        int max = bits.length();
        for (int doc = bits.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = doc + 1 < max ? bits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
          if (matched.get(doc)) {
            into[2 * i]++;
            into[2 * i + 1] += Math.max(imageColumn[doc], 0);
          }
        }
      }
      i++;
    }
  }

  /** Adds the matched categories a built-in flag or the audit record calls offensive to their groups' flagged counts. */
  private void flagged(FixedBitSet byFlag, FixedBitSet byRecord, FixedBitSet matched, long[] imageColumn,
      int[] groupColumn) {
    FixedBitSet offensive = byFlag.clone();
    if (byRecord != null) {
      offensive.or(byRecord);
    }
    offensive.and(matched);
    int max = offensive.length();
    for (int doc = offensive.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = doc + 1 < max ? offensive.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      int g = groupColumn[doc];
      if (g >= 0) {
        groupCounts[4 * g + 2]++;
        groupCounts[4 * g + 3] += Math.max(imageColumn[doc], 0);
      }
    }
  }

  private static int bucket(long n) {
    return CategoryColumns.bucket(n);
  }
}
