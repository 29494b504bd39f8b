package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.synscope.index.IndexFields;
import org.synscope.risk.LearningRanker;

/**
 * The review queue's view of one dataset in one snapshot: every category's identity and its hashed
 * features (ancestor synsets, lexicographer file, gloss and label words, built-in flags, mapping
 * status), built once per snapshot. Signals and the risk prior come from the overlay at request time.
 */
final class QueueFeatures {
  private static final Set<String> STOP = Set.of("the", "and", "for", "with", "who", "that", "which", "from", "one",
      "any", "not", "are", "has", "have", "was", "his", "her", "its", "into", "used", "especially", "usually", "often",
      "someone", "something", "other", "whom", "being", "their", "them", "this", "there", "than", "also");

  final String dataset;
  final int[] docs;
  final String[] keys;
  final String[] labels;
  final String[] synsets;
  /** Image counts, -1 where unknown. */
  final long[] images;
  final int[][] features;

  private QueueFeatures(String dataset, int n) {
    this.dataset = dataset;
    this.docs = new int[n];
    this.keys = new String[n];
    this.labels = new String[n];
    this.synsets = new String[n];
    this.images = new long[n];
    this.features = new int[n][];
    long[] counts = images;
    String[] byKey = keys;
    this.amongEquals = java.util.Comparator.<Integer>comparingLong(i -> -counts[i]).thenComparing(i -> byKey[i]);
  }

  private volatile java.util.Map<String, Integer> byKey;
  private volatile int[] frequency;

  /**
   * How many of the dataset's categories have this feature (counted once per snapshot). A feature most of
   * them have (under entity.n.01, under object.n.01) works as the model's bias: it says nothing of why one
   * category was suggested over another.
   */
  int frequency(int feature) {
    int[] f = frequency;
    if (f == null) {
      f = new int[org.synscope.risk.LearningRanker.DIMENSIONS];
      for (int[] row : features) {
        for (int x : row) {
          f[x]++;
        }
      }
      frequency = f;
    }
    return f[feature];
  }

  /**
   * The order among equals: more images first (unknown last), then the key. Synonyms of one synset often
   * score alike; reviewing the one more pictures carry first does more, where label order would rank
   * them by spelling.
   */
  java.util.Comparator<Integer> amongEquals() {
    return amongEquals;
  }

  /** Made once: the simulation compares with it for every candidate of every step. */
  private final java.util.Comparator<Integer> amongEquals;

  /** The position of a category key, or -1. */
  int indexOf(String key) {
    java.util.Map<String, Integer> m = byKey;
    if (m == null) {
      m = new java.util.HashMap<>(keys.length * 2);
      for (int i = 0; i < keys.length; i++) {
        m.put(keys[i], i);
      }
      byKey = m;
    }
    return m.getOrDefault(key, -1);
  }

  /** The features of a dataset in a snapshot (cached there). */
  static QueueFeatures of(IndexSnapshot s, String dataset) {
    return (QueueFeatures) s.derived.computeIfAbsent("queue:" + dataset, k -> build(s, dataset));
  }

  /**
   * Reads every category of the dataset once, segment by segment in document order: one doc-values
   * iterator per segment, and each ancestor or flag ordinal hashed once per segment (an ancestor is
   * shared by thousands of categories). The features are those {@link #names} gives, in its order.
   */
  private static QueueFeatures build(IndexSnapshot s, String dataset) {
    try {
      Weight w = s.searcher.createWeight(s.searcher.rewrite(new TermQuery(new Term(IndexFields.DATASET, dataset))),
          org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1);
      List<LeafReaderContext> leaves = s.searcher.getIndexReader().leaves();
      List<int[]> perLeaf = new ArrayList<>();
      int n = 0;
      for (LeafReaderContext leaf : leaves) {
        int[] docs = docs(w.scorer(leaf), leaf);
        perLeaf.add(docs);
        n += docs.length;
      }
      QueueFeatures q = new QueueFeatures(dataset, n);
      StoredFields stored = s.searcher.storedFields();
      Set<String> fields = Set.of(IndexFields.KEY, IndexFields.LABEL, IndexFields.SYNSET, IndexFields.GLOSS,
          IndexFields.STATUS, IndexFields.LEXFILE, IndexFields.IMAGES);
      int i = 0;
      for (int l = 0; l < leaves.size(); l++) {
        LeafReaderContext leaf = leaves.get(l);
        OrdinalFeatures ancestors = new OrdinalFeatures(DocValues.getSortedSet(leaf.reader(), IndexFields.ANCESTOR), "a:");
        OrdinalFeatures flags = new OrdinalFeatures(DocValues.getSortedSet(leaf.reader(), IndexFields.FLAG), "f:");
        Features row = new Features();
        for (int d : perLeaf.get(l)) {
          int global = leaf.docBase + d;
          Document doc = stored.document(global, fields);
          q.docs[i] = global;
          q.keys[i] = doc.get(IndexFields.KEY);
          q.labels[i] = doc.get(IndexFields.LABEL);
          q.synsets[i] = doc.get(IndexFields.SYNSET);
          var images = doc.getField(IndexFields.IMAGES);
          q.images[i] = images == null ? -1 : images.numericValue().longValue();
          row.clear();
          ancestors.add(d, row);
          flags.add(d, row);
          List<String> named = new ArrayList<>();
          stored(doc, named);
          named.forEach(f -> row.add(LearningRanker.feature(f)));
          q.features[i++] = row.toArray();
        }
      }
      return q;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The live documents of a segment that a scorer matches, in order. */
  private static int[] docs(Scorer scorer, LeafReaderContext leaf) throws IOException {
    if (scorer == null) {
      return new int[0];
    }
    org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
    int[] out = new int[16];
    int n = 0;
    DocIdSetIterator it = scorer.iterator();
    for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
      if (live == null || live.get(d)) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, 2 * n);
        }
        out[n++] = d;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** A segment's doc-values field read forward, each ordinal's feature hashed once. */
  private static final class OrdinalFeatures {
    private final SortedSetDocValues values;
    private final String prefix;
    private final int[] byOrd;
    private final boolean[] known;

    OrdinalFeatures(SortedSetDocValues values, String prefix) {
      this.values = values;
      this.prefix = prefix;
      int count = (int) values.getValueCount();
      this.byOrd = new int[count];
      this.known = new boolean[count];
    }

    void add(int doc, Features row) throws IOException {
      if (!values.advanceExact(doc)) {
        return;
      }
      for (int i = 0, k = values.docValueCount(); i < k; i++) {
        int ord = (int) values.nextOrd();
        if (!known[ord]) {
          byOrd[ord] = LearningRanker.feature(prefix + values.lookupOrd(ord).utf8ToString());
          known[ord] = true;
        }
        row.add(byOrd[ord]);
      }
    }
  }

  /** One category's distinct features in first-seen order (a few dozen: a scan beats a set). */
  private static final class Features {
    private int[] values = new int[64];
    private int size;

    void clear() {
      size = 0;
    }

    void add(int feature) {
      for (int i = 0; i < size; i++) {
        if (values[i] == feature) {
          return;
        }
      }
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, 2 * size);
      }
      values[size++] = feature;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }

