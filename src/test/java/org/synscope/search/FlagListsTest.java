package org.synscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.HandMadeSearch;
import org.synscope.audit.AuditStore;
import org.synscope.audit.FlagList;
import org.synscope.audit.FlagListImport;
import org.synscope.audit.FlagListReader;
import org.synscope.audit.Scope;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.LineProblem;
import org.synscope.flags.Flag;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;

/** Imported flag lists of each kind on the hand-made fixture (dog 100, domestic_dog 50, cat 30, rex 7, ...). */
class FlagListsTest {
  @TempDir
  Path dir;
  HandMadeSearch fixture;
  AuditStore audit;
  LabelSearcher searcher;

  @BeforeEach
  void setUp() {
    fixture = new HandMadeSearch(dir);
    audit = fixture.audit;
    searcher = fixture.searcher;
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  FlagListImport.Result importList(String name, String text, String type, Scope scope) {
    return fixture.importList(name, text, type, scope);
  }

  @Test
  void aGzippedListIsReadAsAnImportReadsOne() throws Exception {
    // "cats.txt.gz: is not valid UTF-8; save it as UTF-8", where index reads the same file.
    Path gz = dir.resolve("cats.txt.gz");
    try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
      out.write("n00000007\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    FlagListReader.Result read = FlagListReader.read(gz, null);
    assertEquals("wnids", read.type());
    assertEquals(List.of("n00000007"), read.entries().stream().map(FlagList.Entry::value).toList());
  }

  @Test
  void aListMayNotTakeTheNameOfASignal() {
    // A list named marital-status was saved; flag=marital-status was then the list, signal=marital-status the signal.
    assertEquals("'marital-status' is a signal (synscope signals lists them); give the list another name",
        assertThrows(org.synscope.config.BadInput.class, () -> org.synscope.audit.FlagLists.checkName("marital-status",
            Set.of("marital-status", "age"))).getMessage());
    assertEquals("'person' is a built-in flag; give the list another name", assertThrows(
        org.synscope.config.BadInput.class, () -> org.synscope.audit.FlagLists.checkName("person", Set.of())).getMessage());
  }

  @Test
  void theFlagQueryFieldHoldsImportedListsAsTheParameterDoes() {
    // q=flag:cats matched nothing (the field holds only built-in flags) while flag=cats found the list's member.
    importList("cats", "n00000007\n", null, Scope.CATEGORY);
    List<String> byField = searcher.search(new SearchRequest("flag:cats", null, Map.of(), List.of(), SortOrder.LABEL, 1,
        10)).hits().stream().map(Hit::label).toList();
    assertEquals(List.of("cat"), byField);
    assertEquals(labels("cats"), byField);
  }

  @Test
  void aFlagPatternReachesImportedListsAndBuiltInFlagsAlike() {
    // flag:imagenet* matched nothing: a wildcard ranged over the built-in flags' terms alone.
    importList("cats", "n00000007\n", null, Scope.CATEGORY);
    importList("canines", "n00000006\n", null, Scope.CATEGORY);
    assertEquals(List.of("cat", "dog", "domestic_dog"), query("flag:ca*"));
    assertEquals(List.of("cat"), query("flag:c?ts"));
    // A built-in flag by a pattern, as by its name.
    assertEquals(query("flag:person"), query("flag:pers*"));
    assertEquals("no flag or list matches 'flag:imagenet*' (flags: ethnic-slur, disparagement, obscenity, slang,"
        + " colloquialism, offensive-gloss, person, occupation; lists: canines, cats)", assertThrows(SearchException.class,
        () -> query("flag:imagenet*")).getMessage());
  }

  List<String> query(String q) {
    return searcher.search(new SearchRequest(q, null, Map.of(), List.of(), SortOrder.LABEL, 1, 10)).hits().stream()
        .map(Hit::label).toList();
  }

  @Test
  void aKindTheRiskScoreDoesNotReadIsSavedWithAWarning() {
    Path file = Fixtures.write(dir.resolve("typo.txt"), "n00000007\n");
    FlagListImport.Result r = FlagListImport.save(FlagListReader.read(file, null), file.toString(),
        new FlagListImport.Request("typo", "Unsfe", null, Scope.CATEGORY, null, false), Fixtures.handMade(),
        label -> searcher.hasLabel(null, label), audit.lists());
    assertEquals("unsfe", r.list().kind());
    assertEquals(List.of("kind 'unsfe' is none of offensive, unsafe, sensitive: the risk score weighs its members as"
        + " another kind, and the review queue does not learn from it"), r.warnings());
    assertEquals(List.of(), importList("known", "n00000007\n", null, Scope.CATEGORY).warnings());
  }

  List<String> flagFacet() {
    return searcher.search(SearchRequest.all()).facets().get(Facet.FLAG).stream()
        .map(v -> v.value() + " " + v.categories() + "/" + v.images()).toList();
  }

  List<String> labels(String flag) {
    return searcher.search(new SearchRequest("", null, Map.of(Facet.FLAG, new Selection(Set.of(flag), Set.of())), List.of(),
        SortOrder.IMAGES, 1, 50)).hits().stream().map(Hit::label).toList();
  }

  @Test
  void aWnidListFlagsTheListedSynsetsAndReportsUnknownIds() {
    FlagListImport.Result r = importList("cats", "# a comment\nn00000007\nn00000099\n", null, Scope.CATEGORY);
    assertEquals("wnids", r.list().type());
    Path file = dir.resolve("cats.txt");
    assertEquals(List.of(file + ":3: n00000099 is not a noun synset of WordNet fixture (kept out of the list)"), r.warnings());
    assertEquals(List.of("n00000099"), r.list().unknown().stream().map(e -> e.value()).toList());
    assertEquals(List.of("cat"), labels("cats"));
    assertEquals(List.of("person 2/23", "cats 1/30", "ethnic-slur 1/3", "offensive-gloss 1/3"), flagFacet());
  }

  @Test
  void withDescendantsAListedSynsetFlagsEverythingBelowIt() {
    importList("pets", "n00000005\n", null, Scope.DESCENDANTS);
    assertEquals(List.of("dog", "domestic_dog", "cat", "rex"), labels("pets"));
    CategoryView rex = searcher.category("fixture", "rex");
    assertEquals(List.of("list 'pets' (offensive) names n00000005, an ancestor of n00000010, with all its descendants ("
        + dir.resolve("pets.txt") + ":1)"), rex.listFlags().stream().map(Flag::evidence).toList());
    assertTrue(rex.hit().flags().contains("pets"));
    assertEquals(List.of(new NodeCount("n00000002", "animal.n.01", 5, 187, 4, 187, false),
        new NodeCount("n00000003", "person.n.01", 2, 23, 1, 3, false)),
        searcher.search(SearchRequest.all()).hierarchy().children(), "an offensive list counts as flagged");
  }

  /**
   * A text search matching fewer categories than a segment's bit set has words counts list, risk and
   * review members by looking each match up (not by walking the sets): the counts must be the same.
   * The hand-made labels plus 600 unmapped fillers: "dog" matches dog, domestic_dog, rex ("a famous
   * dog") and canine ("a dog-like mammal"), 4 of 608.
   */
  @Test
  void aFewMatchesAmongManyCountTheirListsRisksAndReviewsExactly() throws Exception {
    StringBuilder labels = new StringBuilder(java.nio.file.Files.readString(Fixtures.handMadeLabels(dir.resolve("many"))));
    for (int i = 0; i < 600; i++) {
      labels.append(String.format("filler_%03d\t1%n", i));
    }
    IndexCatalog catalog = new IndexCatalog(dir.resolve("many-index"));
    new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade())).index(new DatasetIndexer.Request("fixture",
        Fixtures.write(dir.resolve("many.txt"), labels.toString()), null, false, null,
        org.synscope.wordnet.SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
    try (AuditStore many = AuditStore.open(catalog.root(), true, 1);
        LabelSearcher big = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000, many)) {
      Path file = Fixtures.write(dir.resolve("pets.txt"), "n00000005\n");
      FlagListImport.save(FlagListReader.read(file, null), file.toString(), new FlagListImport.Request("pets",
          "offensive", null, Scope.DESCENDANTS, null, false), Fixtures.handMade(), l -> big.hasLabel(null, l), many.lists());
      many.journal().append(List.of(new org.synscope.audit.ReviewDraft("ann", new org.synscope.audit.CategoryRef("fixture",
          "rex"), "rex", "n00000010", org.synscope.audit.ReviewStatus.SAFE, "a film dog", Scope.CATEGORY)), null);
      big.refresh();
      SearchResult dog = big.search(new SearchRequest("dog", null, Map.of(), List.of(), SortOrder.LABEL, 1, 50));
      assertEquals(List.of("canine", "dog", "domestic_dog", "rex"), dog.hits().stream().map(Hit::label).toList());
      assertTrue(dog.facets().get(Facet.FLAG).stream().anyMatch(v -> v.value().equals("pets") && v.categories() == 3
          && v.images() == 157), "pets marks dog 100, domestic_dog 50 and rex 7: " + dog.facets().get(Facet.FLAG));
      // The risk and review facets against the hits' own values.
      Map<String, Long> risks = new java.util.TreeMap<>();
      dog.hits().forEach(h -> risks.merge(h.risk(), 1L, Long::sum));
      Map<String, Long> riskFacet = new java.util.TreeMap<>();
      dog.facets().get(Facet.RISK).stream().filter(v -> v.categories() > 0)
          .forEach(v -> riskFacet.put(v.value(), v.categories()));
      assertEquals(risks, riskFacet);
      assertTrue(dog.facets().get(Facet.REVIEW).stream().anyMatch(v -> v.value().equals("safe") && v.categories() == 1
          && v.images() == 7), "rex reviewed safe: " + dog.facets().get(Facet.REVIEW));
    }
  }

  @Test
  void labelListsAndLexiconsMatchLabelsAndWholeWords() {
    FlagListImport.Result labels = importList("some-labels", "Cat\nunicorn\nzebra\n", "labels", Scope.CATEGORY);
    assertEquals(List.of(dir.resolve("some-labels.txt") + ":3: 'zebra' matches no category (kept: it applies once such"
        + " a category exists)"), labels.warnings());
    assertEquals(List.of("cat", "unicorn"), labels("some-labels"));
    importList("words", "dog\nchild\n", "lexicon", Scope.CATEGORY);
    assertEquals(List.of("dog", "domestic_dog", "kid"), labels("words"), "kid has the lemma child");
    CategoryView kid = searcher.category("fixture", "kid");
    assertEquals("the label or a lemma contains 'child' from lexicon 'words' (offensive, " + dir.resolve("words.txt") + ":2)",
        kid.listFlags().get(0).evidence());
  }

  @Test
  void aLexiconOfThousandsOfWordsAndPhrasesPassesNoClauseLimit() {
    // 513 words broke every page: the list's one query passed Lucene's 1,024-clause limit (two fields a word).
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      text.append("nosuchword").append(i).append('\n').append("no such").append(i).append('\n');
    }
    text.append("child\ndomestic dog\n");
    importList("big", text.toString(), "lexicon", Scope.CATEGORY);
    // dog and domestic_dog are dog.n.01, whose lemmas hold the phrase; kid has the lemma child.
    assertEquals(List.of("dog", "domestic_dog", "kid"), labels("big"), "a one-word entry and a phrase, among 6,002");
    assertEquals(8, searcher.search(SearchRequest.all()).total(), "every other page still answers");
  }

