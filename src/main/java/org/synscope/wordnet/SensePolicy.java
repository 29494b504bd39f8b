package org.synscope.wordnet;

import java.util.Locale;
import org.synscope.config.BadInput;

/** Which of a label's senses is primary. */
public enum SensePolicy {
  /** WordNet's first sense (the audit literature's count for lists taken from WordNet itself, e.g. Tiny Images). */
  FIRST,
  /** The sense that fits the rest of the dataset best, with WordNet's sense counts as a weak prior. */
  DATASET;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SensePolicy parse(String key) {
    for (SensePolicy p : values()) {
      if (p.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new BadInput("unknown sense policy '" + key + "' (use first or dataset)");
  }
}
