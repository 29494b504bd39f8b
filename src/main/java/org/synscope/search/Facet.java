package org.synscope.search;

import java.util.List;
import java.util.Locale;
import org.synscope.config.BadInput;
import org.synscope.index.IndexFields;

/** The flat facets: several values of one facet combine with OR, different facets with AND. */
public enum Facet {
  DATASET("dataset", IndexFields.DATASET),
  FLAG("flag", IndexFields.FLAG),
  LEXFILE("lexfile", IndexFields.LEXFILE),
  STATUS("status", IndexFields.STATUS),
  /** Whether the primary sense is a confident choice: {@code confident} or {@code low} (margin, spelling, compound). */
  SENSE("sense", IndexFields.CERTAINTY),
  /** Image-count ranges: buckets over the images field rather than terms. */
  IMAGES("images", IndexFields.IMAGES),
  /** Review status from the audit record (not stored in the index): a status, or {@code unreviewed}. */
  REVIEW("review", null),
  /** Sensitive-attribute signals (computed per snapshot from their definitions, not stored in the index). */
  SIGNAL("signal", null),
  /** The risk level: {@code high}, {@code medium} or {@code low} (see RiskWeights). */
  RISK("risk", null);

  /** Risk levels, in display order. */
  public static final List<String> RISK_LEVELS = List.of("high", "medium", "low");

  /** Image-count buckets, in display order. */
  public static final List<String> IMAGE_BUCKETS = List.of("unknown", "0", "1-99", "100-999", "1000-9999", "10000+");

  private final String param;
  private final String field;

  Facet(String param, String field) {
    this.param = param;
    this.field = field;
  }

  /** The URL and JSON name, e.g. {@code flag}; the exclusion parameter is {@code not_} + this. */
  public String param() {
    return param;
  }

  /** The index field counted, or null for a facet the audit record supplies. */
  public String field() {
    return field;
  }

  /** True when the values are terms of an index field with doc values. */
  boolean termField() {
    return field != null && this != IMAGES;
  }

  /** Parses a facet's URL name. */
  public static Facet parse(String param) {
    for (Facet f : values()) {
      if (f.param.equals(param.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new BadInput("unknown facet '" + param + "'");
  }

  /** The bucket of an image count ({@code null} = unknown). */
  public static String imageBucket(Long images) {
    if (images == null) {
      return "unknown";
    }
    if (images == 0) {
      return "0";
    }
    return images < 100 ? "1-99" : images < 1000 ? "100-999" : images < 10_000 ? "1000-9999" : "10000+";
  }

  /** The inclusive bounds of a bucket other than {@code unknown}. */
  static long[] bucketBounds(String bucket) {
    return switch (bucket) {
      case "0" -> new long[] {0, 0};
      case "1-99" -> new long[] {1, 99};
      case "100-999" -> new long[] {100, 999};
      case "1000-9999" -> new long[] {1000, 9999};
      case "10000+" -> new long[] {10_000, Long.MAX_VALUE};
      default -> throw new BadInput("unknown image range '" + bucket + "' (use one of "
          + String.join(", ", IMAGE_BUCKETS) + ")");
    };
  }
}
