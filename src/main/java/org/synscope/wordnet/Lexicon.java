package org.synscope.wordnet;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The noun hierarchy synscope enriches labels with. Real use loads Princeton WordNet through
 * extJWNL ({@link #wordNet}); tests can build a small hand-made graph ({@link #of}) whose roll-ups
 * are computed by hand.
 */
public interface Lexicon {

  /** The WordNet version this lexicon holds, e.g. {@code 3.0}. */
  String version();

  /** The noun synset with this id ({@code n02084071}), if there is one. */
  Optional<NounSynset> synset(String id);

  /**
   * The noun synset named by an id ({@code n02084071}), a bare offset ({@code 02084071}) or an
   * NLTK-style name ({@code dog.n.01}).
   */
  Optional<NounSynset> resolve(String idOrName);

  /** Ids of the direct hyponyms and instance hyponyms of a synset, in WordNet order. */
  List<String> hyponyms(String id);

  /**
   * The noun senses of exactly this lemma (normalised: lower case, single spaces), in WordNet order;
   * no morphology, so a word of a collocation never stands for the whole.
   */
  List<NounSynset> senses(String lemma);

  /**
   * Base forms of a normalised label that keep its words and change only its last word
   * ({@code child molesters} gives {@code child molester}, {@code field mice} gives {@code field mouse}).
   */
  List<String> baseForms(String label);

  /** Every normalised noun lemma. */
  Set<String> lemmas();

  /** How often WordNet's sense-tagged corpus used this lemma in this synset ({@code cntlist}); 0 when unknown. */
  int tagCount(String synsetId, String lemma);

  /** Calls {@code action} for every noun synset, in offset order. */
  void forEachNoun(Consumer<NounSynset> action);

  /** Number of noun synsets. */
  int size();

  /** Loads a Princeton WordNet release from its extJWNL data jar (no network). */
  static Lexicon wordNet(WordNetVersion version) {
    return WordNetLexicon.load(version);
  }

  /** A lexicon over hand-made synsets; sense order per lemma follows the order given. */
  static Lexicon of(String version, Collection<NounSynset> synsets) {
    return new InMemoryLexicon(version, synsets);
  }
}
