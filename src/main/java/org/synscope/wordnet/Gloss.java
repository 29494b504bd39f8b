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
    // Parts are separated by ';' and whitespace (the regex ";\s+", scanned by hand: every synset is parsed).
    int from = 0;
    int n = gloss.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || (gloss.charAt(i) == ';' && i + 1 < n && space(gloss.charAt(i + 1)))) {
        add(gloss.substring(from, i).strip(), definitions, examples);
        if (i < n) {
          i++;
          while (i + 1 < n && space(gloss.charAt(i + 1))) {
            i++;
          }
          from = i + 1;
        }
      }
    }
    return new Gloss(String.join("; ", definitions), examples);
  }

  private static void add(String part, List<String> definitions, List<String> examples) {
    if (part.startsWith("\"")) {
      String example = part.substring(1);
      examples.add(example.endsWith("\"") ? example.substring(0, example.length() - 1) : example);
    } else if (!part.isEmpty()) {
      definitions.add(part);
    }
  }

  /** The characters of the regex class {@code \s}. */
  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
