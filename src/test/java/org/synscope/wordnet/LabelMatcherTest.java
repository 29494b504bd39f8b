package org.synscope.wordnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synscope.Fixtures;

/** The whole-label sense policy on real WordNet 3.0 facts (the bad mappings issue 7 lists). */
class LabelMatcherTest {
  /** Shared, so that the matcher's caches (WordNet's given names, lemmas by length) are filled once. */
  private static final SenseResolver wn = Fixtures.wordNet30Resolver();

  private static List<String> names(SenseMapping m) {
    return m.senses().stream().map(NounSynset::name).toList();
  }

  /** status, match, and the primary sense's name (WordNet order: before any policy chooses). */
  private String summary(String label) {
    SenseMapping m = wn.byLabel(label, null, "");
    return m.status().key() + " " + (m.match() == null ? "-" : m.match().key()) + " "
        + m.primary().map(NounSynset::name).orElse("-");
  }

  @Test
  void wnidMapsExactlyOrNotAtAll() {
    SenseMapping dog = wn.byId("n02084071");
    assertEquals(MappingStatus.EXACT, dog.status());
    assertEquals(List.of("dog.n.01"), names(dog));
    SenseMapping none = wn.byId("n99999999");
    assertEquals(MappingStatus.UNMAPPED, none.status());
    assertEquals("n99999999 is not a noun synset of WordNet 3.0", none.reason());
  }

  @Test
  void aWordOfTheLabelNeverStandsForTheWhole() {
    // extJWNL's lookupIndexWord mapped these through one token: al -> aluminum, bob -> shilling, ...
    assertEquals("person-name - person.n.01", summary("al_pacino"));
    assertEquals("person-name - person.n.01", summary("bob_hoskins"));
    assertEquals("person-name - person.n.01", summary("billy_drago"));
    assertEquals("person-name - person.n.01", summary("amy_smart"));
    assertEquals("person-name - person.n.01", summary("brian_g._hutton")); // Hutton is only a person in WordNet
    assertEquals("person-name - person.n.01", summary("sir_bernanrd_williams")); // a title
    SenseMapping hoof = wn.byLabel("horses_hoof", null, "");
    assertEquals("unmapped - -", summary("horses_hoof"));
    assertEquals(List.of(new Suggestion("n02153959", "hoof.n.01", "head noun of 'horses hoof'")), hoof.suggestions());
  }

  @Test
  void aNameWordNetCannotConfirmIsOnlySuggestedAsAPerson() {
    // Neither word is a WordNet noun, and "amanda" starts no WordNet person's name: unmapped, never a guess.
    SenseMapping m = wn.byLabel("amanda_bynes", null, "");
    assertEquals(MappingStatus.UNMAPPED, m.status());
    assertEquals(List.of(new Suggestion("n00007846", "person.n.01",
        "no word of it is a WordNet noun: perhaps a personal name")), m.suggestions());
  }

  @Test
  void aPoliceOfficeIsNeitherThePoliceNorAPoliceOfficer() {
    // One edit from "police officer", but "office" is a word: a typo makes a non-word. Nor is it a
    // compound: the head keeps its usual sense (office.n.01, a workplace), which police.n.01 is not under.
    SenseMapping m = wn.byLabel("police_office", null, "");
    assertEquals(MappingStatus.UNMAPPED, m.status());
    assertEquals("office.n.01", m.suggestions().get(0).name());
    assertEquals("head noun of 'police office'", m.suggestions().get(0).why());
  }

  @Test
  void apostrophesDroppedByTheListAreRestored() {
    assertEquals("ambiguous apostrophe crape_jasmine.n.01", summary("adams_apple"));
    assertEquals(List.of("crape_jasmine.n.01", "thyroid_cartilage.n.01"), names(wn.byLabel("adams_apple", null, "")));
    assertEquals("unique apostrophe tinea_pedis.n.01", summary("athletes_foot"));
    assertEquals("unique apostrophe baby's_breath.n.01", summary("babys_breath"));
    assertEquals("unique apostrophe o'connor.n.01", summary("oconnor"));
    assertEquals("the lemma 'athlete's foot' without its apostrophe", wn.byLabel("athletes_foot", null, "").reason());
  }