  @Test
  void aByteOrderMarkIsDroppedAndAnInvisibleCharacterIsABadLine() {
    // '\uFEFFcat' was kept and reported as matching no category; 'do\u200Bg' likewise, printed as if it were dog.
    FlagListReader.Result r = FlagListReader.read("bom.txt", "\uFEFFcat\ndo\u200Bg\n".getBytes(
        java.nio.charset.StandardCharsets.UTF_8), null);
    assertEquals(List.of("cat"), r.entries().stream().map(FlagList.Entry::value).toList());
    assertEquals(List.of("bom.txt:2: the entry has an invisible character U+200B (ZERO WIDTH SPACE) at position 3;"
        + " remove it"), r.problems().stream().map(Object::toString).toList());
    // An entry over 1,000 characters, as an import's label: 100,000 commas were "1 entries applied".
    FlagListReader.Result huge = FlagListReader.read("huge.txt", ("cat\n" + ",".repeat(100_000) + "\n").getBytes(
        java.nio.charset.StandardCharsets.UTF_8), null);
    assertEquals(List.of("cat"), huge.entries().stream().map(FlagList.Entry::value).toList());
    assertEquals(List.of("huge.txt:2: the entry is 100,000 characters long; the limit is 1,000"),
        huge.problems().stream().map(Object::toString).toList());
    // An upper-case wnid is the wnid: it was read as the label 'n02084071', which no category has.
    FlagListReader.Result upper = FlagListReader.read("upper.txt", "N00000007\nn00000006\n".getBytes(
        java.nio.charset.StandardCharsets.UTF_8), null);
    assertEquals("wnids", upper.type());
    assertEquals(List.of("n00000007", "n00000006"), upper.entries().stream().map(FlagList.Entry::value).toList());
  }

