package org.synscope.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches synscope (a URL or headers too long, a
 * body too large, a request that cannot be parsed): the same JSON shape and security headers as every
 * other error, never Jetty's HTML page. JSON even for a page's URL: Jetty has not read the request line
 * when it answers these (the path it reports is {@code /badMessage}), so it cannot tell a page from a
 * data path, and JSON reads as plain text in a browser too.
 */
final class JettyErrors extends ErrorHandler {
  private static final Map<Integer, String> MESSAGES = Map.of(
      // Jetty says no more than "Bad Request" here (for a %00 or a %zz in the path, say), so name the usual causes.
      400, "the request could not be read: is its URL malformed (a % not followed by two hex digits, or an encoded"
          + " NUL, slash or backslash in the path) or a header?",
      413, "the request body is too large",
      414, "the URL is too long; shorten its query or path",
      431, "the request headers are too large");

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    WebServer.SECURITY_HEADERS.forEach(headers::put);
    headers.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    String text = MESSAGES.getOrDefault(code, code >= 500 ? "internal error" : "bad request");
    String body = "{\"error\":\"" + text + "\",\"status\":" + code + "}";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
