package org.synscope.index;

import org.synscope.flags.BuiltInFlags;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.NounSynset;

/**
 * One node of a hypernym path.
 *
 * @param id synset id
 * @param name NLTK-style name
 * @param sensitive true when the name's word is a slur, obscenity or disparagement (lists mask it)
 */
public record PathNode(String id, String name, boolean sensitive) {

  /** The node of a synset of {@code lexicon}. */
  public static PathNode of(Lexicon lexicon, NounSynset s) {
    return new PathNode(s.id(), s.name(), BuiltInFlags.sensitiveName(lexicon, s));
  }

  /** The node of an id, named by the lexicon (the bare id when the lexicon does not know it). */
  public static PathNode of(Lexicon lexicon, String id) {
    return lexicon.synset(id).map(s -> of(lexicon, s)).orElse(new PathNode(id, id, false));
  }
}
