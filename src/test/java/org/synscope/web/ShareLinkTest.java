package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.audit.AuditStore;
import org.synscope.config.BadInput;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;
import org.synscope.wordnet.SensePolicy;

/**
 * The link a page offers to copy: from the request's own address, or from {@code serve --public-url}, so a
 * proxy or a forged Host header does not choose where colleagues are sent.
 */
class ShareLinkTest {
  @TempDir
  static Path dir;
  static IndexCatalog catalog;

  @BeforeAll
  static void index() {
    catalog = new IndexCatalog(dir.resolve("index"));
    new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade())).index(new DatasetIndexer.Request("fixture",
        Fixtures.handMadeLabels(dir), null, false, null, SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
  }

  static String shareUrl(FixtureServer server, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + server.app().port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return Jsoup.parse(r.body()).selectFirst("#share-url").attr("value");
  }

  @Test
  void aPublicUrlStartsEveryShareLink() throws Exception {
    try (FixtureServer server = FixtureServer.start(catalog, AuditStore.open(catalog.root(), true, 1_000),
        "https://audit.example.org")) {
      assertEquals("https://audit.example.org/search?q=dog", shareUrl(server, "/search?q=dog"));
      assertEquals("https://audit.example.org/c/fixture/dog", shareUrl(server, "/c/fixture/dog"));
    }
    try (FixtureServer server = FixtureServer.start(catalog, AuditStore.open(catalog.root(), true, 1_000))) {
      assertEquals("http://127.0.0.1:" + server.app().port() + "/search?q=dog", shareUrl(server, "/search?q=dog"));
    }
  }

  @Test
  void aPublicUrlIsASchemeAHostAndAPortAndNothingElse() {
    assertEquals("https://audit.example.org", WebServer.publicUrl("https://audit.example.org/"));
    assertEquals("http://10.0.0.5:7070", WebServer.publicUrl("http://10.0.0.5:7070"));
    for (String bad : List.of("audit.example.org", "ftp://audit.example.org", "https://audit.example.org/synscope",
        "https://audit.example.org/?x=1", "https://user@audit.example.org", "https://", "http://a b", "https://x.org:99999",
        "https://x.org:", "https://x.org:0", "https://éxample.org")) {
      BadInput e = assertThrows(BadInput.class, () -> WebServer.publicUrl(bad), bad);
      assertEquals(true, e.getMessage().startsWith("--public-url: '" + bad + "'"), e.getMessage());
    }
    assertEquals("--public-url: 'https://x.org:99999' has no usable port: give one from 1 to 65535, or none",
        assertThrows(BadInput.class, () -> WebServer.publicUrl("https://x.org:99999")).getMessage());
    assertEquals("--public-url: 'https://éxample.org' has a host that is not ASCII: give an international name in its"
        + " xn-- (punycode) form", assertThrows(BadInput.class, () -> WebServer.publicUrl("https://éxample.org"))
        .getMessage());
    assertEquals("https://xn--xample-9ua.org", WebServer.publicUrl("https://xn--xample-9ua.org"));
  }
}
