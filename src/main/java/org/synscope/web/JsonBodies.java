package org.synscope.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.synscope.search.SearchException;

/** Reads the JSON bodies of the write API, with a 400 that names what is wrong. */
final class JsonBodies {
  /** A field named twice is refused, not last-one-wins: {"dataset": "a", ..., "dataset": "b"}. */
  private final ObjectMapper json = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  /** The request body as a JSON object, or a 400 that shows the expected shape. */
  JsonNode object(Context ctx, String shape) {
    JsonNode body;
    try {
      body = json.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw SearchException.badRequest("the body is not JSON: " + org.synscope.dataset.DatasetReader.jsonProblem(e));
    }
    if (body == null || !body.isObject()) {
      throw SearchException.badRequest("the body must be a JSON object " + shape);
    }
    return body;
  }

  /** A string field; a 400 when it is required and missing, or not a string. */
  static String text(JsonNode body, String field, boolean required) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw SearchException.badRequest("the body needs '" + field + "'");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw SearchException.badRequest("'" + field + "' must be a string");
    }
    return v.asText();
  }
}
