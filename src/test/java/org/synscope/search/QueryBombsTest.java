package org.synscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;

/** Hostile queries get a 400 that names the limit, never a stack overflow or a 500. */
class QueryBombsTest {
  @TempDir
  static Path dir;
  static LabelSearcher searcher;

  @BeforeAll
  static void index() {
    IndexCatalog catalog = Fixtures.importFirstSense(dir.resolve("index"), Fixtures.handMade(), "fixture",
        Fixtures.handMadeLabels(dir));
    searcher = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  static String refused(String query) {
    SearchException e = assertThrows(SearchException.class,
        () -> searcher.search(new SearchRequest(query, null, Map.of(), List.of(), SortOrder.RELEVANCE, 1, 10)));
    assertEquals(400, e.status());
    return e.getMessage();
  }

  @Test
  void deepNestingLongQueriesAndManyTermsAreRefusedWithTheirLimit() {
    assertEquals("the query nests parentheses 3000 deep; the limit is 20",
        refused("(".repeat(3000) + "dog" + ")".repeat(3000)));
    assertEquals("the query has 300 terms; the limit is 100",
        refused(IntStream.range(0, 300).mapToObj(i -> "w" + i).collect(Collectors.joining(" "))));
    assertEquals("the query has 1000 terms; the limit is 100",
        refused(IntStream.range(0, 1000).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR "))));
    assertEquals("the query is 3,001 characters long; the limit is 2,000", refused("x".repeat(3001)));
  }

  static long total(String query) {
    return searcher.search(new SearchRequest(query, null, Map.of(), List.of(), SortOrder.RELEVANCE, 1, 10)).total();
  }

  @Test
  void aFieldTheIndexDoesNotSearchIsRefusedNotAnEmptyResult() {
    // glos:slur matched nothing, which an audit would read as "no slurs here".
    String fields = "label, lemmas, gloss, other_glosses, flag, lexfile, synset, sense, ancestor, dataset, key, status,"
        + " match, certainty";
    assertEquals("unknown field 'glos' in the query; fields are " + fields
        + " (image counts are filtered with images=, or --images in the CLI)",
        refused("glos:offensive"));
    assertEquals("unknown field 'Label' in the query; fields are " + fields
        + " (image counts are filtered with images=, or --images in the CLI)",
        refused("dog OR (Label:d* AND cat)"));
    refused("images:[1 TO 100]");
    // The lexer named '.' by its code: "Encountered: '46' (46),".
    assertEquals("cannot parse the query 'dog^.-': Lexical error at line 1, column 5. Encountered: '.'. Put phrases"
        + " and special characters (+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /) in double quotes or escape them with \\.",
        refused("dog^.-"));
    refused("dog^-1");
    refused("risk:high~");
    refused("foo:/d.g/");
    // The fixture by hand: gloss "offensive term for a made-up group" (slurword); dog and domestic_dog are
    // dog.n.01, whose lemmas hold "domestic dog"; under person.n.01 (n00000003) are kid (first sense) and slurword.
    assertEquals(List.of(1L, 2L, 1L, 1L), List.of(total("gloss:offensive"), total("lemmas:\"domestic dog\""),
        total("ancestor:n00000003 AND label:kid"), total("ancestor:n00000003 AND NOT label:kid")));
  }

  @Test
  void aRegularExpressionTooComplexToRunIsRefused() {
    String message = refused("label:/(a|b|c|d|e)*(a|b|c)*[a-z]{1,200}x{1,100}.*.*.*/");
    assertEquals("the regular expression in the query is too complex to run; simplify it", message);
  }

  @Test
  void aRegularExpressionTooLargeToBuildIsRefusedBeforeItIsBuilt() {
    // Building this automaton ran for 17 minutes (and /.{1000}{1000}/ ran out of memory) before the limit.
    assertEquals("the regular expression /.{1,999}{1,999}/ expands to about 998,001 states; the limit is 10,000",
        refused("/.{1,999}{1,999}/"));
    assertEquals("the regular expression /a{1000000}/ expands to about 1,000,000 states; the limit is 10,000",
        refused("label:/a{1000000}/"));
    assertEquals(2, searcher.search(new SearchRequest("label:/c[a-z]{1,5}/", null, Map.of(), List.of(),
        SortOrder.RELEVANCE, 1, 10)).total(), "cat and canine: c and up to 5 letters");
    // 7,200 states, under the limit, but 3,600 loops: it built for 13 s and ran a server out of memory.
    assertEquals("the regular expression /(.*.*.*.*){900}/ repeats an open-ended loop (*, + or {n,}) about 3,600"
        + " times; the limit is 100", refused("status:/(.*.*.*.*){900}/"));
    // a+ is a then a loop, b* a loop: 2 a repetition, 120 in all.
    assertEquals("the regular expression /(a+b*){60}/ repeats an open-ended loop (*, + or {n,}) about 120 times;"
        + " the limit is 100", refused("label:/(a+b*){60}/"));
    assertEquals(2, searcher.search(new SearchRequest("label:/d.*g/ AND label:/.*o.*/", null, Map.of(), List.of(),
        SortOrder.RELEVANCE, 1, 10)).total(), "dog and domestic_dog: a few loops are fine");
  }

  @Test
  void onlyExclusionsMeanEverythingButThem() {
    // Lucene alone matches nothing for a query of only exclusions; Solr and Kibana users expect the rest.
    for (String q : List.of("-dog", "NOT dog")) {
      assertEquals(List.of("cat", "kid", "slurword", "unicorn"), searcher.search(new SearchRequest(q, null, Map.of(),
          List.of(), SortOrder.LABEL, 1, 10)).hits().stream().map(Hit::label).toList(), q);
    }
  }

  @Test
  void theDeadlineBoundsOnlyTermExpansionSoAPlainPageNeverGetsA4xx() {
    // A deadline of 0 ms has always passed: before, every page (even the home page) answered 400.
    IndexCatalog catalog = Fixtures.importFirstSense(dir.resolve("index0"), Fixtures.handMade(), "fixture",
        Fixtures.handMadeLabels(dir));
    try (LabelSearcher busy = LabelSearcher.open(catalog, Fixtures.handMade(), 0)) {
      assertEquals(8, busy.search(new SearchRequest("", null, Map.of(), List.of(), SortOrder.RELEVANCE, 1, 10)).total());
      assertEquals(1, busy.search(new SearchRequest("cat", null, Map.of(), List.of(), SortOrder.RELEVANCE, 1, 10)).total());
      assertEquals(7, busy.tree(new SearchRequest("", null, Map.of(), List.of(), SortOrder.RELEVANCE, 1, 10)).total()
          .categories()); // the unmapped unicorn is outside the tree
      SearchException e = assertThrows(SearchException.class,
          () -> busy.search(new SearchRequest("*og", null, Map.of(), List.of(), SortOrder.RELEVANCE, 1, 10)));
      assertEquals(400, e.status());
    }
  }

  @Test
  void didYouMeanPrefersFewerEditsThenTheCommonerWord() {
    // Lucene's own ranking offered doggy for dogg (a similarity that favours the longer word).
    IndexCatalog catalog = Fixtures.importFirstSense(dir.resolve("spelling"), Fixtures.handMade(), "fixture",
        Fixtures.write(dir.resolve("spelling.txt"), "dog\t1\nhot_dog\t1\ndoggy\t1\ncat\t1\n"));
    try (LabelSearcher s = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000)) {
      assertEquals("dog", s.search(new SearchRequest("dogg", null, Map.of(), List.of(), SortOrder.RELEVANCE, 1, 10))
          .suggestion());
      assertEquals("cat", s.search(new SearchRequest("cta", null, Map.of(), List.of(), SortOrder.RELEVANCE, 1, 10))
          .suggestion());
    }
    assertEquals(1, Suggestions.edits("dgo", "dog"));
    assertEquals(2, Suggestions.edits("dog", "doggy"));
  }

  @Test
  void anUnknownFlagIsRefusedNotAnEmptyResult() {
    // flag=ethnic-slurs (a typo) answered 0 hits: read as "no slurs here".
    SearchException e = assertThrows(SearchException.class, () -> searcher.search(new SearchRequest("", null,
        Map.of(Facet.FLAG, new Selection(java.util.Set.of("ethnic-slurs"), java.util.Set.of())), List.of(),
        SortOrder.RELEVANCE, 1, 10)));
    assertEquals(400, e.status());
    assertEquals("unknown flag 'ethnic-slurs' (flags: ethnic-slur, disparagement, obscenity, slang, colloquialism,"
        + " offensive-gloss, person, occupation)", e.getMessage());
    assertEquals(1, searcher.search(new SearchRequest("", null, Map.of(Facet.FLAG, new Selection(
        java.util.Set.of("ethnic-slur"), java.util.Set.of())), List.of(), SortOrder.RELEVANCE, 1, 10)).total());
  }

  @Test
  void anUnknownLexicographerFileIsRefusedNotAnEmptyResult() {
    // lexfile=noun.persn (a typo) answered 0 hits: read as "no persons here".
    SearchException e = assertThrows(SearchException.class, () -> searcher.search(lexfile("noun.persn")));
    assertEquals(400, e.status());
    assertEquals("unknown lexfile 'noun.persn' (WordNet's noun files: noun.Tops, noun.act, noun.animal, noun.artifact,"
        + " noun.attribute, noun.body, noun.cognition, noun.communication, noun.event, noun.feeling, noun.food,"
        + " noun.group, noun.location, noun.motive, noun.object, noun.person, noun.phenomenon, noun.plant,"
        + " noun.possession, noun.process, noun.quantity, noun.relation, noun.shape, noun.state, noun.substance,"
        + " noun.time)", e.getMessage());
    // A WordNet file the dataset does not use is a true zero; the hand-made lexicon's own file is known too.
    assertEquals(0, searcher.search(lexfile("noun.plant")).total());
    // The hand-made list's 8 labels less unicorn, which is unmapped and has no file.
    assertEquals(7, searcher.search(lexfile("noun.fixture")).total());
  }

  private static SearchRequest lexfile(String value) {
    return new SearchRequest("", null, Map.of(Facet.LEXFILE, new Selection(java.util.Set.of(value), java.util.Set.of())),
        List.of(), SortOrder.RELEVANCE, 1, 10);
  }
}
