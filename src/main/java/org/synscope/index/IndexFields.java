package org.synscope.index;

/** Every Lucene field name of a category document, with how it is indexed and why. */
public final class IndexFields {
  /** Bumped whenever documents change shape; saved in meta.json and checked on open. */
  public static final int SCHEMA_VERSION = 4;

  /** dataset + "/" + key: StringField, stored; the document's unique id. */
  public static final String ID = "id";
  /** The dataset name: keyword (indexed + sorted-set doc values for the dataset facet), stored. */
  public static final String DATASET = "dataset";
  /** The category key inside its dataset (normalised label, or the wnid): keyword, stored. */
  public static final String KEY = "key";
  /** The label as written: analysed text for search and highlighting, stored for display. */
  public static final String LABEL = "label";
  /** The normalised label: keyword, for exact look-up and prefix suggestions. */
  public static final String LABEL_EXACT = "label_exact";
  /** The normalised label: sorted doc values, the label sort and the tie-breaker of relevance. */
  public static final String LABEL_SORT = "label_sort";
  /** Normalised lemmas of every sense: keyword, for prefix suggestions on synonyms. */
  public static final String LEMMA_EXACT = "lemma_exact";
  /** Lemmas of every sense: analysed text (synonyms are searchable). */
  public static final String LEMMAS = "lemmas";
  /** Definition of the primary sense: analysed text, stored for snippets and highlighting. */
  public static final String GLOSS = "gloss";
  /** Definitions of the other senses of an ambiguous label: analysed text, not stored. */
  public static final String OTHER_GLOSSES = "other_glosses";
  /** The primary synset id: keyword, stored. */
  public static final String SYNSET = "synset";
  /** The primary synset's NLTK-style name: stored only. */
  public static final String NAME = "name";
  /** Every sense's synset id: keyword, finds the other datasets that hold a synset. */
  public static final String SENSE = "sense";
  /** Mapping status (exact, unique, ambiguous, person-name, spelling, compound, overridden, unmapped): keyword facet. */
  public static final String STATUS = "status";
  /** How the lemma matched (whole, inflection, apostrophe, lost-letter, list): keyword, stored. */
  public static final String MATCH = "match";
  /** Whether the primary sense is a confident choice ({@code confident} or {@code low}): keyword facet, stored. */
  public static final String CERTAINTY = "certainty";
  /** Lexicographer file of the primary sense: keyword facet. */
  public static final String LEXFILE = "lexfile";
  /**
   * Every ancestor of the primary sense and the sense itself, each once however many paths reach
   * it: keyword. Its postings drive {@code under} filters; its sorted-set doc values drive the
   * hierarchy counts, so a category with two paths to a node counts once there.
   */
  public static final String ANCESTOR = "ancestor";
  /**
   * The ancestors of each other sense that is not a rare one ({@link org.synscope.wordnet.SenseScore#likely}),
   * as {@code j:id} with j the sense's slot (0 for the first such sense in WordNet's order, up to
   * {@link #MAX_OTHER_SENSES} - 1): keyword, not stored. Signals read them as they read {@link #ANCESTOR},
   * one sense at a time.
   */
  public static final String OTHER_ANCESTOR = "other_ancestor";
  /** Prefix of the gloss of each such sense, {@code other_gloss.j}: text, not stored. */
  public static final String OTHER_GLOSS = "other_gloss.";
  /** At most this many other senses per category are indexed for signals (the first in WordNet's order). */
  public static final int MAX_OTHER_SENSES = 8;
  /** Length of the shortest hypernym path: IntField (filter and sort). */
  public static final String DEPTH = "depth";
  /** Number of images when the list gives it: LongField (points, doc values for sums and sort), stored. */
  public static final String IMAGES = "images";
  /** Flags holding on any sense: keyword facet, stored. */
  public static final String FLAG = "flag";
  /** The built-in flags' share of the risk score (see RiskWeights): double doc values, read per snapshot. */
  public static final String FLAG_RISK = "flag_risk";
  /** Flags holding on the primary sense: keyword. */
  public static final String FLAG_PRIMARY = "flag_primary";
  /**
   * Static relevance features (FeatureField): {@code sense} is 1/n for a synset whose headword is
   * WordNet's n-th sense of that word, so dog.n.01 outranks dog.n.03 when both match as well.
   */
  public static final String FEATURES = "features";
  /** The feature of {@link #FEATURES} holding 1/sense number. */
  public static final String SENSE_FEATURE = "sense";
  /**
   * Stored "1" when the label as shown is a word WordNet marks a slur, obscenity or disparagement, on
   * the primary sense or another that is not a rare one ({@link org.synscope.flags.BuiltInFlags#marksWord}):
   * lists mask it. Stored only.
   */
  public static final String SENSITIVE = "sensitive";
  /** Prefix of metadata fields: {@code meta.<column>}, keyword for text, DoubleField for numbers. */
  public static final String META_PREFIX = "meta.";
  /** Everything the category page shows (senses, paths, flag evidence, metadata) as JSON: stored only. */
  public static final String DETAILS = "details";

  private IndexFields() {}

  /** The field of one metadata column. */
  public static String meta(String column) {
    return META_PREFIX + column;
  }
}