  @Test
  void reimportReplacesAndRemoveDeletes() {
    importList("some", "cat\nunicorn\n", "labels", Scope.CATEGORY);
    assertEquals(2, labels("some").size());
    importList("some", "cat\n", "labels", Scope.CATEGORY);
    assertEquals(List.of("cat"), labels("some"));
    audit.lists().remove("some");
    assertTrue(flagFacet().stream().noneMatch(v -> v.startsWith("some ")));
    IllegalArgumentException gone = assertThrows(IllegalArgumentException.class, () -> audit.lists().remove("some"));
    assertEquals("no flag list 'some' (lists: )", gone.getMessage());
  }

  @Test
  void badListsAreRefusedWithTheirLines() {
    Path file = Fixtures.write(dir.resolve("bad.txt"), "n00000007\nn123\nn00000007\n");
    DatasetException e = assertThrows(DatasetException.class, () -> FlagListImport.save(FlagListReader.read(file, "wnids"),
        file.toString(), new FlagListImport.Request("bad", null, "wnids", Scope.CATEGORY, null, false), Fixtures.handMade(),
        l -> true, audit.lists()));
    assertEquals(List.of(file + ":2: expected a wnid such as n02084071, found 'n123'",
        file + ":3: 'n00000007' is listed twice, first on line 1"), e.problems().stream().map(LineProblem::toString).toList());
    assertTrue(audit.lists().all().isEmpty(), "nothing saved");
    FlagListImport.Result skipped = FlagListImport.save(FlagListReader.read(file, "wnids"), file.toString(),
        new FlagListImport.Request("bad", null, "wnids", Scope.CATEGORY, null, true), Fixtures.handMade(), l -> true, audit.lists());
    assertEquals(2, skipped.skipped().size());
    assertEquals(1, skipped.list().entries().size());
    assertThrows(IllegalArgumentException.class, () -> new FlagListImport.Request("person", null, null, null, null, false));
    Path labels = Fixtures.write(dir.resolve("l.txt"), "cat\n");
    assertEquals("--descendants needs a list of wnids; this is a list of labels", assertThrows(IllegalArgumentException.class,
        () -> FlagListImport.save(FlagListReader.read(labels, null), labels.toString(),
            new FlagListImport.Request("l", null, null, Scope.DESCENDANTS, null, false), Fixtures.handMade(), l -> true,
            audit.lists())).getMessage());
  }

