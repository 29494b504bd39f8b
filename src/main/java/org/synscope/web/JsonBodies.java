package org.synscope.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.synscope.dataset.StrictJson;
import org.synscope.search.SearchException;

/** Reads the JSON bodies of the write API, with a 400 that names what is wrong. */
final class JsonBodies {
  /**
   * The request body as a JSON object of only these {@code keys}, or a 400 that shows the expected
   * shape. A misspelt key is refused, not ignored: {@code "scpoe"} silently recorded a review for the
   * category alone, and {@code "rationle"} one without its rationale.
   */
  JsonNode object(Context ctx, String shape, java.util.List<String> keys) {
    JsonNode body;
    try {
      String text;
      try { // bytes that are not UTF-8 became U+FFFD and were recorded so
        text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(ctx.bodyAsBytes())).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw SearchException.badRequest("the body is not valid UTF-8");
      }
      // a field named twice is refused, and so is anything after the object
      body = StrictJson.MAPPER.readerFor(JsonNode.class)
          .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(text);
    } catch (JsonProcessingException e) {
      throw SearchException.badRequest("the body is not JSON: " + StrictJson.problem(e));
    }
    if (body == null || !body.isObject()) {
      throw SearchException.badRequest("the body must be a JSON object " + shape);
    }
    for (var names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        throw SearchException.badRequest("unknown key " + quoted(shown) + " in the body; its keys are "
            + String.join(", ", keys));
      }
    }
    return body;
  }

  /** A key as JSON writes it: quoted, with control characters escaped. */
  private static String quoted(String key) {
    try {
      return StrictJson.MAPPER.writeValueAsString(key);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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
