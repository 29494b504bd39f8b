package org.synscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.IndexFields;
import org.synscope.index.ProgressListener;

/**
 * Roll-ups over the hand-made multi-parent graph of {@link Fixtures#handMade()}, every expected
 * number computed by hand from {@link Fixtures#handMadeLabels}: dog 100, domestic_dog 50 (both
 * dog.n.01, which has two parents), cat 30, rex 7 (an instance of dog), kid 20 (child first, goat
 * second), unicorn 5 (unmapped), canine 0, slurword 3.
 */
class HierarchyRollupTest {
  @TempDir
  static Path dir;
  static LabelSearcher searcher;

  @BeforeAll
  static void index() {
    IndexCatalog catalog = new IndexCatalog(dir.resolve("index"));
    new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade()))
        .index(new DatasetIndexer.Request("fixture", Fixtures.handMadeLabels(dir), null, false, null, org.synscope.wordnet.SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
    searcher = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  static SearchRequest request(String query, String under, Map<Facet, Selection> selections) {
    return new SearchRequest(query, under, selections, List.of(), SortOrder.RELEVANCE, 1, 50);
  }

  static Map<Facet, Selection> select(Facet facet, Set<String> include, Set<String> exclude) {
    Map<Facet, Selection> m = new EnumMap<>(Facet.class);
    m.put(facet, new Selection(include, exclude));
    return m;
  }

  private static List<String> labels(SearchResult r) {
    return r.hits().stream().map(Hit::label).toList();
  }

  @Test
  void everyNodeCountsEachCategoryOnceWithItsImages() {
    SearchResult all = searcher.search(SearchRequest.all());
    assertEquals(8, all.total());
    assertEquals(215, all.images());
    HierarchyFacet h = all.hierarchy();
    assertEquals(new NodeCount("n00000001", "entity.n.01", 7, 210, 1, 3, false), h.total());
    assertEquals(1, h.unmapped());
    // dog.n.01 reaches animal through canine and through pet: dog, domestic_dog and rex count once.
    assertEquals(List.of(new NodeCount("n00000002", "animal.n.01", 5, 187, 0, 0, false),
        new NodeCount("n00000003", "person.n.01", 2, 23, 1, 3, false)), h.children());
  }

  @Test
  void drillingDownShowsChildrenAndHitsEqualTheFacetCount() {
    SearchResult animal = searcher.search(request("", "animal.n.01", Map.of()));
    assertEquals(List.of(new NodeCount("n00000004", "canine.n.01", 4, 157, 0, 0, false),
        new NodeCount("n00000005", "pet.n.01", 4, 187, 0, 0, false)), animal.hierarchy().children());
    assertEquals(List.of("entity.n.01", "animal.n.01"),
        animal.hierarchy().breadcrumbs().stream().map(n -> n.name()).toList());
    for (NodeCount child : searcher.search(SearchRequest.all()).hierarchy().children()) {
      SearchResult drilled = searcher.search(request("", child.synset(), Map.of()));
      assertEquals(child.categories(), drilled.total(), "facet count == hits after drilling into " + child.name());
      assertEquals(child.images(), drilled.images());
    }
    SearchResult pet = searcher.search(request("", "n00000005", Map.of()));
    assertEquals(List.of(new NodeCount("n00000006", "dog.n.01", 3, 157, 0, 0, false), new NodeCount("n00000007", "cat.n.01", 1, 30, 0, 0, false)),
        pet.hierarchy().children());
    SearchResult dog = searcher.search(request("", "dog.n.01", Map.of()));
    assertEquals(2, dog.hierarchy().here());
    assertEquals(List.of(new NodeCount("n00000010", "rex.n.01", 1, 7, 0, 0, false)), dog.hierarchy().children());
  }

  @Test
  void flatFacetsCountCategoriesAndImages() {
    Map<Facet, List<FacetValue>> f = searcher.search(SearchRequest.all()).facets();
    assertEquals(List.of(new FacetValue("unique", 6, 190, false, false), new FacetValue("ambiguous", 1, 20, false, false),
        new FacetValue("unmapped", 1, 5, false, false)), f.get(Facet.STATUS));
    assertEquals(List.of(new FacetValue("person", 2, 23, false, false), new FacetValue("ethnic-slur", 1, 3, false, false),
        new FacetValue("offensive-gloss", 1, 3, false, false)), f.get(Facet.FLAG));
    assertEquals(List.of(new FacetValue("0", 1, 0, false, false), new FacetValue("1-99", 6, 115, false, false),
        new FacetValue("100-999", 1, 100, false, false)), f.get(Facet.IMAGES));
    assertEquals(List.of(new FacetValue("fixture", 8, 215, false, false)), f.get(Facet.DATASET));
  }

  @Test
  void orWithinAFacetAndAcrossFacetsWithDrillSidewaysCounts() {
    SearchResult person = searcher.search(request("", null, select(Facet.FLAG, Set.of("person"), Set.of())));
    assertEquals(2, person.total());
    // The flag facet ignores its own selection; the status facet counts within it.
    assertEquals(List.of(new FacetValue("person", 2, 23, true, false), new FacetValue("ethnic-slur", 1, 3, false, false),
        new FacetValue("offensive-gloss", 1, 3, false, false)), person.facets().get(Facet.FLAG));
    assertEquals(List.of(new FacetValue("ambiguous", 1, 20, false, false), new FacetValue("unique", 1, 3, false, false)),
        person.facets().get(Facet.STATUS));

    Map<Facet, Selection> both = select(Facet.FLAG, Set.of("person"), Set.of());
    both.put(Facet.STATUS, new Selection(Set.of("ambiguous"), Set.of()));
    assertEquals(List.of("kid"), labels(searcher.search(request("", null, both))));

    assertEquals(2, searcher.search(request("", null, select(Facet.FLAG, Set.of("person", "ethnic-slur"), Set.of()))).total());

    SearchResult notPerson = searcher.search(request("", null, select(Facet.FLAG, Set.of(), Set.of("person"))));
    assertEquals(6, notPerson.total());
    assertEquals(List.of(new FacetValue("person", 2, 23, false, true), new FacetValue("ethnic-slur", 1, 3, false, false),
        new FacetValue("offensive-gloss", 1, 3, false, false)), notPerson.facets().get(Facet.FLAG));
  }

  @Test
  void textSearchSortsAndPages() {
    SearchResult dog = searcher.search(request("dog", null, Map.of()));
    assertEquals("dog", dog.hits().get(0).label());
    assertEquals(Set.of("dog", "domestic_dog", "rex", "canine"), Set.copyOf(labels(dog)));
    assertEquals(List.of("kid"), labels(searcher.search(request("goat", null, Map.of()))));
    assertEquals(List.of(), labels(searcher.search(request("gloss:goat", null, Map.of()))));
    assertEquals(List.of("kid"), labels(searcher.search(request("other_glosses:goat", null, Map.of()))));
    assertEquals(List.of("kid"), labels(searcher.search(request("gloss:young AND gloss:person", null, Map.of()))));

    var byImages = new SearchRequest("", null, Map.of(), List.of(), SortOrder.IMAGES, 1, 50);
    assertEquals(List.of("dog", "domestic_dog", "cat", "kid", "rex", "unicorn", "slurword", "canine"),
        labels(searcher.search(byImages)));
    var page2 = new SearchRequest("", null, Map.of(), List.of(), SortOrder.IMAGES, 2, 3);
    assertEquals(List.of("kid", "rex", "unicorn"), labels(searcher.search(page2)));
    var byLabel = new SearchRequest("", null, Map.of(), List.of(), SortOrder.LABEL, 1, 50);
    assertEquals(List.of("canine", "cat", "dog", "domestic_dog", "kid", "rex", "slurword", "unicorn"),
        labels(searcher.search(byLabel)));
    // No query: relevance ties everywhere, broken by label.
    assertEquals(labels(searcher.search(byLabel)), labels(searcher.search(SearchRequest.all())));
  }

  @Test
  void badRequestsSayWhatIsWrong() {
    SearchException parse = assertThrows(SearchException.class, () -> searcher.search(request("dog AND (", null, Map.of())));
    assertEquals(400, parse.status());
    assertTrue(parse.getMessage().startsWith("cannot parse the query 'dog AND (': "), parse.getMessage());
    SearchException dataset = assertThrows(SearchException.class,
        () -> searcher.search(request("", null, select(Facet.DATASET, Set.of("nope"), Set.of()))));
    assertEquals("no dataset 'nope'; indexed: fixture", dataset.getMessage());
    assertEquals(404, dataset.status());
    SearchException under = assertThrows(SearchException.class, () -> searcher.search(request("", "unicorn.n.01", Map.of())));
    assertEquals(404, under.status());
    SearchException bucket = assertThrows(SearchException.class,
        () -> searcher.search(request("", null, select(Facet.IMAGES, Set.of("lots"), Set.of()))));
    assertEquals("unknown images 'lots' (use one of 0, 1-99, 100-999, 1000-9999, 10000+, unknown)", bucket.getMessage());
    IllegalArgumentException deep = assertThrows(IllegalArgumentException.class,
        () -> new SearchRequest("", null, Map.of(), List.of(), SortOrder.RELEVANCE, 201, 50));
    assertEquals("page 201 of size 50 starts past hit 10000; narrow the search, or export the whole result as CSV or"
        + " JSONL", deep.getMessage());
    // Hits 9,997 to 10,000 are page 1,429 of size 7, which stops short (refused: they were unreachable at size 7).
    assertEquals(1429, new SearchRequest("", null, Map.of(), List.of(), SortOrder.RELEVANCE, 1429, 7).page());
    assertThrows(IllegalArgumentException.class,
        () -> new SearchRequest("", null, Map.of(), List.of(), SortOrder.RELEVANCE, 1430, 7));
    assertThrows(IllegalArgumentException.class, () -> new SearchRequest("", null, Map.of(), List.of(), null, 1, 501));
    SearchException meta = assertThrows(SearchException.class, () -> searcher.search(new SearchRequest("", null, Map.of(),
        List.of(MetaFilter.parse("year:[2000 TO *]")), SortOrder.RELEVANCE, 1, 50)));
    assertEquals("no metadata column 'year' (no dataset has metadata columns)", meta.getMessage());
    // NaN matched nothing without a word.
    assertEquals("'NaN' in metadata filter 'year:[NaN TO 3]' is not a number or *",
        assertThrows(IllegalArgumentException.class, () -> MetaFilter.parse("year:[NaN TO 3]")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> MetaFilter.parse("year:[1 TO Infinity]"));
  }

  @Test
  void categoryPagesHoldPathsChildrenSiblingsAndTheSameSynset() {
    CategoryView dog = searcher.category("fixture", "dog");
    assertEquals("n00000006", dog.hit().synset());
    assertEquals(2, dog.details().paths().size());
    assertEquals(List.of(new NodeCount("n00000010", "rex.n.01", 1, 7, 0, 0, false)), dog.children());
    assertEquals(List.of(new NodeCount("n00000007", "cat.n.01", 1, 30, 0, 0, false)), dog.siblings());
    assertEquals(List.of("domestic_dog"), dog.sameSynset().stream().map(Hit::label).toList());
    assertEquals("dog", searcher.category("fixture", "dog.n.01").hit().label());
    assertEquals("domestic_dog", searcher.category("fixture", "Domestic Dog").hit().label());
    assertEquals(404, assertThrows(SearchException.class, () -> searcher.category("fixture", "nope")).status());
    assertEquals(404, assertThrows(SearchException.class, () -> searcher.category("other", "dog")).status());
    // A word that is no label reaches the category of its first sense that the dataset holds.
    assertEquals("kid", searcher.category("fixture", "child").hit().label(), "child is a lemma of kid.n.01");
    assertEquals(404, assertThrows(SearchException.class, () -> searcher.category("fixture", "zebra")).status());
  }

  @Test
  void suggestionsAndDidYouMean() {
    assertEquals(List.of("dog", "domestic_dog"), searcher.suggest("do", Set.of(), 10).stream().map(Hit::label).toList());
    assertEquals(List.of("kid"), searcher.suggest("chi", Set.of(), 10).stream().map(Hit::label).toList());
    SearchResult typo = searcher.search(request("dgo", null, Map.of()));
    assertEquals(0, typo.total());
    assertEquals("dog", typo.suggestion());
  }

  @Test
  void exportStreamsTheWholeResultInOrder() {
    var all = new java.util.ArrayList<String>();
    long n = searcher.export(new SearchRequest("", null, Map.of(), List.of(), SortOrder.IMAGES, 1, 2), h -> all.add(h.label()));
    assertEquals(8, n);
    assertEquals(List.of("dog", "domestic_dog", "cat", "kid", "rex", "unicorn", "slurword", "canine"), all);
  }

  @Test
  void hitsMarkTheMatchedWordsInLabelAndGloss() {
    Hit kid = searcher.search(request("young", null, Map.of())).hits().get(0);
    assertEquals("kid", kid.label());
    assertEquals(Map.of(IndexFields.GLOSS, new Highlight(List.of("a ", "young", " person"))), kid.highlights());
    Hit dog = searcher.search(request("dog", null, Map.of())).hits().get(0);
    assertEquals(new Highlight(List.of("", "dog", "")), dog.highlights().get(IndexFields.LABEL));
  }

  @Test
  void highlightsFollowPrefixesFieldsAndPhrases() {
    Highlight young = new Highlight(List.of("a ", "young", " person"));
    assertEquals(Map.of(IndexFields.GLOSS, young), searcher.search(request("you*", null, Map.of())).hits().get(0)
        .highlights());
    assertEquals(Map.of(IndexFields.GLOSS, young), searcher.search(request("gloss:young", null, Map.of())).hits()
        .get(0).highlights());
    // A phrase is marked whole; words matched one by one are marked one by one.
    assertEquals(Map.of(IndexFields.GLOSS, new Highlight(List.of("a ", "young person", ""))),
        searcher.search(request("\"young person\"", null, Map.of())).hits().get(0).highlights());
    assertEquals(Map.of(IndexFields.GLOSS, new Highlight(List.of("a ", "young", " ", "person", ""))),
        searcher.search(request("young person", null, Map.of())).hits().get(0).highlights());
    assertEquals(Map.of(IndexFields.GLOSS, young),
        searcher.search(request("young OR zebra", null, Map.of())).hits().get(0).highlights());
  }
}