  @Test
  void aWnidListWithATypoStaysAWnidListAndAWnidAmongLabelsIsABadLine() {
    // One bad line made the whole file a list of labels, so n00000007 flagged nothing.
    Path typo = Fixtures.write(dir.resolve("typo.txt"), "n00000007\nn00000006\nfoo\n");
    FlagListReader.Result read = FlagListReader.read(typo, null);
    assertEquals("wnids", read.type());
    assertEquals(List.of(typo + ":3: expected a wnid such as n02084071, found 'foo'"),
        read.problems().stream().map(LineProblem::toString).toList());
    Path mixed = Fixtures.write(dir.resolve("mixed.txt"), "cat\nkid\nn00000006\n");
    FlagListReader.Result labels = FlagListReader.read(mixed, null);
    assertEquals("labels", labels.type());
    assertEquals(List.of(mixed + ":3: 'n00000006' is a wnid in a list of labels; give ids and labels in separate lists"
        + " (--type wnids for ids)"), labels.problems().stream().map(LineProblem::toString).toList());
  }

  @Test
  void aListOfVerbIdsIsAWnidListWhoseEveryLineIsBad() {
    // Read as labels before, each id matched no category and the import only warned so.
    Path verbs = Fixtures.write(dir.resolve("verbs.txt"), "v01926311\nA00001740\n");
    FlagListReader.Result read = FlagListReader.read(verbs, null);
    assertEquals("wnids", read.type());
    String why = " looks like a WordNet id but names no noun; synscope reads noun ids, n + 8 digits (a verb or"
        + " adjective offset names no category)";
    assertEquals(List.of(verbs + ":1: 'v01926311'" + why, verbs + ":2: 'A00001740'" + why),
        read.problems().stream().map(LineProblem::toString).toList());
    // Among labels too: it is never a label.
    Path mixed = Fixtures.write(dir.resolve("mixed-verb.txt"), "cat\nkid\nv01926311\n");
    assertEquals(List.of(mixed + ":3: 'v01926311'" + why),
        FlagListReader.read(mixed, null).problems().stream().map(LineProblem::toString).toList());
  }

