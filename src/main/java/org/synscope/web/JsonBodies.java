package org.synscope.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.synscope.dataset.StrictJson;
import org.synscope.search.SearchException;

/** Reads the JSON bodies of the write API, with a 400 that names what is wrong. */
final class JsonBodies {
  /** The request body as a JSON object, or a 400 that shows the expected shape. */
  JsonNode object(Context ctx, String shape) {
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
      body = StrictJson.MAPPER.readTree(text); // a field named twice is refused
    } catch (JsonProcessingException e) {
      throw SearchException.badRequest("the body is not JSON: " + StrictJson.problem(e));
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
