package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.List;

/** A WordNet gloss split the way NLTK splits it: definition parts, then quoted examples. */
record Gloss(String definition, List<String> examples) {

  static Gloss parse(String gloss) {
    if (gloss == null || gloss.isBlank()) {
      return new Gloss("", List.of());
    }
    List<String> definitions = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    for (String part : gloss.split(";\\s+")) {
      String p = part.strip();
      if (p.startsWith("\"")) {
        examples.add(p.replaceAll("^\"|\"$", ""));
      } else if (!p.isEmpty()) {
        definitions.add(p);
      }
    }
    return new Gloss(String.join("; ", definitions), examples);
  }
}
