package org.synscope.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON style of the API and the CLI: snake_case names, as Datasette and most HTTP APIs use. */
public final class Json {
  private Json() {}

  /** A mapper for API output. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }
}
