package org.synscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.index.IndexCatalog;

/**
 * A field named in the query answers as its URL parameter does, or says why it cannot: each of these was a
 * silent 0 hits, which an audit reads as "none here".
 */
class QueryFieldsTest {
  @TempDir
  static Path dir;
  static LabelSearcher searcher;

  @BeforeAll
  static void index() {
    // Hand-made: dog (2001, flickr), cat (2005, google), kid (1999, flickr), rex (2010, google).
    IndexCatalog catalog = Fixtures.importFirstSense(dir.resolve("index"), Fixtures.handMade(), "fixture",
        Fixtures.write(dir.resolve("meta.csv"), "label,source,year\ndog,flickr,2001\ncat,google,2005\nkid,flickr,1999\n"
            + "rex,google,2010\n"));
    searcher = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  static List<String> labels(String query) {
    return searcher.search(new SearchRequest(query, null, Map.of(), List.of(), SortOrder.LABEL, 1, 10)).hits().stream()
        .map(Hit::label).toList();
  }

  static String refused(String query) {
    SearchException e = assertThrows(SearchException.class, () -> labels(query));
    assertEquals(400, e.status());
    return e.getMessage();
  }

  @Test
  void aNumericMetadataColumnIsSearchedAsNumbers() {
    assertEquals(List.of("dog"), labels("meta.year:2001"));
    assertEquals(List.of("cat", "dog"), labels("meta.year:[2000 TO 2005]"));
    assertEquals(List.of("dog"), labels("meta.year:{1999 TO 2005}"));
    assertEquals(List.of("kid", "rex"), labels("meta.year:[* TO 2000] OR meta.year:[2010 TO *]"));
    assertEquals(List.of("dog", "kid"), labels("meta.source:flickr"));
    assertEquals("metadata column 'year' holds numbers; 'recent' is not one (a range is meta.year:[1 TO 10])",
        refused("meta.year:recent"));
    assertEquals("metadata column 'year' holds numbers: give one (meta.year:5) or a range (meta.year:[1 TO 10]),"
        + " not a pattern", refused("meta.year:20*"));
  }

  @Test
  void aBoostPastAMillionIsRefusedNotAnEmptyAnswer() {
    assertEquals("the boost ^1e38 is not a plain number: write it with digits and at most one point, from 0 to"
        + " 1,000,000 (^2, ^0.5)", refused("dog^1e38"));
    // The parser read ^1e6 as ^1 and the word e6: no hit, with no word of why.
    assertEquals("the boost ^1e6 is not a plain number: write it with digits and at most one point, from 0 to"
        + " 1,000,000 (^2, ^0.5)", refused("dog OR cat^1e6"));
    assertEquals("the boost ^2000000 is out of range: a boost is a number from 0 to 1,000,000", refused("dog^2000000"));
    assertEquals(labels("dog OR cat"), labels("dog OR cat^1000000"));
    assertEquals(List.of("cat", "dog", "rex"), labels("dog OR cat")); // rex.n.01 is "a famous dog"
    assertEquals(List.of(), labels("\"dog^1e38\"")); // quoted: a phrase, not a boost
  }

  @Test
  void aFieldWithFixedValuesRefusesOneItDoesNotHave() {
    assertEquals("unknown flag 'ethnic-slurs' (flags: ethnic-slur, disparagement, obscenity, slang, colloquialism,"
        + " offensive-gloss, person, occupation)", refused("flag:ethnic-slurs"));
    assertEquals("unknown status 'uniqe' in the query (use one of ambiguous, compound, exact, overridden, person-name,"
        + " spelling, unique, unmapped)", refused("status:uniqe"));
    assertEquals("unknown dataset 'fixtures' in the query (use one of fixture)", refused("dataset:fixtures"));
    assertEquals(true, refused("lexfile:noun.persn").startsWith("unknown lexfile 'noun.persn' in the query"));
    // Quoted, a value went around the check: flag:"nosuch" matched nothing.
    assertEquals(refused("flag:ethnic-slurs"), refused("flag:\"ethnic-slurs\""));
    assertEquals(List.of("kid"), labels("flag:\"person\""));
    assertEquals(List.of("dog"), labels("meta.year:\"2001\""));
    assertEquals("unknown certainty 'sure' in the query (use one of confident, low)", refused("certainty:sure"));
    // match: was not checked: match:lemma matched nothing, as if no label matched a lemma.
    assertEquals("unknown match 'lemma' in the query (use one of apostrophe, inflection, list, lost-letter, whole)",
        refused("match:lemma"));
    assertEquals(Set.of("cat", "dog", "kid", "rex"), Set.copyOf(labels("match:whole")));
    // A pattern no value fits matched nothing; one that fits some is their disjunction.
    assertEquals("no value of match: matches 'zzz*' (use one of apostrophe, inflection, list, lost-letter, whole)",
        refused("match:zzz*"));
    assertEquals("no value of status: matches 'bog*' (use one of ambiguous, compound, exact, overridden, person-name,"
        + " spelling, unique, unmapped)", refused("status:bog*"));
    assertEquals("no value of dataset: matches 'fix?' (use one of fixture)", refused("dataset:fix?"));
    assertEquals(labels("match:whole"), labels("match:who*"));
    assertEquals(labels("dataset:fixture"), labels("dataset:fix*"));
    // What the fields do hold still matches: kid is the one person here, every label is in noun.fixture.
    assertEquals(List.of("kid"), labels("flag:person"));
    assertEquals(Set.of("cat", "dog", "kid", "rex"), Set.copyOf(labels("lexfile:noun.fixture")));
    assertEquals(List.of("dog", "rex"), labels("dataset:fixture AND dog")); // rex.n.01 is "a famous dog"
  }

  @Test
  void synsetFieldsTakeAnIdInAnyCaseOrANameAndRefuseWhatNamesNoSynset() {
    // Each matched nothing: an upper-case id, a name, a word.
    assertEquals(List.of("dog"), labels("synset:n00000006"));
    assertEquals(List.of("dog"), labels("synset:N00000006"));
    assertEquals(List.of("dog"), labels("synset:dog.n.01"));
    assertEquals(List.of("dog", "rex"), labels("ancestor:canine.n.01"));
    assertEquals(List.of("kid"), labels("sense:\"kid.n.01\""));
    assertEquals("no noun synset 'dog' for synset: in the query (use an id such as n02084071 or a name such as"
        + " dog.n.01)", refused("synset:dog"));
    assertEquals("no noun synset 'n99999999' for ancestor: in the query (use an id such as n02084071 or a name"
        + " such as dog.n.01)", refused("ancestor:n99999999"));
    assertEquals(List.of("cat", "dog", "kid"), labels("synset:n0000000?")); // a pattern over ids, as before
    // A pattern no id fits matched nothing: ids are lower case, and names are not what the field holds.
    String why = " (it holds noun ids such as n02084071, in lower case: a pattern runs over ids, not names)";
    assertEquals("no synset id matches 'N0000000?' in synset:" + why, refused("synset:N0000000?"));
    assertEquals("no synset id matches 'dog*' in ancestor:" + why, refused("ancestor:dog*"));
    assertEquals("no synset id matches '/x.*/' in sense:" + why, refused("sense:/x.*/"));
    assertEquals(List.of("dog", "rex"), labels("ancestor:/n0000000[4]/"));
    assertEquals(true, refused("lexfile:zzz*").startsWith("no lexfile matches 'zzz*' (WordNet's noun files: "));
    assertEquals(Set.of("cat", "dog", "kid", "rex"), Set.copyOf(labels("lexfile:noun.fix*")));
  }

  @Test
  void fuzzyRegexAndRangePatternsOnFixedFieldsAreCheckedAsWildcardsAre() {
    // Each matched nothing with no word of why; a fixed field's values are known, so none fitting is a 400.
    String statuses = " (use one of ambiguous, compound, exact, overridden, person-name, spelling, unique, unmapped)";
    assertEquals("no value of status: matches '/zz.*/'" + statuses, refused("status:/zz.*/"));
    assertEquals("no value of status: matches 'bogus~2'" + statuses, refused("status:bogus~"));
    assertEquals("no value of status: matches '[v TO z]'" + statuses, refused("status:[v TO z]"));
    assertEquals(true, refused("flag:slurr~").startsWith("no flag or list matches 'flag:slurr~2' (flags: "));
    // As the query wrote it: Lucene takes ~5 as 2 edits, and said '~2'.
    assertEquals("no value of status: matches 'bog~5'" + statuses, refused("status:bog~5"));
    // Those that fit some values match as before: every label here is unique (one sense) but kid.
    assertEquals(labels("status:unique"), labels("status:uniqe~"));
    assertEquals(labels("status:unique"), labels("status:/uni.*/"));
    assertEquals(labels("status:unique"), labels("status:[u TO v]"));
    assertEquals(List.of("kid"), labels("flag:/per.*/"));
    assertEquals(List.of("kid"), labels("flag:persn~"));
  }
}