  @Test
  void inflectionsChangeOnlyTheLastWord() {
    assertEquals("unique inflection molester.n.01", summary("molesters"));
    assertEquals("unique inflection pederast.n.01", summary("child_molesters"));
    assertEquals("ambiguous inflection vole.n.01", summary("field_mice"));
    assertEquals("unmapped - -", summary("letter_s")); // extJWNL's suffix rule would give "letter"
    assertEquals("unique inflection brother-in-law.n.01", summary("brothers-in-law")); // WordNet's exception list
  }

  @Test
  void aHyphenatedLabelIsNeverMappedThroughOneOfItsPieces() {
    // extJWNL's tokenizer splits at hyphens too: cats-ear used to land on cat.n.01.
    assertEquals("ambiguous apostrophe cat's-ear.n.01", summary("cats-ear"));
    assertEquals("unique apostrophe solomon's-seal.n.01", summary("solomons-seal"));
    assertEquals("unmapped - -", summary("dogs-ear-thing"));
  }

  @Test
  void aDroppedApostropheComesBeforeAnInflection() {
    // Lists copied from WordNet dropped apostrophes: chemists is the chemist's shop, not chemists.
    assertEquals("unique apostrophe drugstore.n.01", summary("chemists")); // {drugstore, apothecary's shop, chemist's, ...}
    assertEquals("ambiguous whole chin.n.01", summary("chin")); // a lemma itself (not ch'in) stays that lemma
  }

  @Test
  void aLostLetterFitsExactlyOneLemmaOrNothing() {
    assertEquals("unique lost-letter abbe.n.01", summary("abb\u001a"));
    assertEquals("unmapped - -", summary("adamari_l\u001apez"));
  }

  @Test
  void listsKeepTheSensesAllPartsShare() {
    assertEquals("unique list tench.n.01", summary("tench, Tinca tinca"));
    assertEquals("unique list great_white_shark.n.01", summary("great white shark, white shark, man-eater, man-eating shark, Carcharodon carcharias"));
  }

  @Test
  void repairsAreMarkedLowConfidence() {
    SenseMapping cosy = wn.byLabel("tea_cosey", null, "");
    assertEquals("spelling - cosy.n.01", summary("tea_cosey"));
    assertEquals("low", cosy.certainty());
    SenseMapping maple = wn.byLabel("maple_tree", null, "");
    assertEquals("compound - maple.n.02", summary("maple_tree"));
    assertEquals("'maple' has a sense under tree.n.01 (a repair: check it)", maple.reason());
    assertEquals("low", maple.certainty());
    assertNull(wn.byLabel("horses_hoof", null, "").certainty());
  }

  @Test
  void aPinFixesThePrimarySenseAndKeepsTheOthers() {
    SenseMapping taco = wn.byLabel("taco", "n07880751", "by senses.tsv:3");
    assertEquals(MappingStatus.OVERRIDDEN, taco.status());
    assertEquals(List.of("taco.n.02", "greaser.n.01"), names(taco));
    assertEquals("sense pinned to taco.n.02 by senses.tsv:3", taco.reason());
    assertThrows(IllegalArgumentException.class, () -> wn.byLabel("taco", "n99999999", ""));
  }

  @Test
  void anUnmappedCompoundWhoseHeadNamesItsGroupIsPlacedAtTheHead() {
    // WordNet 3.0 has no 'aquarium fish'; CIFAR-100 files aquarium_fish in its coarse class 'fish'.
    assertEquals("unmapped - -", summary("aquarium_fish"));
    java.util.Set<String> fish = wn.hintSynsets("fish");
    SenseMapping m = wn.headInGroup("aquarium_fish", "fish", fish);
    assertEquals(MappingStatus.COMPOUND, m.status());
    assertEquals("low", m.certainty());
    // Every noun sense of 'fish' is one of the group's synsets: the disambiguator chooses among them.
    assertEquals(List.of("fish.n.01", "fish.n.02", "pisces.n.02", "pisces.n.01"), names(m)); // fish's index order
    assertEquals("no WordNet noun is the whole label; its head noun 'fish' names its group 'fish', so it is placed at"
        + " the head (a repair: check it)", m.reason());
    // A head outside the group, a one-word label or no group: nothing is repaired.
    assertNull(wn.headInGroup("aquarium_fish", "insects", wn.hintSynsets("insects")));
    assertNull(wn.headInGroup("fish", "fish", fish));
    assertNull(wn.headInGroup("aquarium_fish", "fish", java.util.Set.of()));
  }
}