  /** The named features of one document (also used to say why it was suggested). */
  static List<String> names(LeafReaderContext leaf, int doc, Document stored) throws IOException {
    List<String> out = new ArrayList<>();
    SortedSetDocValues ancestors = DocValues.getSortedSet(leaf.reader(), IndexFields.ANCESTOR);
    if (ancestors.advanceExact(doc)) {
      for (int i = 0, k = ancestors.docValueCount(); i < k; i++) {
        out.add("a:" + ancestors.lookupOrd(ancestors.nextOrd()).utf8ToString());
      }
    }
    SortedSetDocValues flags = DocValues.getSortedSet(leaf.reader(), IndexFields.FLAG);
    if (flags.advanceExact(doc)) {
      for (int i = 0, k = flags.docValueCount(); i < k; i++) {
        out.add("f:" + flags.lookupOrd(flags.nextOrd()).utf8ToString());
      }
    }
    stored(stored, out);
    return out;
  }

  /** The features read from stored fields: lexicographer file, mapping status, gloss and label words. */
  private static void stored(Document stored, List<String> out) {
    if (stored.get(IndexFields.LEXFILE) != null) {
      out.add("x:" + stored.get(IndexFields.LEXFILE));
    }
    out.add("u:" + stored.get(IndexFields.STATUS));
    words(stored.get(IndexFields.GLOSS), "g:", out);
    words(stored.get(IndexFields.LABEL), "l:", out);
  }

  private static void words(String text, String prefix, List<String> out) {
    if (text == null) {
      return;
    }
    for (String w : tokens(text)) {
      out.add(prefix + word(w));
    }
  }

  /** The words of a text that become features: lower-cased runs of letters, 3 or more, not stop words. */
  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.length() >= 3 && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** A word as a feature holds it: a final s dropped from a word of 5 letters or more. */
  private static String word(String w) {
    return w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w;
  }

  /** The word of {@code text} that became feature word {@code v} ('genus' for 'genu'), or {@code v}. */
  private static String surface(String v, String text) {
    if (text != null) {
      for (String w : tokens(text)) {
        if (word(w).equals(v)) {
          return w;
        }
      }
    }
    return v;
  }

  /** A feature name as a person reads it, its words as the category's gloss and label write them. */
  static String describe(String feature, org.synscope.wordnet.Lexicon lexicon, String gloss, String label) {
    String v = feature.substring(2);
    return switch (feature.charAt(0)) {
      case 'g' -> "gloss word '" + surface(v, gloss) + "'";
      case 'l' -> "label word '" + surface(v, label) + "'";
      default -> describe(feature, lexicon);
    };
  }

  /** A feature name as a person reads it. */
  static String describe(String feature, org.synscope.wordnet.Lexicon lexicon) {
    String v = feature.substring(2);
    return switch (feature.charAt(0)) {
      case 'a' -> "under " + lexicon.synset(v).map(org.synscope.wordnet.NounSynset::name).orElse(v);
      case 'f' -> "flag " + v;
      case 'x' -> v;
      case 'u' -> "mapping " + v;
      case 'g' -> "gloss word '" + v + "'";
      case 'l' -> "label word '" + v + "'";
      case 's' -> "signal " + v;
      default -> feature;
    };
  }
}
