package org.synscope.audit;

import java.util.Locale;
import org.synscope.config.BadInput;

/** Whether a review or a flag list entry holds for one category only or for everything below its synset. */
public enum Scope {
  CATEGORY, DESCENDANTS;

  @com.fasterxml.jackson.annotation.JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code category} or {@code descendants}; {@code null} or blank means category. */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static Scope parse(String key) {
    if (key == null || key.isBlank()) {
      return CATEGORY;
    }
    for (Scope s : values()) {
      if (s.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new BadInput("unknown scope '" + key + "' (use category or descendants)");
  }
}