  @Test
  void whatIsWrittenLikeAnIdIsNeverALabelHoweverItIsMisspeltOrSpaced() {
    // Each was saved as a label that matched nothing, exit 0: a list an auditor then reads as "none here".
    Path typos = Fixtures.write(dir.resolve("typos.txt"), "n0000007\nn000000071\n\u00a0v01926311\u00a0\n"
        + "n00000007#x\nn\uff100000007\nn00000006  # dog, a comment after a space\n");
    FlagListReader.Result read = FlagListReader.read(typos, null);
    assertEquals("wnids", read.type());
    String notOne = " looks like a WordNet id but is not one: an id is n and 8 digits (n02084071)";
    assertEquals(List.of(typos + ":1: 'n0000007'" + notOne, typos + ":2: 'n000000071'" + notOne,
        typos + ":3: 'v01926311' looks like a WordNet id but names no noun; synscope reads noun ids, n + 8 digits (a"
            + " verb or adjective offset names no category)",
        typos + ":4: 'n00000007#x'" + notOne,
        typos + ":5: 'n\uff100000007' is written in full-width or other compatibility characters; write it n00000007"),
        read.problems().stream().map(LineProblem::toString).toList());
    assertEquals(List.of("n00000006"), read.entries().stream().map(FlagList.Entry::value).toList());
    // With --skip-bad-lines and no good line left, the bad lines are still said, not only "nothing was saved".
    Path none = Fixtures.write(dir.resolve("none.txt"), "n0000007\n");
    DatasetException e = assertThrows(DatasetException.class, () -> FlagListImport.save(FlagListReader.read(none, null),
        none.toString(), new FlagListImport.Request("none", null, null, Scope.CATEGORY, null, true), Fixtures.handMade(),
        l -> true, audit.lists()));
    assertEquals(List.of(none + ":1: 'n0000007'" + notOne, none + ": no entry of the list names anything; nothing was"
        + " saved"), e.problems().stream().map(LineProblem::toString).toList());
    // A lexicon says so, and the id is quoted as written.
    Path lexicon = Fixtures.write(dir.resolve("lexicon.txt"), "cat\nN00000006\n");
    assertEquals(List.of(lexicon + ":2: 'N00000006' is a wnid in a lexicon; give ids and labels in separate lists"
        + " (--type wnids for ids)"), FlagListReader.read(lexicon, "lexicon").problems().stream()
        .map(LineProblem::toString).toList());
  }
}

