package org.synscope.risk;

import java.util.List;

/**
 * A sensitive-attribute signal: categories that refer to people by an attribute (ethnicity, religion,
 * age, ...) or a judgement of them, defined by WordNet subtrees and gloss cue words chosen from the
 * attribute's definition.
 *
 * @param name the flag name ({@code criminality})
 * @param title a heading ("Criminality and accusation")
 * @param definition what the attribute is
 * @param basis where the definition comes from (a law, the audit literature)
 * @param scope the synset a category must lie under to be marked (usually person.n.01)
 * @param anchors subtrees whose every synset carries the attribute
 * @param excludes subtrees under an anchor that do not
 * @param cues words or phrases that mark a category when its gloss or label holds them
 * @param source where the definition was read from ({@code built-in} or a file)
 */
public record Signal(String name, String title, String definition, String basis, Synset scope, List<Synset> anchors,
    List<Synset> excludes, List<Cue> cues, String source) {

  public Signal {
    anchors = List.copyOf(anchors);
    excludes = List.copyOf(excludes);
    cues = List.copyOf(cues);
  }

  /** A synset named in a definition, with the reason it is there and its line. */
  public record Synset(String id, String name, String reason, int line) {}

  /** A cue phrase, with the reason it is there and its line. */
  public record Cue(String text, String reason, int line) {}
}
