package org.synscope.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.Format;
import org.synscope.dataset.LineProblem;
import org.synscope.search.LabelSearcher;
import org.synscope.search.MetaFilter;
import org.synscope.search.SearchRequest;
import org.synscope.search.SortOrder;
import org.synscope.wordnet.Lexicon;

/** Imports on the hand-made lexicon: atomic replacement, bad input that changes nothing, pins. */
class DatasetIndexerTest {
  @TempDir
  Path dir;
  IndexCatalog catalog;
  DatasetIndexer indexer;

  @BeforeEach
  void setUp() {
    catalog = new IndexCatalog(dir.resolve("index"));
    indexer = new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade()));
  }

  private ImportReport index(String dataset, Path file, boolean skip, Path senses) {
    // The hand-made fixture's counts were derived by hand under WordNet's first sense.
    return indexer.index(new DatasetIndexer.Request(dataset, file, null, skip, senses,
        org.synscope.wordnet.SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
  }

  @Test
  void aMetadataColumnIsOneKindAcrossTheIndex() {
    // A text column class_ind beside Tiny Images' numeric one made meta.class_ind:5 fail with Lucene's
    // "unexpected docvalues type" or match nothing, depending on the run.
    index("numbers", Fixtures.write(dir.resolve("n.csv"), "label,class_ind\ndog,1\ncat,2\n"), false, null);
    IndexException e = assertThrows(IndexException.class, () -> index("words",
        Fixtures.write(dir.resolve("w.csv"), "label,class_ind\ndog,a\ncat,b\n"), false, null));
    assertEquals("metadata column 'class_ind' holds numbers in dataset 'numbers' and text here; one column name is one"
        + " kind across an index: rename the column in this file, or import it into a separate --index directory",
        e.getMessage());
    // The same dataset may change a column's kind when it is imported again: it replaces itself.
    index("numbers", Fixtures.write(dir.resolve("n2.csv"), "label,class_ind\ndog,x\n"), false, null);
  }

  private List<Path> builds() throws IOException {
    try (Stream<Path> s = Files.list(catalog.root().resolve("datasets").resolve("fixture"))) {
      return s.toList();
    }
  }

  private static List<String> problems(DatasetException e) {
    return e.problems().stream().map(LineProblem::toString).toList();
  }

  @Test
  void anImportRecordsItsSummaryInMetaJson() throws IOException {
    ImportReport r = index("fixture", Fixtures.handMadeLabels(dir), false, null);
    DatasetMeta d = catalog.meta().orElseThrow().datasets().get("fixture");
    assertEquals(r.dataset(), d);
    assertEquals(8, d.categories());
    assertEquals(215L, d.images());
    assertEquals(Map.of("exact", 0L, "unique", 6L, "ambiguous", 1L, "person-name", 0L, "spelling", 0L, "compound", 0L,
        "overridden", 0L, "unmapped", 1L), d.mapping());
    assertEquals(List.of("exact", "unique", "ambiguous", "person-name", "spelling", "compound", "overridden", "unmapped"),
        List.copyOf(d.mapping().keySet()));
    assertEquals("first", d.sensePolicy());
    assertEquals(Map.of("ethnic-slur", 1L, "offensive-gloss", 1L, "person", 2L), d.flags());
    assertEquals("labels", d.format());
    assertEquals("fixture", d.wordnet());
    assertEquals(64, d.sha256().length());
    // The file's own SHA-256, as sha256sum prints it: the peek for a gzip header was hashed twice.
    assertEquals(org.synscope.io.Sha256.hex(Files.readAllBytes(Fixtures.handMadeLabels(dir))), d.sha256());
    assertEquals(Fixtures.handMadeLabels(dir).toAbsolutePath().toString(), d.source());
  }

  @Test
  void badInputFailsWithEveryLineAndLeavesThePreviousBuildIntact() throws IOException {
    index("fixture", Fixtures.handMadeLabels(dir), false, null);
    IndexMeta before = catalog.meta().orElseThrow();
    List<Path> buildsBefore = builds();
    Path bad = Fixtures.write(dir.resolve("bad.txt"), "dog\t1\ncat\tmany\nDog\t2\n");
    DatasetException e = assertThrows(DatasetException.class, () -> index("fixture", bad, false, null));
    assertEquals(List.of(bad + ":2: image count 'many' after the tab is not a whole number (0 or more)",
        bad + ":3: duplicate label 'Dog', first on line 1 ('dog' after normalising case, _ and spaces)"), problems(e));
    assertEquals(before, catalog.meta().orElseThrow());
    assertEquals(buildsBefore, builds());
    try (LabelSearcher s = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000)) {
      assertEquals(8, s.search(SearchRequest.all()).total());
    }
    Path invalid = dir.resolve("invalid.txt");
    Files.write(invalid, "dog\n\u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
    e = assertThrows(DatasetException.class, () -> index("fixture", invalid, false, null));
    assertEquals(List.of(invalid + ":2: invalid UTF-8 (byte 0xFF at byte 1 of the line); save the file as UTF-8"),
        problems(e));
    assertEquals(before, catalog.meta().orElseThrow());
  }

  @Test
  void aWnidThatIsNotANounSynsetIsABadLine() {
    Path ids = Fixtures.write(dir.resolve("ids.txt"), "n00000006\nn00000099\n");
    DatasetException e = assertThrows(DatasetException.class, () -> index("fixture", ids, false, null));
    assertEquals(List.of(ids + ":2: n00000099 is not a noun synset of WordNet fixture"
        + " (ImageNet ids are WordNet 3.0 offsets: try --wordnet 3.0)"), problems(e));
    assertTrue(catalog.meta().isEmpty());
  }

  @Test
  void aLabelThatIsNoNameOfItsWnidsSynsetIsAWarning() {
    // The fixture: n00000007 is cat.n.01 (cat), n00000006 dog.n.01 (dog, domestic dog). 'dog,n00000007' was
    // indexed as the cat without a word.
    Path both = Fixtures.write(dir.resolve("both.csv"), "label,wnid\ndog,n00000007\ncat,n00000007\n"
        + "\"domestic dog, doggo\",n00000006\n");
    ImportReport r = index("both", both, false, null);
    assertEquals(List.of(both + ":2: the label 'dog' is no name of n00000007 cat.n.01 (cat); the wnid decides: is one of"
        + " them a typo?"), r.warnings());
  }

  @Test
  void skippingBadLinesIndexesTheRestAndListsThem() {
    Path mixed = Fixtures.write(dir.resolve("mixed.txt"), "dog\t1\ncat\tmany\nkid\t2\n");
    ImportReport r = index("fixture", mixed, true, null);
    assertEquals(2, r.dataset().categories());
    assertEquals(1, r.dataset().rejected());
    assertEquals(List.of(mixed + ":2: image count 'many' after the tab is not a whole number (0 or more)"),
        r.dataset().rejectedLines());
    assertEquals(r.dataset().rejectedLines(), r.skipped().stream().map(LineProblem::toString).toList());
  }

  @Test
  void anImportDeletesCachedThumbnailsOfImageBuildsNoLongerPublished() throws IOException {
    Path stale = Files.createDirectories(catalog.root().resolve("thumbs/20260101-000000-000-abcd/fixture"));
    Files.writeString(stale.resolve("0.png"), "not really a png");
    index("fixture", Fixtures.handMadeLabels(dir), false, null);
    assertFalse(Files.exists(catalog.root().resolve("thumbs/20260101-000000-000-abcd")));
    assertTrue(Files.isDirectory(catalog.root().resolve("thumbs")), "only what no build names is deleted");
  }

  @Test
  void reindexingReplacesTheDatasetAndDeletesTheOldBuild() throws IOException {
    index("fixture", Fixtures.handMadeLabels(dir), false, null);
    Path first = builds().get(0);
    try (LabelSearcher s = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000)) {
      assertEquals(8, s.search(SearchRequest.all()).total());
      index("fixture", Fixtures.write(dir.resolve("small.txt"), "cat\t1\n"), false, null);
      // The publish hook swapped the open searcher to the new build before index() returned.
      assertEquals(1, s.search(SearchRequest.all()).total());
    }
    assertEquals(1, builds().size());
    assertFalse(Files.exists(first));
  }

  @Test
  void aBuildLeftByAKilledImportIsCollectedAndNeverPublished() throws IOException {
    index("fixture", Fixtures.handMadeLabels(dir), false, null);
    Path orphan = Files.createDirectories(catalog.root().resolve("datasets").resolve("fixture").resolve("20260101-killed"));
    Files.writeString(orphan.resolve("_0.cfs"), "half written");
    IndexMeta before = catalog.meta().orElseThrow();
    index("other", Fixtures.write(dir.resolve("one.txt"), "cat\n"), false, null);
    assertFalse(Files.exists(orphan));
    assertEquals(before.datasets().get("fixture"), catalog.meta().orElseThrow().datasets().get("fixture"));
  }

  @Test
  void oneIndexHoldsOneWordNetVersion() {
    index("fixture", Fixtures.handMadeLabels(dir), false, null);
    Lexicon other = Lexicon.of("other-version", List.of(Fixtures.handMade().synset("n00000001").orElseThrow()));
    var mismatched = new DatasetIndexer(catalog, new CategoryEnricher(other));
    IndexException e = assertThrows(IndexException.class, () -> mismatched.index(
        new DatasetIndexer.Request("x", Fixtures.write(dir.resolve("e.txt"), "entity\n"), Format.LABELS, false, null),
        ProgressListener.NONE));
    assertEquals("the index at " + catalog.root() + " holds WordNet fixture datasets and one index holds one WordNet"
        + " version; use --wordnet fixture or a separate --index directory for WordNet other-version", e.getMessage());
  }

  @Test
  void senseOverridesArePinnedAndReported() {
    Path pins = Fixtures.write(dir.resolve("senses.tsv"), "kid\tn00000011\nzebra\tn00000007\n");
    ImportReport r = index("fixture", Fixtures.handMadeLabels(dir), false, pins);
    assertEquals(List.of("'kid' (line 5) pinned to n00000011 kid.n.02 by " + pins + ":1"), r.pins());
    assertEquals(List.of(pins + ":2: pin for 'zebra' matches no label of the list"), r.warnings());
    assertEquals(1L, r.dataset().mapping().get("overridden"));
    assertEquals(0L, r.dataset().mapping().get("ambiguous"));
    Path badPins = Fixtures.write(dir.resolve("bad-senses.tsv"), "kid\tn00000077\n");
    DatasetException e = assertThrows(DatasetException.class, () -> index("fixture", Fixtures.handMadeLabels(dir), false, badPins));
    assertEquals(List.of(badPins + ":1: n00000077 is not a noun synset of WordNet fixture"), problems(e));
  }

  @Test
  void datasetNamesAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DatasetIndexer.Request("Tiny Images", Fixtures.handMadeLabels(dir), null, false, null));
    assertEquals("dataset name 'Tiny Images' must be lower-case letters, digits, '.', '_' or '-' (starting with a"
        + " letter or digit, 64 at most)", e.getMessage());
  }

  @Test
  void metadataColumnsAreFilterable() {
    Path csv = Fixtures.write(dir.resolve("meta.csv"), "label,images,source,year\ndog,1,flickr,2008\ncat,2,web,2009\nkid,3,web,2010\n");
    index("fixture", csv, false, null);
    assertEquals(Map.of("source", "text", "year", "number"), catalog.meta().orElseThrow().datasets().get("fixture").metadataColumns());
    try (LabelSearcher s = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000)) {
      assertEquals(2, count(s, "source:web"));
      assertEquals(2, count(s, "year:[2009 TO *]"));
      assertEquals(1, count(s, "year:{2009 TO *]"));
      assertEquals(1, count(s, "year:2008"));
    }
  }

  private static long count(LabelSearcher s, String filter) {
    return s.search(new SearchRequest("", null, Map.of(), List.of(MetaFilter.parse(filter)), SortOrder.RELEVANCE, 1, 10))
        .total();
  }
}
