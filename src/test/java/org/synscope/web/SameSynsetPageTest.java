package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.audit.AuditStore;
import org.synscope.dataset.Format;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;
import org.synscope.wordnet.SensePolicy;

/**
 * A category page's "other categories with this synset" says which of them hold the synset only as
 * another sense: the hand-made fixture's {@code kid} is kid.n.01 (a child) first, kid.n.02 (a young
 * goat) second, and a second dataset holds kid.n.02 by its wnid.
 */
class SameSynsetPageTest {
  @TempDir
  static Path dir;
  static FixtureServer server;

  @BeforeAll
  static void serve() {
    IndexCatalog catalog = new IndexCatalog(dir.resolve("index"));
    DatasetIndexer indexer = new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade()));
    indexer.index(new DatasetIndexer.Request("fixture", Fixtures.handMadeLabels(dir), null, false, null,
        SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
    indexer.index(new DatasetIndexer.Request("goats", Fixtures.write(dir.resolve("goats.txt"), "n00000011\n"),
        Format.WNIDS, false, null, SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
    indexer.index(new DatasetIndexer.Request("pets", Fixtures.write(dir.resolve("pets.txt"),
        "n00000004\nn00000005\nn00000006\nn00000007\n"), Format.WNIDS, false, null, SensePolicy.FIRST, List.of(), null),
        ProgressListener.NONE);
    server = FixtureServer.start(catalog, AuditStore.open(catalog.root(), true, 1_000));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Document html(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), path + " -> " + r.body());
    return Jsoup.parse(r.body());
  }

  @Test
  void aCategoryHoldingTheSynsetAsAnotherSenseSaysWhatItsPrimaryIs() throws Exception {
    Document goat = html("/c/goats/kid.n.02");
    var same = goat.select("section[aria-labelledby=same-heading] li");
    assertEquals(List.of("kid"), same.select("a").eachText());
    assertEquals("as another sense; its primary is kid.n.01", same.get(0).selectFirst(".other-primary").text());
    // The child's page lists none: no other category holds kid.n.01 in any of its senses.
    Document kid = html("/c/fixture/kid");
    assertEquals(List.of(), kid.select("section[aria-labelledby=same-heading] li a").eachText());
  }

  @Test
  void aTreeWithoutImageCountsSaysImagesUnknownNotZero() throws Exception {
    // goats is a wnid list (no counts): its tree said "1 category · 0 images" and drew a chart of zero bars.
    Document tree = html("/tree?dataset=goats");
    assertEquals("1 category · images unknown · 0 offensive", tree.selectFirst("h1 small").text());
    assertEquals(null, tree.selectFirst("section.chart"));
    // The audit card's chart of images per lexicographer file had a bar of "0 images" per file.
    assertEquals(null, html("/audit?dataset=goats").selectFirst("section.chart"));
    assertEquals(1, html("/audit?dataset=fixture").select("section.chart").size());
    assertEquals("1 category", tree.selectFirst("ul.tree .count").text());
    assertEquals("5 categories · 187 images · 0 offensive", html("/tree?dataset=fixture&under=n00000002")
        .selectFirst("h1 small").text());
  }

  @Test
  void aCategoryPageWithoutImageCountsCountsItsNeighboursByCategoriesAlone() throws Exception {
    // pets is a wnid list (no counts): pet.n.01's children and siblings said "1 · 0 images".
    Document pet = html("/c/pets/pet.n.01");
    var children = pet.select("section[aria-labelledby=children-heading] li");
    assertEquals(List.of("cat.n.01", "dog.n.01"), children.select("a").eachText());
    assertEquals(List.of("1", "1"), children.select(".count").eachText());
    // Its sibling canine.n.01 holds canine and dog.
    assertEquals(List.of("2"), pet.select("section[aria-labelledby=siblings-heading] li .count").eachText());
    // Where the list has counts, they are shown: rex, the instance under the fixture's dog, has 7 images.
    assertEquals(List.of("1 · 7 images"), html("/c/fixture/dog").select("section[aria-labelledby=children-heading] li"
        + " .count").eachText());
  }
}
