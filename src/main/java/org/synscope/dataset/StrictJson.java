package org.synscope.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON a user wrote (a JSONL line, a request body): a field named twice is refused, never
 * last-one-wins ({@code {"label": "dog", "label": "cat"}}), and Jackson's errors are said without its
 * notes on where the source is.
 */
public final class StrictJson {
  private StrictJson() {}

  /** The reader of user-written JSON. */
  public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  /** Jackson's own words on a JSON error, without its notes on the source (which say "REDACTED"). */
  public static String problem(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m.startsWith("Trailing token")) {
      return "something follows the JSON value";
    }
    int at = m.indexOf("\n at [Source");
    m = at >= 0 ? m.substring(0, at) : m;
    return m.replaceAll("\\s*\\(?(StreamReadFeature|JsonReadFeature)\\.[A-Z_]+[^)]*\\)?", "")
        .replaceAll(",? ?from `[A-Za-z.]+\\(\\)`", "").strip(); // "(1000, from `StreamReadConstraints...()`)"
  }
}
