package org.synscope.index;

import java.util.List;
import org.synscope.wordnet.NounSynset;

/**
 * One sense of a category as stored for display.
 *
 * @param maskedWords the words pages mask wherever this sense is shown (its name when trees mask it, and
 *     every word the synset marks a slur, obscenity or disparagement); empty for most senses
 */
public record SenseInfo(String id, String name, List<String> lemmas, String definition, List<String> examples,
    String lexFile, List<String> maskedWords) {

  public SenseInfo {
    maskedWords = maskedWords == null ? List.of() : List.copyOf(maskedWords); // absent in an older index
  }

  static SenseInfo of(NounSynset s, List<String> maskedWords) {
    return new SenseInfo(s.id(), s.name(), s.lemmas(), s.definition(), s.examples(), s.lexFile(), maskedWords);
  }
}
