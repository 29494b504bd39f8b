package org.synscope.index;

import java.util.List;
import org.synscope.wordnet.NounSynset;

/** One sense of a category as stored for display. */
public record SenseInfo(String id, String name, List<String> lemmas, String definition, List<String> examples,
    String lexFile) {

  static SenseInfo of(NounSynset s) {
    return new SenseInfo(s.id(), s.name(), s.lemmas(), s.definition(), s.examples(), s.lexFile());
  }
}
