package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.index.SenseInfo;
import org.synscope.search.CategoryView;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchRequest;

/**
 * A label masked for a mark on another sense of its word is masked wherever the page names it: on WordNet
 * 3.0, {@code cunt} is cunt.n.01 first (unmarked) and "obscene terms for female genitals" second, so the
 * name of its own sense, cunt.n.01, is the masked word too, in its paths and in the hits' breadcrumbs.
 */
class MaskedWordPageTest {
  @TempDir
  static Path dir;
  static LabelSearcher searcher;

  @BeforeAll
  static void index() {
    searcher = LabelSearcher.open(Fixtures.importFirstSense(dir.resolve("index"), Fixtures.wordNet30(), "words",
        Fixtures.write(dir.resolve("words.txt"), "cunt\nbitch\nsuit\nspade\nblackamoor\nblack_person\nbozo\ntwat\nkaffir\nkaffir_corn\nmanikin\n")), Fixtures.wordNet30(), 5_000);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  @Test
  void aWordALabelWouldBeMaskedForIsMaskedInEveryTextOfAPage() {
    // The appearance signal's reason for small_person.n.01 names runt (runt.n.01 is "disparagement"), and so
    // did manikin's page, although runt is masked wherever it is a label.
    String raw = "signal Physical appearance and body: under small_person.n.01 (\"a person of below average size\""
        + " (runt, manikin, pygmy; dwarf is also a disability))";
    CategoryView view = searcher.category("words", "manikin");
    assertEquals(raw, view.risk().because().get(1).what());
    CategoryPage page = CategoryPage.of(view, List.of(), false, false, MaskedWords.of(Fixtures.wordNet30()));
    assertEquals(raw.replace("(runt,", "(r***,"), page.risk().because().get(1).what());
    assertTrue(page.ui().masksOtherWords(), "the page says it masks words, with Reveal");
    assertEquals(raw, CategoryPage.of(view, List.of(), false, true, MaskedWords.of(Fixtures.wordNet30())).risk()
        .because().get(1).what());
    // /signals masks them in reasons too: the socio-economic anchor rustic.n.01 lists hillbilly.
    RiskPages.SignalsPage signals = RiskPages.signalsPage(searcher, false);
    String rustic = signals.signals().stream().filter(v -> v.signal().name().equals("socio-economic")).findFirst()
        .orElseThrow().signal().anchors().stream().filter(a -> a.name().equals("rustic.n.01")).findFirst().orElseThrow()
        .reason();
    assertEquals("\"an unsophisticated country person\" (peasant, yokel, h********, redneck): rural/class social origin",
        rustic);
    assertTrue(signals.maskedText());
    // Other forms of such a word, as a user's cue or evidence writes them (the label says 'niggers' went unmasked).
    Redactor words = Redactor.none().withWords(MaskedWords.of(Fixtures.wordNet30()), null);
    assertEquals("label says 'r****', the r***'s reason, a r***-like h********-type person, w**** t****",
        words.apply("label says 'runts', the runt's reason, a runt-like hillbilly-type person, white trash"));
    assertEquals("runtime and a truncated word", words.apply("runtime and a truncated word"));
  }

  @Test
  void theWordsALabelWouldBeMaskedForAreWordNetsMarkedWordsInSensesThatAreNotRareOnes() {
    java.util.Set<String> words = org.synscope.flags.BuiltInFlags.maskedWords(Fixtures.wordNet30());
    for (String w : List.of("runt", "hillbilly", "white trash", "kike", "twat")) {
      assertTrue(words.contains(w), w);
    }
    // suit's businessman sense is a disparagement WordNet's counts never use; manikin is marked nowhere.
    for (String w : List.of("suit", "manikin", "dog")) {
      assertTrue(!words.contains(w), w);
    }
  }

  @Test
  void theMaskedLabelsOwnSenseIsMaskedInPathsAndBreadcrumbs() {
    CategoryView view = searcher.category("words", "cunt");
    CategoryPage page = CategoryPage.of(view, List.of(), false, false);
    assertEquals("c***", page.ui().title());
    assertTrue(!page.ui().masksOtherWords(), "the label's own content note covers it");
    for (List<Masking.Crumb> path : page.paths()) {
      assertEquals("c***.n.01", path.get(path.size() - 1).name());
    }
    Masking.HitView hit = new Masking(false, new SearchUrls(SearchRequest.all(), false), null)
        .view(searcher.search(SearchRequest.all()).hits().stream().filter(h -> h.key().equals("cunt")).findFirst()
            .orElseThrow());
    assertEquals("c***.n.01", hit.breadcrumbs().get(hit.breadcrumbs().size() - 1).name());
    assertTrue(!hit.crumbsHtml().contains("cunt"), hit.crumbsHtml());
    // Revealed, every name is the word.
    CategoryPage revealed = CategoryPage.of(view, List.of(), false, true);
    assertEquals("cunt.n.01", revealed.paths().get(0).get(revealed.paths().get(0).size() - 1).name());
  }

  @Test
  void aSenseNamedByAMaskedWordIsMaskedOnAnotherLabelsPage() {
    // bitch is not masked (no sense marks the word bitch), but one of its senses is cunt.n.01 ("a person ...
    // thoroughly disliked"), named by the word cunt.n.02 marks: trees mask that name, and so does bitch's page.
    CategoryPage page = CategoryPage.of(searcher.category("words", "bitch"), List.of(), false, false);
    assertEquals("bitch", page.ui().title());
    assertTrue(page.ui().masksOtherWords(), "a content note with Reveal says other words are masked");
    SenseInfo other = page.ui().otherSenses().stream().filter(s -> s.id().equals("n09982873")).findFirst().orElseThrow();
    assertEquals("c***.n.01", other.name());
    assertEquals(List.of("c***", "bitch"), other.lemmas());
    for (CategoryPage.FlagView f : page.ui().flags()) {
      assertTrue(!f.evidence().contains("cunt") && (f.sense() == null || !f.sense().contains("cunt")), f.toString());
    }
    for (CategoryPage.ScoreView s : page.ui().scores()) {
      assertTrue(!s.name().contains("cunt"), s.name());
    }
    CategoryPage revealed = CategoryPage.of(searcher.category("words", "bitch"), List.of(), false, true);
    assertTrue(revealed.ui().otherSenses().stream().anyMatch(s -> s.name().equals("cunt.n.01")));
    assertTrue(!revealed.ui().masksOtherWords());
    // suit.n.03 (the businessman) is a disparagement, so its name is masked in trees; on suit's own page the
    // label suit is shown, and so is that sense's name.
    CategoryPage suit = CategoryPage.of(searcher.category("words", "suit"), List.of(), false, false);
    assertEquals("suit", suit.ui().title());
    assertTrue(!suit.ui().masksOtherWords(), "nothing on suit's page is masked");
    assertTrue(suit.ui().otherSenses().stream().anyMatch(s -> s.name().equals("suit.n.03")
        && s.maskedWords().equals(List.of("suit"))));
  }

  @Test
  void aMaskedLabelsSynsetNamedByAnotherWordIsNamedAsTheNextRowNamesIt() {
    // WordNet 3.0: blackamoor is a disparaging word of black.n.05, whose name's word, black, is unmarked. The hit
    // showed b****.n.05 while black_person's hit, the next row, showed black.n.05: one node, two names.
    Masking masking = new Masking(false, new SearchUrls(SearchRequest.all(), false), null);
    List<Masking.HitView> hits = searcher.search(SearchRequest.all()).hits().stream()
        .filter(h -> h.key().startsWith("black")).sorted(java.util.Comparator.comparing(h -> h.key()))
        .map(masking::view).toList();
    assertEquals(List.of("black_person", "b*********"), hits.stream().map(Masking.HitView::display).toList());
    assertEquals(List.of("black.n.05", "black.n.05"), hits.stream().map(Masking.HitView::displayName).toList());
  }

  @Test
  void aWordMaskedAsALabelIsMaskedAmongAnotherSynsetsWords() {
    // WordNet 3.0: bozo is fathead.n.01, "a man who is a stupid incompetent fool", which marks none of its words;
    // but twat, one of them, is marked obscene in its first sense (the vulva), as a label twat is masked.
    CategoryPage page = CategoryPage.of(searcher.category("words", "bozo"), List.of(), false, false);
    assertEquals(List.of("fathead", "goof", "goofball", "bozo", "jackass", "goose", "cuckoo", "t***", "zany"),
        page.ui().primary().lemmas());
    assertEquals("t***", new Masking(false, new SearchUrls(SearchRequest.all(), false), null).view(searcher
        .search(SearchRequest.all()).hits().stream().filter(h -> h.key().equals("twat")).findFirst().orElseThrow()).display());
    assertTrue(page.ui().masksOtherWords());
    assertEquals("twat", CategoryPage.of(searcher.category("words", "bozo"), List.of(), false, true).ui().primary()
        .lemmas().get(7));
  }

  @Test
  void otherCategoriesOfTheSynsetHideThePagesWordsToo() {
    // WordNet 3.0: kaffir's first sense is great_millet.n.01, which kaffir_corn also names; the word kaffir is an
    // ethnic slur in its other sense, so kaffir is a masked label, and its page listed kaffir_corn in full.
    CategoryPage page = CategoryPage.of(searcher.category("words", "kaffir"), List.of(), false, false);
    assertEquals("k*****", page.ui().title());
    assertEquals(List.of("k*****_corn"), page.sameSynset().stream().map(Masking.HitView::display).toList());
    assertEquals(List.of("kaffir_corn"), CategoryPage.of(searcher.category("words", "kaffir"), List.of(), false, true)
        .sameSynset().stream().map(Masking.HitView::display).toList());
  }

  @Test
  void theSignalsPageMasksAnAnchorNamedByASlur() {
    // WordNet 3.0: coolie.n.01 ("an unskilled Asian laborer") is a socio-economic anchor, and coolie is an ethnic
    // slur, masked as a label and in trees; /signals printed it in full.
    RiskPages.SignalsPage masked = RiskPages.signalsPage(searcher, false);
    List<String> anchors = masked.signals().stream().filter(v -> v.signal().name().equals("socio-economic")).findFirst()
        .orElseThrow().signal().anchors().stream().map(org.synscope.risk.Signal.Synset::name).toList();
    assertTrue(anchors.contains("c*****.n.01") && !anchors.contains("coolie.n.01"), anchors.toString());
    assertTrue(masked.masked() > 0);
    RiskPages.SignalsPage revealed = RiskPages.signalsPage(searcher, true);
    assertEquals(0, revealed.masked());
    assertTrue(revealed.signals().stream().filter(v -> v.signal().name().equals("socio-economic")).findFirst()
        .orElseThrow().signal().anchors().stream().anyMatch(a -> a.name().equals("coolie.n.01")));
  }

  @Test
  void everyWordASenseMarksIsMaskedInItsLemmas() {
    // spade is first the digging tool; its second sense is nigger.n.01, whose usage domain 'ethnic slur' is on the
    // whole synset, so every one of its words is a slur: only spade itself, the page's shown label, stays readable.
    CategoryPage page = CategoryPage.of(searcher.category("words", "spade"), List.of(), false, false);
    assertEquals("spade", page.ui().title());
    SenseInfo slur = page.ui().otherSenses().stream().filter(s -> s.id().equals("n09638009")).findFirst().orElseThrow();
    assertEquals(List.of("n*****", "n****", "spade", "c***", "j******", "n****"), slur.lemmas());
    assertEquals("n*****.n.01", slur.name());
    assertTrue(page.ui().masksOtherWords());
  }
}
