package org.synscope.wordnet;

import java.util.Locale;

/** How a label matched a WordNet lemma, always as a whole label (never through one of its words). */
public enum LemmaMatch {
  /** The label is the lemma. */
  WHOLE,
  /** The label with its last word in base form is the lemma ({@code child molesters}). */
  INFLECTION,
  /** Equal once apostrophes are dropped on both sides ({@code adams_apple} = Adam's apple). */
  APOSTROPHE,
  /** One character stands for a lost non-ASCII letter and exactly one lemma fits. */
  LOST_LETTER,
  /** A comma-separated list of lemmas ({@code tench, Tinca tinca}): the senses all parts share. */
  LIST;

  /** The lower-case name used in JSON and exports ({@code lost-letter}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
