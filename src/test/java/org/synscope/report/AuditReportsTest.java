package org.synscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.audit.AuditStore;
import org.synscope.audit.CategoryRef;
import org.synscope.audit.FlagListImport;
import org.synscope.audit.FlagListReader;
import org.synscope.audit.ReviewDraft;
import org.synscope.audit.ReviewStatus;
import org.synscope.audit.Scope;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;
import org.synscope.search.LabelSearcher;

/**
 * The audit card, the block list and the cross-dataset view on the hand-made fixture, every number
 * computed by hand. Setup: list "pets" (n00000005 pet.n.01 with descendants, offensive) flags dog 100,
 * domestic_dog 50, cat 30, rex 7; reviews: canine offensive for its descendants (canine 0, dog,
 * domestic_dog, rex), rex safe (its own review wins), kid sensitive (20).
 */
class AuditReportsTest {
  @TempDir
  Path dir;
  IndexCatalog catalog;
  AuditStore audit;
  LabelSearcher searcher;

  @BeforeEach
  void setUp() {
    catalog = new IndexCatalog(dir.resolve("index"));
    DatasetIndexer indexer = new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade()));
    indexer.index(new DatasetIndexer.Request("fixture", Fixtures.handMadeLabels(dir), null, false, null, org.synscope.wordnet.SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
    indexer.index(new DatasetIndexer.Request("other", Fixtures.write(dir.resolve("other.txt"), "dog\t10\ncat\t1\nunicorn\t2\n"),
        null, false, null, org.synscope.wordnet.SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
    audit = AuditStore.open(catalog.root(), true);
    searcher = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000, audit);
    Path pets = Fixtures.write(dir.resolve("pets.txt"), "n00000005\n");
    FlagListImport.save(FlagListReader.read(pets, null), pets.toString(),
        new FlagListImport.Request("pets", "offensive", null, Scope.DESCENDANTS, "fixture", false), Fixtures.handMade(),
        l -> true, audit.lists());
  }

  @AfterEach
  void tearDown() {
    searcher.close();
    audit.close();
  }

  void review(String key, String synset, ReviewStatus status, Scope scope) {
    audit.journal().append(List.of(new ReviewDraft("alice", new CategoryRef("fixture", key), key, synset, status, "why",
        scope)), null);
  }

  void standardReviews() {
    review("canine", "n00000004", ReviewStatus.OFFENSIVE, Scope.DESCENDANTS);
    review("rex", "n00000010", ReviewStatus.SAFE, Scope.CATEGORY);
    review("kid", "n00000009", ReviewStatus.SENSITIVE, Scope.CATEGORY);
  }

  static String row(AuditCard.Breakdown b) {
    return b.name() + " " + b.categories() + " " + b.images() + " " + b.flagged() + " " + b.flaggedImages() + " "
        + b.unsafe() + " " + b.unsafeImages();
  }

  @Test
  void theAuditCardNumbers() {
    standardReviews();
    AuditCard card = new AuditCards(searcher, audit).card("fixture");
    assertEquals(8, card.categories());
    assertEquals(215, card.images());
    assertEquals(new AuditCard.Reviewed(5, 177, 3, 38), card.reviewed());
    assertEquals(List.of(new AuditCard.Count("offensive", 3, 150), new AuditCard.Count("sensitive", 1, 20),
        new AuditCard.Count("safe", 1, 7), new AuditCard.Count("non-imageable", 0, 0),
        new AuditCard.Count("needs-discussion", 0, 0)), card.decisions());
    assertEquals(List.of("pets 4/187", "person 2/23", "ethnic-slur 1/3", "offensive-gloss 1/3"),
        card.sources().stream().map(s -> s.name() + " " + s.categories() + "/" + s.images()).toList());
    assertEquals(List.of("dog", "domestic_dog", "cat", "rex"), card.sources().get(0).top().stream().map(AuditCard.Top::label).toList());
    assertEquals("listed synsets and all their descendants", card.sources().get(0).reach());
    assertEquals(List.of("canine.n.01 4 157 4 157 3 150", "pet.n.01 4 187 4 187 2 150", "kid.n.01 1 20 0 0 1 20",
        "slurword.n.01 1 3 1 3 0 0"), card.subtrees().stream().map(AuditReportsTest::row).toList());
    assertEquals(List.of("noun.fixture 7 210 6 190 4 170"), card.lexfiles().stream().map(AuditReportsTest::row).toList());
    assertEquals(3, card.index().reviewRecords());
    String md = AuditCardMarkdown.render(card, false);
    assertTrue(md.contains("| judged offensive | 3 | 150 |"), md);
    assertTrue(md.contains("| ethnic-slur | WordNet usage domain | categories whose senses WordNet marks so (any sense) | 1 | 3 | s******* (3) |"), md);
  }

  @Test
  void aFlagOnAnotherSenseListsTheCategoryButNotWhatLiesBelowItsPrimarySynset() {
    // WordNet 3.0: relation is first relation.n.01, an abstraction, and also relative.n.01, a person. The block
    // list of flag=person with descendants put everything below relation.n.01 on the list (part, possession...).
    IndexCatalog words = Fixtures.importFirstSense(dir.resolve("wn"), Fixtures.wordNet30(), "words",
        Fixtures.write(dir.resolve("words.txt"), "relation\npossession\npart\nengineer\ntechnician\n"));
    try (LabelSearcher wn = LabelSearcher.open(words, Fixtures.wordNet30(), 5_000)) {
      List<BlockList.Entry> deep = new BlockList(wn, null).entries("words", Set.of(), Set.of("person"), true);
      assertEquals(List.of("engineer: flagged person", "relation: flagged person on another sense",
              "technician: flagged person"),
          deep.stream().map(e -> e.key() + ": " + e.reason()).sorted().toList());
    }
  }

  @Test
  void aCategoryThatSharesABlockedSynsetIsNotSaidToLieBelowIt() {
    // dog and domestic_dog both have dog.n.01; rex lies below it. domestic_dog was "below dog".
    review("dog", "n00000006", ReviewStatus.OFFENSIVE, Scope.CATEGORY);
    List<BlockList.Entry> deep = new BlockList(searcher, audit).entries("fixture", Set.of("offensive"), Set.of(), true);
    assertEquals(List.of("dog: reviewed offensive by alice (r1): why",
            "domestic dog: same synset as dog (n00000006): reviewed offensive by alice (r1): why",
            "rex: below dog (n00000006): reviewed offensive by alice (r1): why"),
        deep.stream().map(e -> e.key() + ": " + e.reason()).toList());
  }

  @Test
  void blockListsWithAndWithoutDescendants() {
    review("canine", "n00000004", ReviewStatus.OFFENSIVE, Scope.CATEGORY);
    BlockList list = new BlockList(searcher, audit);
    List<BlockList.Entry> plain = list.entries("fixture", Set.of("offensive"), Set.of(), false);
    assertEquals(List.of("canine"), plain.stream().map(BlockList.Entry::key).toList());
    assertEquals("reviewed offensive by alice (r1): why", plain.get(0).reason());
    List<BlockList.Entry> deep = list.entries("fixture", Set.of("offensive"), Set.of(), true);
    assertEquals(List.of("dog 100", "domestic dog 50", "rex 7", "canine 0"),
        deep.stream().map(e -> e.key() + " " + e.images()).toList());
    assertEquals("below canine (n00000004): reviewed offensive by alice (r1): why", deep.get(0).reason());
    StringWriter txt = new StringWriter();
    BlockList.writeText(txt, "fixture", plain, "reviewed offensive, without descendants");
    assertEquals("canine\t# 0 images: reviewed offensive by alice (r1): why", txt.toString().lines().skip(3).findFirst().orElse(""));
    StringWriter deepTxt = new StringWriter();
    BlockList.writeText(deepTxt, "fixture", deep, "reviewed offensive, with descendants");
    // The class as the list writes it (the key was 'domestic dog', which names no class of the list).
    assertEquals("domestic_dog\t# 50 images: below canine (n00000004): reviewed offensive by alice (r1): why",
        deepTxt.toString().lines().skip(4).findFirst().orElse(""));
    StringWriter csv = new StringWriter();
    BlockList.writeCsv(csv, deep);
    assertEquals(5, csv.toString().split("\r\n").length);
    review("rex", "n00000010", ReviewStatus.SAFE, Scope.CATEGORY);
    assertEquals(List.of("dog", "domestic dog", "canine"), list.entries("fixture", Set.of("offensive"), Set.of(), true)
        .stream().map(BlockList.Entry::key).toList(), "a category reviewed safe stays out");
    List<BlockList.Entry> flagged = list.entries("fixture", Set.of(), Set.of("ethnic-slur"), false);
    assertEquals(List.of("slurword"), flagged.stream().map(BlockList.Entry::key).toList());
  }

  @Test
  void aSideWithoutImageCountsIsUnknownNotZero() {
    // A wnid list has no counts: against it the view said images_b 0, where the other side said null.
    new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade())).index(new DatasetIndexer.Request("ids",
        Fixtures.write(dir.resolve("ids.txt"), "n00000006\nn00000007\n"), null, false, null,
        org.synscope.wordnet.SensePolicy.FIRST, List.of(), null), ProgressListener.NONE);
    searcher.refresh();
    standardReviews();
    Comparison c = new Comparisons(searcher, audit).compare("fixture", "ids", Set.of(), Set.of());
    assertEquals(2, c.shared());
    assertEquals(null, c.imagesB());
    assertEquals(java.util.Arrays.asList(null, null), c.rows().stream().map(Comparison.Row::imagesB).toList());
    assertEquals(180L, c.imagesA());
  }

  @Test
  void theCrossDatasetViewCountsSharedSynsetsAndTheirImages() {
    standardReviews();
    Comparison c = new Comparisons(searcher, audit).compare("fixture", "other", Set.of(), Set.of());
    // Selected in fixture: pets (dog n6, cat n7, rex n10), offensive review (canine n4, dog n6), sensitive (kid n9),
    // ethnic-slur and offensive-gloss (slurword n8): 6 synsets; "other" holds dog (10) and cat (1).
    assertEquals(6, c.selected());
    assertEquals(2, c.shared());
    assertEquals(11L, c.imagesB());
    assertEquals(180L, c.imagesA());
    assertEquals(List.of("n00000006", "n00000007"), c.rows().stream().map(Comparison.Row::synset).toList());
    assertEquals(List.of("pets", "reviewed offensive"), c.rows().get(0).reasons());
    Comparison reverse = new Comparisons(searcher, audit).compare("other", "fixture", Set.of("pets"), Set.of("safe"));
    assertEquals(0, reverse.shared(), "pets applies to fixture only, and nothing in other is reviewed");
    assertEquals(null, reverse.imagesA());
  }

  @Test
  void anImagePathIsWrittenOnOneLineAndStillNamesItsFile() {
    // A line break became a space: 'dog/new line.png', a file that does not exist.
    assertEquals("dog/new\\nline.png", BlockList.escaped("dog/new\nline.png"));
    assertEquals("a\\tb\\\\c.png", BlockList.escaped("a\tb\\c.png"));
    assertEquals("dog/plain name.png", BlockList.escaped("dog/plain name.png"));
  }
}
