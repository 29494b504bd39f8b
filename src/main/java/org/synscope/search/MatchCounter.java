package org.synscope.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.synscope.index.IndexFields;
import org.synscope.risk.RiskWeights;

/**
 * Counts the matching categories in one pass: total categories and images, the values of some flat
 * facets, and (optionally) the hierarchy. Hierarchy counts read each document's ancestor set from
 * sorted-set doc values, where every ancestor appears once however many hypernym paths reach it, so
 * a multi-parent category (dog.n.01 reaches animal.n.01 twice) adds one category and its images
 * once at every node. Counts are exact; nothing is sampled.
 */
final class MatchCounter implements Collector {
  private final Set<Facet> facets;
  private final boolean hierarchy;
  private final Set<String> offensive;
  private final Overlay overlay;

  private long total;
  private long images;
  private long imagesKnown;
  private long unmapped;
  private final Map<Facet, Map<String, long[]>> values = new EnumMap<>(Facet.class);
  private final List<LeafHierarchy> leaves = new ArrayList<>();

  /** Per-segment hierarchy arrays indexed by the segment's ancestor ordinals. */
  private record LeafHierarchy(SortedSetDocValues terms, long[] categories, long[] images, long[] flagged,
      long[] flaggedImages) {}

  MatchCounter(Set<Facet> facets, boolean hierarchy, Set<String> offensive, Overlay overlay) {
    this.facets = facets;
    this.hierarchy = hierarchy;
    this.offensive = offensive;
    this.overlay = overlay;
    facets.forEach(f -> values.put(f, new LinkedHashMap<>()));
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

  /** Value to {categories, images} for a counted facet, in first-seen order. */
  Map<String, long[]> values(Facet facet) {
    return values.get(facet);
  }

  /** Categories, images, offensive-flagged categories and their images at or below a node. */
  long[] node(String synsetId) {
    long[] out = new long[4];
    BytesRef term = new BytesRef(synsetId);
    for (LeafHierarchy leaf : leaves) {
      try {
        long ord = leaf.terms.lookupTerm(term);
        if (ord >= 0) {
          out[0] += leaf.categories[(int) ord];
          out[1] += leaf.images[(int) ord];
          out[2] += leaf.flagged[(int) ord];
          out[3] += leaf.flaggedImages[(int) ord];
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return out;
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    var reader = context.reader();
    SortedNumericDocValues imageValues = DocValues.getSortedNumeric(reader, IndexFields.IMAGES);
    Map<Facet, SortedSetDocValues> termValues = new EnumMap<>(Facet.class);
    Map<Facet, long[][]> counts = new EnumMap<>(Facet.class);
    for (Facet f : facets) {
      if (f.termField()) {
        SortedSetDocValues dv = DocValues.getSortedSet(reader, f.field());
        termValues.put(f, dv);
        counts.put(f, new long[2][(int) dv.getValueCount()]);
      }
    }
    SortedSetDocValues ancestors = hierarchy ? DocValues.getSortedSet(reader, IndexFields.ANCESTOR) : null;
    LeafHierarchy leaf = null;
    SortedSetDocValues flags = null;
    long[] offensiveOrds = new long[0];
    if (hierarchy) {
      int n = (int) ancestors.getValueCount();
      leaf = new LeafHierarchy(DocValues.getSortedSet(reader, IndexFields.ANCESTOR), new long[n], new long[n], new long[n],
          new long[n]);
      leaves.add(leaf);
      flags = DocValues.getSortedSet(reader, IndexFields.FLAG);
      offensiveOrds = offensive.stream().mapToLong(f -> lookup(reader, f)).filter(o -> o >= 0).toArray();
    }
    int leafOrd = context.ord;
    boolean countLists = facets.contains(Facet.FLAG) && !overlay.lists().isEmpty();
    boolean countReviews = facets.contains(Facet.REVIEW);
    boolean countSignals = facets.contains(Facet.SIGNAL) && !overlay.signals().isEmpty();
    boolean countRisk = facets.contains(Facet.RISK);
    LeafHierarchy h = leaf;
    SortedSetDocValues flagValues = flags;
    long[] offensiveFlagOrds = offensiveOrds;
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) throws IOException {
        total++;
        long n = imageValues.advanceExact(doc) ? imageValues.nextValue() : -1;
        long weight = Math.max(n, 0);
        images += weight;
        if (n >= 0) {
          imagesKnown++;
        }
        for (var e : termValues.entrySet()) {
          SortedSetDocValues dv = e.getValue();
          if (dv.advanceExact(doc)) {
            long[][] c = counts.get(e.getKey());
            for (int i = 0, k = dv.docValueCount(); i < k; i++) {
              int ord = (int) dv.nextOrd();
              c[0][ord]++;
              c[1][ord] += weight;
            }
          }
        }
        if (countLists) {
          for (String list : overlay.listsOf(leafOrd, doc)) {
            long[] v = values.get(Facet.FLAG).computeIfAbsent(list, k -> new long[2]);
            v[0]++;
            v[1] += weight;
          }
        }
        if (countReviews) {
          long[] v = values.get(Facet.REVIEW).computeIfAbsent(overlay.reviewKey(leafOrd, doc), k -> new long[2]);
          v[0]++;
          v[1] += weight;
        }
        if (countSignals) {
          for (String signal : overlay.signalsOf(leafOrd, doc)) {
            long[] v = values.get(Facet.SIGNAL).computeIfAbsent(signal, k -> new long[2]);
            v[0]++;
            v[1] += weight;
          }
        }
        if (countRisk) {
          long[] v = values.get(Facet.RISK).computeIfAbsent(RiskWeights.level(overlay.risk(leafOrd, doc)),
              k -> new long[2]);
          v[0]++;
          v[1] += weight;
        }
        if (facets.contains(Facet.IMAGES)) {
          long[] bucket = values.get(Facet.IMAGES).computeIfAbsent(Facet.imageBucket(n < 0 ? null : n), k -> new long[2]);
          bucket[0]++;
          bucket[1] += weight;
        }
        if (h != null) {
          int flagged = overlay.offensive(leafOrd, doc) ? 1 : 0;
          if (offensiveFlagOrds.length > 0 && flagValues.advanceExact(doc)) {
            for (int i = 0, k = flagValues.docValueCount(); i < k && flagged == 0; i++) {
              long ord = flagValues.nextOrd();
              for (long o : offensiveFlagOrds) {
                if (o == ord) {
                  flagged = 1;
                }
              }
            }
          }
          if (ancestors.advanceExact(doc)) {
            for (int i = 0, k = ancestors.docValueCount(); i < k; i++) {
              int ord = (int) ancestors.nextOrd();
              h.categories[ord]++;
              h.images[ord] += weight;
              h.flagged[ord] += flagged;
              h.flaggedImages[ord] += flagged * weight;
            }
          } else {
            unmapped++;
          }
        }
      }

      @Override
      public void finish() throws IOException {
        for (var e : counts.entrySet()) {
          SortedSetDocValues dv = termValues.get(e.getKey());
          long[][] c = e.getValue();
          Map<String, long[]> into = values.get(e.getKey());
          for (int ord = 0; ord < c[0].length; ord++) {
            if (c[0][ord] > 0) {
              long[] v = into.computeIfAbsent(dv.lookupOrd(ord).utf8ToString(), k -> new long[2]);
              v[0] += c[0][ord];
              v[1] += c[1][ord];
            }
          }
        }
      }
    };
  }

  private static long lookup(org.apache.lucene.index.LeafReader reader, String flag) {
    try {
      return DocValues.getSortedSet(reader, IndexFields.FLAG).lookupTerm(new BytesRef(flag));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
