package org.synscope.wordnet;

import java.util.Locale;

/** How a dataset category was tied to WordNet. */
public enum MappingStatus {
  /** The category gave a wnid and it names a noun synset. */
  EXACT,
  /** The label is a noun lemma with exactly one sense. */
  UNIQUE,
  /** The label has several noun senses; the first (most frequent) is primary, all are kept. */
  AMBIGUOUS,
  /** No noun synset: kept, searchable, shown as unmapped with the reason. */
  UNMAPPED,
  /** An auditor pinned the sense in a sense-override file. */
  OVERRIDDEN;

  /** The lower-case name used in URLs, JSON and the index. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the lower-case key. */
  public static MappingStatus parse(String key) {
    try {
      return valueOf(key.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown mapping status '" + key
          + "' (use exact, unique, ambiguous, unmapped or overridden)");
    }
  }
}
