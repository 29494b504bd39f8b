package org.synscope.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.synscope.config.BadInput;

/** What an auditor decided about a category. */
public enum ReviewStatus {
  OFFENSIVE, SENSITIVE, SAFE, NON_IMAGEABLE, NEEDS_DISCUSSION;

  /** The URL and JSON form: {@code non-imageable}, {@code needs-discussion}. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for decisions that put a category on a block list by default. */
  public boolean unsafe() {
    return this == OFFENSIVE || this == SENSITIVE;
  }

  /** Parses the key; the error lists the accepted ones. */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static ReviewStatus parse(String key) {
    for (ReviewStatus s : values()) {
      if (s.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new BadInput("unknown review status '" + key + "' (use "
        + Arrays.stream(values()).map(ReviewStatus::key).collect(Collectors.joining(", ")) + ")");
  }
}
