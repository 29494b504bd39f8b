package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.synscope.Fixtures;
import org.synscope.audit.AuditStore;
import org.synscope.config.BadInput;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;
import org.synscope.index.SenseAmender;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchRequest;

/**
 * The one error mapping tells bad input from bugs: {@link BadInput} is a 400 with its message; anything
 * else, a plain IllegalArgumentException included, is a 500 that shows only "internal error" and an id,
 * while the log has the message and stack trace under that id.
 */
class ErrorMappingTest {
  /** What the bug says: it must reach the log and never the client. */
  static final String SECRET = "index slot 7 of /srv/private/thing";

  @TempDir
  static Path dir;
  static LabelSearcher searcher;
  static AuditStore audit;
  static Javalin app;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void serve() {
    IndexCatalog catalog = new IndexCatalog(dir.resolve("index"));
    new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade()))
        .index(new DatasetIndexer.Request("fixture", Fixtures.handMadeLabels(dir), null, false, null,
            org.synscope.wordnet.SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
    audit = AuditStore.open(catalog.root(), true, 1_000); // the cheap hash cost of test accounts
    searcher = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000, audit);
    app = WebServer.create(failing(searcher), audit, new SenseAmender(catalog, new CategoryEnricher(Fixtures.handMade())),
        Path.of("."), false).start("127.0.0.1", 0);
  }

  /** The real searcher, except that the query "bug" hits a bug and the query "refused" is refused deep down. */
  static LabelSearcher failing(LabelSearcher real) {
    return (LabelSearcher) Proxy.newProxyInstance(LabelSearcher.class.getClassLoader(), new Class<?>[] {LabelSearcher.class},
        (proxy, method, args) -> {
          if (method.getName().equals("search") && args[0] instanceof SearchRequest r) {
            if ("bug".equals(r.query())) {
              throw new IllegalArgumentException(SECRET);
            }
            if ("error".equals(r.query())) {
              throw new NoClassDefFoundError(SECRET); // a java.lang.Error, which Javalin's mappers do not see
            }
            if ("refused".equals(r.query())) {
              throw new BadInput("the query 'refused' is refused");
            }
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @AfterAll
  static void stop() {
    app.stop();
    searcher.close();
    audit.close();
  }

  static HttpResponse<String> get(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aClientThatStopsReadingIsNoBug() {
    // `curl ... | head` on an export logged an "internal error" with a 90-line trace each time.
    Exception brokenPipe = new java.io.UncheckedIOException(new org.eclipse.jetty.io.EofException(
        new IOException("Broken pipe")));
    assertTrue(WebServer.clientLeft(brokenPipe, true));
    assertTrue(WebServer.clientLeft(new java.io.UncheckedIOException(new IOException("Connection reset by peer")), true));
    assertFalse(WebServer.clientLeft(brokenPipe, false), "before the answer began, it can still be answered");
    assertFalse(WebServer.clientLeft(new java.io.UncheckedIOException(new IOException("read past EOF: _0.fdt")), true),
        "an index that fails mid-export is a bug");
    assertFalse(WebServer.clientLeft(new IllegalStateException("bug"), true));
  }

  @Test
  void aBugIsA500WithAnIdAndNothingElse() throws IOException {
    HttpResponse<String> r = get("/search.json?q=bug");
    assertEquals(500, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    assertEquals("internal error", body.get("error").asText());
    assertEquals(500, body.get("status").asInt());
    assertTrue(body.get("id").asText().matches("[0-9a-f]{8}"), r.body());
    assertEquals(List.of("error", "id", "status"), fieldNames(body));
    assertFalse(r.body().contains(SECRET) || r.body().contains("IllegalArgument"), r.body());
  }

  @Test
  void anErrorIsA500WithAnIdAndNothingElseToo() throws IOException {
    for (String path : List.of("/search.json?q=error", "/search?q=error")) {
      HttpResponse<String> r = get(path);
      assertEquals(500, r.statusCode(), r.body());
      JsonNode body = JSON.readTree(r.body()); // before: an empty body
      assertEquals("internal error", body.get("error").asText());
      assertTrue(body.get("id").asText().matches("[0-9a-f]{8}"), r.body());
      assertFalse(r.body().contains(SECRET) || r.body().contains("NoClassDef"), r.body());
      WebServer.SECURITY_HEADERS.forEach((name, value) -> assertEquals(value, r.headers().firstValue(name).orElse(""),
          name + " on " + path));
    }
  }

  @Test
  void aMalformedEscapeIsA400NotADroppedFilter() throws IOException {
    // Jetty dropped the parameter it could not decode: q=dog%zz showed every category.
    for (String path : List.of("/search.json?q=dog%zz", "/search.json?q=dog&flag=ethnic-slur%", "/search.json?q=dog&dataset=fix%2")) {
      String r = raw(path);
      assertTrue(r.startsWith("HTTP/1.1 400 "), path + ": " + r);
      String body = r.substring(r.indexOf("\r\n\r\n") + 4);
      assertTrue(JSON.readTree(body).get("error").asText().startsWith("the URL's query has a malformed %-escape at '%"),
          body);
    }
    assertEquals(200, get("/search.json?q=dog%20food%25").statusCode());
  }

  /** A GET sent as typed (Java's HTTP client refuses a malformed URL), the whole response as text. */
  static String raw(String path) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aBugOnAPageIsTheErrorPageWithTheId() {
    HttpResponse<String> r = get("/search?q=bug");
    assertEquals(500, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    Document page = Jsoup.parse(r.body());
    assertEquals("internal error", page.selectFirst(".error-message").text());
    assertTrue(page.selectFirst(".error-id code").text().matches("[0-9a-f]{8}"), r.body());
    assertFalse(r.body().contains(SECRET) || r.body().contains("IllegalArgument") || r.body().contains("at org."), r.body());
  }

  /** Swaps System.err, so no test that reads it (the CLI's, through picocli) runs meanwhile. */
  @Test
  @ResourceLock(value = Resources.SYSTEM_ERR, mode = ResourceAccessMode.READ_WRITE)
  void theLogHasTheBugsStackTraceUnderTheSameId() throws IOException {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream before = System.err;
    String id;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      id = JSON.readTree(get("/search.json?q=bug").body()).get("id").asText();
    } finally {
      System.setErr(before);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("internal error " + id + " on GET /search.json"), log);
    assertTrue(log.contains("java.lang.IllegalArgumentException: " + SECRET), log);
    assertTrue(log.contains("\tat "), "the stack trace: " + log);
  }

  @Test
  void badInputIsA400WithItsMessage() throws IOException {
    HttpResponse<String> deep = get("/search.json?q=refused");
    assertEquals(400, deep.statusCode());
    assertEquals("the query 'refused' is refused", JSON.readTree(deep.body()).get("error").asText());
    assertFalse(JSON.readTree(deep.body()).has("id"));
    HttpResponse<String> page = get("/search?q=refused");
    assertEquals(400, page.statusCode());
    assertEquals("the query 'refused' is refused", Jsoup.parse(page.body()).selectFirst(".error-message").text());
    assertTrue(Jsoup.parse(page.body()).select(".error-id").isEmpty());
    HttpResponse<String> parsed = get("/search.json?page=-1");
    assertEquals(400, parsed.statusCode());
    assertEquals("page must be 1 or more, was -1", JSON.readTree(parsed.body()).get("error").asText());
  }

  private static List<String> fieldNames(JsonNode node) {
    return node.properties().stream().map(java.util.Map.Entry::getKey).sorted().toList();
  }
}
