package org.synscope.index;

import java.util.List;
import org.synscope.wordnet.NounSynset;

/**
 * One sense of a category as stored for display.
 *
 * @param sensitiveName its name word is one WordNet marks a slur, obscenity or disparagement
 *     ({@link org.synscope.flags.BuiltInFlags#sensitiveName}): pages mask it as they mask labels
 */
public record SenseInfo(String id, String name, List<String> lemmas, String definition, List<String> examples,
    String lexFile, boolean sensitiveName) {

  static SenseInfo of(NounSynset s, boolean sensitiveName) {
    return new SenseInfo(s.id(), s.name(), s.lemmas(), s.definition(), s.examples(), s.lexFile(), sensitiveName);
  }
}
