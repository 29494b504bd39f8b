package org.synscope.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.search.Hit;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;
import org.synscope.search.SearchRequest;
import org.synscope.search.SortOrder;

/** The embedded default: every WordNet 3.0 noun synset as a category. */
class EmbeddedDefaultIT {
  @TempDir
  static Path dir;
  static IndexCatalog catalog;

  @BeforeAll
  static void build() {
    catalog = new IndexCatalog(dir.resolve("index"));
    assertTrue(EmbeddedDefault.needed(catalog));
    EmbeddedDefault.build(catalog, Fixtures.wordNet30(), ProgressListener.NONE);
    assertFalse(EmbeddedDefault.needed(catalog));
  }

  private static SearchRequest request(String query, String under) {
    return new SearchRequest(query, under, Map.of(), List.of(), SortOrder.RELEVANCE, 1, 50);
  }

  @Test
  void everyNounIsACategoryAndThePersonSubtreeHasItsKnownSize() {
    DatasetMeta meta = catalog.meta().orElseThrow().datasets().get("wordnet");
    assertEquals(82_115, meta.categories());
    assertEquals(null, meta.images());
    assertEquals(82_115L, meta.mapping().get("exact"));
    assertEquals("embedded:WordNet 3.0 nouns", meta.source());
    try (LabelSearcher s = LabelSearcher.open(catalog, Fixtures.wordNet30(), 5_000)) {
      assertEquals(82_115, s.search(SearchRequest.all()).total());
      assertEquals(0, s.search(SearchRequest.all()).imagesKnown());
      // STACK-NOTES: the person.n.01 subtree with instances, root included, has 10,297 synsets.
      assertEquals(10_297, s.search(request("", "person.n.01")).total());
      assertEquals(10_297, s.search(SearchRequest.all()).facets().get(org.synscope.search.Facet.FLAG).stream()
          .filter(v -> v.value().equals("person")).findFirst().orElseThrow().categories());
      Hit dog = s.search(request("dog", null)).hits().get(0);
      assertEquals("dog.n.01", dog.name());
      // A synset category is named by all its words: blackamoor makes black.n.05 an ethnic slur.
      Hit black = s.category("wordnet", "n09636339").hit();
      assertEquals(List.of("ethnic-slur", "person"), black.flags());
      assertEquals(false, black.sensitive(), "shown as its headword Black, which is not the slur");
      assertEquals(true, s.category("wordnet", "n09722898").hit().sensitive(), "greaser: the whole synset is a slur");
    }
  }

  @Test
  void expensiveQueriesAreStoppedNotLeftToHang() {
    try (LabelSearcher s = LabelSearcher.open(catalog, Fixtures.wordNet30(), 1)) {
      SearchException e = assertThrows(SearchException.class, () -> s.search(request("*e*", null)));
      assertEquals(400, e.status());
      assertTrue(e.getMessage().startsWith("the query '*e*' ran longer than 1 ms and was stopped;"), e.getMessage());
    }
  }

  @Test
  void serveBuildsTheDefaultInAJvmOfItsOwnOnItsFirstRun(@TempDir Path fresh) throws Exception {
    try (org.synscope.ServerProcess server = org.synscope.ServerProcess.start(fresh.resolve("index"))) {
      List<String> log = server.startupOutput();
      assertTrue(log.stream().anyMatch(l -> l.contains("building the default dataset 'wordnet' in a JVM of its own")), log.toString());
      assertTrue(log.stream().anyMatch(l -> l.startsWith("Built 'wordnet': 82,115 categories")), log.toString());
      assertFalse(log.stream().anyMatch(l -> l.contains("building here instead")), log.toString());
      var datasets = new com.fasterxml.jackson.databind.ObjectMapper().readTree(server.get("/datasets.json").body());
      assertEquals(82_115, datasets.get(0).get("categories").asLong(), datasets.toString());
    }
  }
}
