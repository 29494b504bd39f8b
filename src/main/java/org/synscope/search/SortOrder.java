package org.synscope.search;

import java.util.Locale;
import org.synscope.config.BadInput;

/** Result order: relevance (ties by label), most images first, or label A to Z. */
public enum SortOrder {
  RELEVANCE, IMAGES, LABEL,
  /** Highest risk score first (see RiskWeights), ties by label. */
  RISK;

  /** The URL value. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the URL value; {@code null} or blank means relevance. */
  public static SortOrder parse(String text) {
    if (text == null || text.isBlank()) {
      return RELEVANCE;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInput("unknown sort '" + text + "' (use relevance, images, label or risk)");
    }
  }
}
