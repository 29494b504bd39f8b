package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.QueryBuilder;
import org.synscope.audit.AuditStore;
import org.synscope.audit.CategoryRef;
import org.synscope.audit.FlagList;
import org.synscope.audit.Review;
import org.synscope.audit.ReviewStatus;
import org.synscope.audit.Scope;
import org.synscope.index.IndexFields;
import org.synscope.risk.RiskWeights;
import org.synscope.risk.Signal;
import org.synscope.wordnet.HypernymPaths;

/**
 * What the audit record and the signal definitions add to one index snapshot, as per-segment doc
 * sets: the members of every imported flag list and of every sensitive-attribute signal, every
 * category's risk score (its flags' share, stored at import, combined with its signals and lists),
 * and every category's effective review status. A category's own review wins;
 * otherwise the review of its deepest reviewed ancestor whose review holds for descendants (ties: the
 * later review). Recomputed when the snapshot or the audit record changes, so reviews show in search
 * at once and the index itself is never rewritten for them.
 */
final class Overlay {
  /** The review facet's value for categories nobody has reviewed. */
  static final String UNREVIEWED = "unreviewed";
  private static final int LEXICON_CHUNK = 400;

  final long version;
  private final long listsVersion;
  private final int leafCount;
  private final Map<String, FlagList> lists;
  private final Map<String, FixedBitSet[]> listBits = new LinkedHashMap<>();
  private final Map<String, Signal> signals;
  private final Map<String, FixedBitSet[]> signalBits = new LinkedHashMap<>();
  /** Per signal, the documents it marks only through another sense that is not a rare one. */
  private final Map<String, FixedBitSet[]> otherSignalBits = new LinkedHashMap<>();
  private final float[][] risk;
  /** The risk from flags and signals only: what an evaluation against a list uses (the list may be the answers). */
  private final float[][] baseRisk;
  private final Map<String, FixedBitSet[]> riskBits = new LinkedHashMap<>();
  private final Map<ReviewStatus, FixedBitSet[]> reviewBits = new EnumMap<>(ReviewStatus.class);
  private final FixedBitSet[] unreviewed;
  private final FixedBitSet[] listOffensive;
  private final FixedBitSet[] offensive;
  private final byte[][] status;
  private final int[][] inheritedFrom;
  private final List<Review> sources = new ArrayList<>();
  private Marks listMarks;
  private Marks signalMarks;
  private Marks otherSignalMarks;

  private Overlay(long version, long listsVersion, int leafCount, Map<String, FlagList> lists, Map<String, Signal> signals) {
    this.version = version;
    this.listsVersion = listsVersion;
    this.leafCount = leafCount;
    this.lists = lists;
    this.signals = signals;
    this.risk = new float[leafCount][];
    this.baseRisk = new float[leafCount][];
    this.unreviewed = new FixedBitSet[leafCount];
    this.listOffensive = new FixedBitSet[leafCount];
    this.offensive = new FixedBitSet[leafCount];
    this.status = new byte[leafCount][];
    this.inheritedFrom = new int[leafCount][];
  }

  /**
   * Computes the overlay of {@code audit} (may be null) on a snapshot's searcher. The list members of
   * {@code previous} (same snapshot) are reused when the lists have not changed: a review does not
   * make a big lexicon run again.
   */
  static Overlay compute(IndexSearcher searcher, AuditStore audit, HypernymPaths paths, Map<String, Signal> signals,
      Overlay previous) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    long listsVersion = audit == null ? -1 : audit.lists().version();
    Map<String, FlagList> lists = audit == null ? Map.of() : audit.lists().all();
    Overlay o = new Overlay(audit == null ? -1 : audit.version(), listsVersion, leaves.size(), lists, signals);
    for (LeafReaderContext leaf : leaves) {
      int n = leaf.reader().maxDoc();
      o.status[leaf.ord] = new byte[n];
      o.inheritedFrom[leaf.ord] = new int[n];
      java.util.Arrays.fill(o.inheritedFrom[leaf.ord], -1);
      o.listOffensive[leaf.ord] = new FixedBitSet(n);
    }
    try {
      if (previous != null && previous.listsVersion == listsVersion && previous.leafCount == o.leafCount) {
        o.listBits.putAll(previous.listBits);
        System.arraycopy(previous.listOffensive, 0, o.listOffensive, 0, o.leafCount);
        o.signalBits.putAll(previous.signalBits);
        o.otherSignalBits.putAll(previous.otherSignalBits);
        System.arraycopy(previous.risk, 0, o.risk, 0, o.leafCount);
        System.arraycopy(previous.baseRisk, 0, o.baseRisk, 0, o.leafCount);
        o.riskBits.putAll(previous.riskBits);
      } else {
        for (FlagList list : lists.values()) {
          FixedBitSet[] bits = null;
          for (Query q : listQueries(list)) { // each within the clause limit; a big lexicon is several
            if (bits == null) {
              bits = o.collect(searcher, q);
            } else {
              o.or(bits, o.collect(searcher, q));
            }
          }
          o.listBits.put(list.name(), bits);
          if (list.offensive()) {
            o.or(o.listOffensive, bits);
          }
        }
        for (Signal signal : signals.values()) {
          FixedBitSet[] primary = o.collect(searcher, signalQuery(signal));
          o.signalBits.put(signal.name(), primary);
          FixedBitSet[] other = o.collect(searcher, otherSenseSignalQuery(signal, 0));
          for (int slot = 1; slot < IndexFields.MAX_OTHER_SENSES; slot++) { // one slot a query: as big as the primary's
            o.or(other, o.collect(searcher, otherSenseSignalQuery(signal, slot)));
          }
          for (int leaf = 0; leaf < other.length; leaf++) {
            if (other[leaf] != null && primary[leaf] != null) {
              other[leaf].andNot(primary[leaf]);
            }
          }
          o.otherSignalBits.put(signal.name(), other);
        }
        o.scoreRisk(leaves);
      }
      if (audit != null) {
        o.applyReviews(searcher, audit.journal().latest(), paths);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (ReviewStatus s : ReviewStatus.values()) {
      o.reviewBits.put(s, o.bitsOf(leaves, (byte) (s.ordinal() + 1)));
    }
    FixedBitSet[] none = o.bitsOf(leaves, (byte) 0);
    System.arraycopy(none, 0, o.unreviewed, 0, none.length);
    for (LeafReaderContext leaf : leaves) {
      o.offensive[leaf.ord] = o.listOffensive[leaf.ord].clone();
    }
    o.or(o.offensive, o.reviewBits.get(ReviewStatus.OFFENSIVE));
    o.listMarks = Marks.of(o.listBits, o.leafCount);
    o.signalMarks = Marks.of(o.signalBits, o.leafCount);
    o.otherSignalMarks = Marks.of(o.otherSignalBits, o.leafCount);
    return o;
  }

  /**
   * Named sets of documents in their map's order, with their union: an export asks every row which names
   * hold it, and most rows are held by none.
   */
  private record Marks(String[] names, FixedBitSet[][] bits, FixedBitSet[] any) {
    static Marks of(Map<String, FixedBitSet[]> byName, int leafCount) {
      String[] names = byName.keySet().toArray(String[]::new);
      FixedBitSet[][] bits = byName.values().toArray(FixedBitSet[][]::new);
      FixedBitSet[] any = new FixedBitSet[leafCount];
      for (FixedBitSet[] set : bits) {
        for (int leaf = 0; leaf < leafCount; leaf++) {
          if (set[leaf] != null) {
            if (any[leaf] == null) {
              any[leaf] = set[leaf].clone();
            } else {
              any[leaf].or(set[leaf]);
            }
          }
        }
      }
      return new Marks(names, bits, any);
    }

    /** The names whose sets hold a document. */
    List<String> of(int leaf, int doc) {
      if (any[leaf] == null || !any[leaf].get(doc)) {
        return List.of();
      }
      List<String> out = new ArrayList<>(2);
      for (int i = 0; i < names.length; i++) {
        FixedBitSet set = bits[i][leaf];
        if (set != null && set.get(doc)) {
          out.add(names[i]);
        }
      }
      return out;
    }
  }

  private void applyReviews(IndexSearcher searcher, Map<CategoryRef, Review> latest, HypernymPaths paths)
      throws IOException {
    List<Review> inherited = latest.values().stream()
        .filter(r -> r.scope() == Scope.DESCENDANTS && r.synset() != null)
        .sorted(Comparator.comparingInt((Review r) -> depth(paths, r.synset())).thenComparingLong(Review::seq))
        .toList();
    for (Review r : inherited) {
      int index = sources.size();
      sources.add(r);
      Query below = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(IndexFields.DATASET, r.dataset())), Occur.FILTER)
          .add(new TermQuery(new Term(IndexFields.ANCESTOR, r.synset())), Occur.FILTER).build();
      mark(searcher, below, (byte) (r.status().ordinal() + 1), index);
    }
    Map<ReviewStatus, List<BytesRef>> direct = new EnumMap<>(ReviewStatus.class);
    latest.values().forEach(r -> direct.computeIfAbsent(r.status(), k -> new ArrayList<>())
        .add(new BytesRef(r.dataset() + "/" + r.category())));
    for (var e : direct.entrySet()) {
      mark(searcher, new TermInSetQuery(IndexFields.ID, e.getValue()), (byte) (e.getKey().ordinal() + 1), -1);
    }
  }

  private static int depth(HypernymPaths paths, String synset) {
    try {
      return paths.depth(synset);
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  /**
   * A signal's members: under its scope, and under an anchor (not under an exclusion) or with a cue in
   * the primary gloss or the label; an unmapped category is a member when its label holds a cue.
   */
  static Query signalQuery(Signal signal) {
    QueryBuilder builder = new QueryBuilder(QueryFactory.ANALYZER);
    BooleanQuery.Builder labelCues = new BooleanQuery.Builder();
    for (Signal.Cue cue : signal.cues()) {
      Query q = builder.createPhraseQuery(IndexFields.LABEL, cue.text());
      if (q != null) {
        labelCues.add(q, Occur.SHOULD);
      }
    }
    Query unmapped = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexFields.STATUS, "unmapped")), Occur.FILTER)
        .add(labelCues.build(), Occur.MUST).build();
    return new BooleanQuery.Builder()
        .add(senseQuery(signal, IndexFields.ANCESTOR, "", List.of(IndexFields.GLOSS, IndexFields.LABEL)), Occur.SHOULD)
        .add(unmapped, Occur.SHOULD).build();
  }

  /**
   * The categories a signal marks through the other sense in {@code slot} ({@link IndexFields#OTHER_ANCESTOR}),
   * one that is not a rare sense of their word: the sense lies under the scope and under an anchor and
   * not an exclude, or its gloss holds a cue. Label cues are the primary query's: the label is the same
   * whatever the sense.
   */
  static Query otherSenseSignalQuery(Signal signal, int slot) {
    return senseQuery(signal, IndexFields.OTHER_ANCESTOR, slot + ":", List.of(IndexFields.OTHER_GLOSS + slot));
  }

  /**
   * One sense's test: its ancestor terms ({@code prefix} + id in {@code ancestorField}) hold the scope
   * and an anchor, or one of {@code cueFields} holds a cue; and no exclude.
   */
  private static Query senseQuery(Signal signal, String ancestorField, String prefix, List<String> cueFields) {
    QueryBuilder builder = new QueryBuilder(QueryFactory.ANALYZER);
    BooleanQuery.Builder marks = new BooleanQuery.Builder();
    if (!signal.anchors().isEmpty()) {
      marks.add(synsets(ancestorField, prefix, signal.anchors()), Occur.SHOULD);
    }
    for (Signal.Cue cue : signal.cues()) {
      for (String field : cueFields) {
        Query q = builder.createPhraseQuery(field, cue.text());
        if (q != null) {
          marks.add(q, Occur.SHOULD);
        }
      }
    }
    BooleanQuery.Builder sense = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(ancestorField, prefix + signal.scope().id())), Occur.FILTER)
        .add(marks.build(), Occur.MUST);
    if (!signal.excludes().isEmpty()) {
      sense.add(synsets(ancestorField, prefix, signal.excludes()), Occur.MUST_NOT);
    }
    return sense.build();
  }

  private static Query synsets(String field, String prefix, List<Signal.Synset> synsets) {
    return new TermInSetQuery(field, synsets.stream().map(a -> new BytesRef(prefix + a.id())).toList());
  }

  /** Every document's risk: its flags' stored share, each signal and each list it is on, as a noisy-or. */
  private void scoreRisk(List<LeafReaderContext> leaves) throws IOException {
    for (String level : List.of("high", "medium", "low")) {
      riskBits.put(level, new FixedBitSet[leafCount]);
    }
    for (LeafReaderContext leaf : leaves) {
      int n = leaf.reader().maxDoc();
      float[] r = new float[n];
      float[] base = new float[n];
      org.apache.lucene.index.NumericDocValues flagRisk =
          org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), IndexFields.FLAG_RISK);
      for (String level : riskBits.keySet()) {
        riskBits.get(level)[leaf.ord] = new FixedBitSet(n);
      }
      for (int doc = 0; doc < n; doc++) {
        double keep = flagRisk.advanceExact(doc) ? 1 - Double.longBitsToDouble(flagRisk.longValue()) : 1;
        for (FixedBitSet[] bits : signalBits.values()) {
          if (bits[leaf.ord].get(doc)) {
            keep *= 1 - RiskWeights.SIGNAL;
          }
        }
        for (FixedBitSet[] bits : otherSignalBits.values()) {
          if (bits[leaf.ord] != null && bits[leaf.ord].get(doc)) {
            keep *= 1 - RiskWeights.SIGNAL;
          }
        }
        base[doc] = (float) (1 - keep);
        for (var e : listBits.entrySet()) {
          if (e.getValue()[leaf.ord].get(doc)) {
            keep *= 1 - RiskWeights.ofList(lists.get(e.getKey()).kind());
          }
        }
        r[doc] = (float) (1 - keep);
        riskBits.get(RiskWeights.level(r[doc]))[leaf.ord].set(doc);
      }
      risk[leaf.ord] = r;
      baseRisk[leaf.ord] = base;
    }
  }

  /**
   * The queries whose matches together are a list's members: one for a list of wnids or labels; for a
   * lexicon, its one-word entries as one term set per field and its phrases in chunks of at most
   * {@value #LEXICON_CHUNK} clauses, so no lexicon, however long, passes Lucene's clause limit.
   */
  static List<Query> listQueries(FlagList list) {
    List<Query> members = switch (list.type()) {
      case "wnids" -> List.of(new TermInSetQuery(list.scope() == Scope.DESCENDANTS ? IndexFields.ANCESTOR
          : IndexFields.SYNSET, list.entries().stream().map(e -> new BytesRef(e.value())).toList()));
      case "labels" -> List.of(new TermInSetQuery(IndexFields.LABEL_EXACT,
          list.entries().stream().map(e -> new BytesRef(e.value())).toList()));
      default -> lexiconQueries(list.entries().stream().map(FlagList.Entry::value).toList());
    };
    if (list.dataset() == null) {
      return members;
    }
    Query dataset = new TermQuery(new Term(IndexFields.DATASET, list.dataset()));
    return members.stream().map(q -> (Query) new BooleanQuery.Builder().add(q, Occur.FILTER).add(dataset, Occur.FILTER)
        .build()).toList();
  }

  /** Whole words (or phrases) in the label or a lemma: analysed like the fields, matched as phrases. */
  private static List<Query> lexiconQueries(List<String> words) {
    QueryBuilder builder = new QueryBuilder(QueryFactory.ANALYZER);
    Map<String, List<BytesRef>> single = new LinkedHashMap<>();
    List<Query> out = new ArrayList<>();
    BooleanQuery.Builder phrases = new BooleanQuery.Builder();
    int clauses = 0;
    for (String w : words) {
      for (String field : List.of(IndexFields.LABEL, IndexFields.LEMMAS)) {
        Query q = builder.createPhraseQuery(field, w);
        if (q instanceof TermQuery t) {
          single.computeIfAbsent(field, f -> new ArrayList<>()).add(t.getTerm().bytes());
        } else if (q != null) {
          phrases.add(q, Occur.SHOULD);
          if (++clauses >= LEXICON_CHUNK) {
            out.add(phrases.build());
            phrases = new BooleanQuery.Builder();
            clauses = 0;
          }
        }
      }
    }
    if (clauses > 0) {
      out.add(phrases.build());
    }
    single.forEach((field, terms) -> out.add(new TermInSetQuery(field, terms)));
    if (out.isEmpty()) {
      out.add(new org.apache.lucene.search.MatchNoDocsQuery("no entry of the lexicon analyses to a word"));
    }
    return out;
  }

  private FixedBitSet[] collect(IndexSearcher searcher, Query query) throws IOException {
    FixedBitSet[] bits = new FixedBitSet[leafCount];
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      bits[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
    }
    // Big boolean lexicons can pass the default clause limit; they are flattened in chunks above,
    // and collected segment by segment here.
    SimpleCollector collector = new SimpleCollector() {
      private FixedBitSet current;

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        current = bits[context.ord];
      }

      @Override
      public void collect(int doc) {
        current.set(doc);
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    };
    // The snapshot's searcher has no executor: one collector sees every segment in turn.
    searcher.search(query, new org.apache.lucene.search.CollectorManager<SimpleCollector, Void>() {
      @Override
      public SimpleCollector newCollector() {
        return collector;
      }

      @Override
      public Void reduce(java.util.Collection<SimpleCollector> collectors) {
        return null;
      }
    });
    return bits;
  }

  private void mark(IndexSearcher searcher, Query query, byte value, int source) throws IOException {
    FixedBitSet[] bits = collect(searcher, query);
    for (int leaf = 0; leaf < leafCount; leaf++) {
      FixedBitSet b = bits[leaf];
      if (b == null || b.length() == 0) {
        continue;
      }
      for (int doc = b.nextSetBit(0); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
          doc = doc + 1 < b.length() ? b.nextSetBit(doc + 1) : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
        status[leaf][doc] = value;
        inheritedFrom[leaf][doc] = source;
      }
    }
  }

  private FixedBitSet[] bitsOf(List<LeafReaderContext> leaves, byte value) {
    FixedBitSet[] out = new FixedBitSet[leafCount];
    for (LeafReaderContext leaf : leaves) {
      byte[] s = status[leaf.ord];
      FixedBitSet b = new FixedBitSet(s.length);
      for (int doc = 0; doc < s.length; doc++) {
        if (s[doc] == value) {
          b.set(doc);
        }
      }
      out[leaf.ord] = b;
    }
    return out;
  }

  private void or(FixedBitSet[] into, FixedBitSet[] bits) {
    for (int i = 0; i < leafCount; i++) {
      if (into[i] != null && bits[i] != null) {
        into[i].or(bits[i]);
      }
    }
  }

  /** True when {@code name} is an imported list (a flag facet value that is not a built-in flag). */
  boolean isList(String name) {
    return listBits.containsKey(name);
  }

  /** The imported lists. */
  Map<String, FlagList> lists() {
    return lists;
  }

  /** The filter of a flag list's members. */
  Query listFilter(String name) {
    return new DocSetQuery("list:" + name, listBits.get(name));
  }

  /** The signal definitions in force. */
  Map<String, Signal> signals() {
    return signals;
  }

  /** The filter of a signal's members. */
  Query signalFilter(String name) {
    FixedBitSet[] bits = signalBits.get(name);
    if (bits == null) {
      throw SearchException.badRequest("unknown signal '" + name + "' (signals: " + String.join(", ", signals.keySet())
          + "; synscope signals lists them)");
    }
    return new DocSetQuery("signal:" + name, bits);
  }

  /** The filter of a risk level. */
  Query riskFilter(String level) {
    return new DocSetQuery("risk:" + level, riskBits.get(level));
  }

  /** Every imported list's members, per segment (for counting). */
  Map<String, FixedBitSet[]> listMembers() {
    return listBits;
  }

  /** Every signal's members, per segment (for counting). */
  Map<String, FixedBitSet[]> signalMembers() {
    return signalBits;
  }

  /** The members of a risk level, per segment. */
  FixedBitSet[] riskMembers(String level) {
    return riskBits.get(level);
  }

  /** The categories with a review status (their own or inherited), per segment. */
  FixedBitSet[] reviewMembers(ReviewStatus status) {
    return reviewBits.get(status);
  }

  /** A segment's risk scores by document. */
  float[] risks(int leaf) {
    return risk[leaf];
  }

  /** A segment's review statuses by document: 0 unreviewed, else a {@link ReviewStatus} ordinal + 1. */
  byte[] statuses(int leaf) {
    return status[leaf];
  }

  /** A segment's documents the audit record calls offensive. */
  FixedBitSet offensiveMembers(int leaf) {
    return offensive[leaf];
  }

  /** The signals a document is marked by only through another sense of its word (see {@link #otherSenseSignalQuery}). */
  List<String> otherSignalsOf(int leaf, int doc) {
    return otherSignalMarks.of(leaf, doc);
  }

  /** The signals a document is marked by. */
  List<String> signalsOf(int leaf, int doc) {
    return signalMarks.of(leaf, doc);
  }

  /** A document's risk score, 0..1. */
  float risk(int leaf, int doc) {
    return risk[leaf][doc];
  }

  /** A document's risk score from its flags and signals alone, without imported lists. */
  float baseRisk(int leaf, int doc) {
    return baseRisk[leaf][doc];
  }

  /** The risk score as a sort key (highest first with {@code getSortField(true)}). */
  org.apache.lucene.search.DoubleValuesSource riskSource() {
    float[][] r = risk;
    return new org.apache.lucene.search.DoubleValuesSource() {
      @Override
      public org.apache.lucene.search.DoubleValues getValues(LeafReaderContext ctx,
          org.apache.lucene.search.DoubleValues scores) {
        float[] values = r[ctx.ord];
        return new org.apache.lucene.search.DoubleValues() {
          private int doc;

          @Override
          public double doubleValue() {
            return values[doc];
          }

          @Override
          public boolean advanceExact(int target) {
            doc = target;
            return true;
          }
        };
      }

      @Override
      public boolean needsScores() {
        return false;
      }

      @Override
      public org.apache.lucene.search.DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }

      @Override
      public int hashCode() {
        return System.identityHashCode(r);
      }

      @Override
      public boolean equals(Object o) {
        return o == this;
      }

      @Override
      public String toString() {
        return "risk";
      }
    };
  }

  /** The filter of a review facet value ({@code offensive}, ..., {@code unreviewed}). */
  Query reviewFilter(String value) {
    return new DocSetQuery("review:" + value, value.equals(UNREVIEWED) ? unreviewed : reviewBits.get(ReviewStatus.parse(value)));
  }

  /** The lists a document is on. */
  List<String> listsOf(int leaf, int doc) {
    return listMarks.of(leaf, doc);
  }

  /** A document's effective review status, or null. */
  ReviewStatus status(int leaf, int doc) {
    byte s = status[leaf][doc];
    return s == 0 ? null : ReviewStatus.values()[s - 1];
  }

  /** The review a document inherits its status from, or null when it has its own (or none). */
  Review inheritedFrom(int leaf, int doc) {
    int i = inheritedFrom[leaf][doc];
    return i < 0 ? null : sources.get(i);
  }

  /** True when the audit record calls the document offensive (an offensive list, or a review). */
  boolean offensive(int leaf, int doc) {
    return offensive[leaf] != null && offensive[leaf].get(doc);
  }

  /** The review facet key of a document. */
  String reviewKey(int leaf, int doc) {
    ReviewStatus s = status(leaf, doc);
    return s == null ? UNREVIEWED : s.key();
  }
}
