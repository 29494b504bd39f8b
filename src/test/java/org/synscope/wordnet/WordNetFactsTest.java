package org.synscope.wordnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.synscope.Fixtures;

/**
 * Facts of Princeton WordNet 3.0 (from its data files, NLTK and shared/datasets/README.md). The tests
 * share nothing mutable (the lexicon and path memo are thread-safe), so they may run side by side: the
 * other versions' noun counts then load beside the passes over WordNet 3.0.
 */
@Execution(ExecutionMode.CONCURRENT)
class WordNetFactsTest {
  private final Lexicon wn = Fixtures.wordNet30();
  private final HypernymPaths paths = Fixtures.wordNet30Paths();

  private List<String> names(List<String> path) {
    return path.stream().map(id -> wn.synset(id).orElseThrow().name()).toList();
  }

  @Test
  void nounCountsOfEveryVersion() {
    assertEquals(82_115, wn.size());
    assertEquals(81_426, Lexicon.wordNet(WordNetVersion.V2_1).size());
    assertEquals(82_192, Lexicon.wordNet(WordNetVersion.V3_1).size());
  }

  @Test
  void idsAndNamesResolveToTheSameSynset() {
    assertEquals("n00007846", wn.resolve("person.n.01").orElseThrow().id());
    assertEquals("dog.n.01", wn.resolve("n02084071").orElseThrow().name());
    assertEquals("n02084071", wn.resolve("02084071").orElseThrow().id());
    assertEquals("n02084071", wn.resolve("dog.n.01").orElseThrow().id());
    assertEquals(List.of("dog", "domestic dog", "Canis familiaris"), wn.synset("n02084071").orElseThrow().lemmas());
    assertEquals(Optional.empty(), wn.resolve("n99999999"));
    assertEquals(Optional.empty(), wn.resolve("dog.n.99"));
    assertEquals(Optional.empty(), wn.resolve("not a synset"));
  }

  @Test
  void dogHasTwoHypernymPaths() {
    List<List<String>> dog = paths.paths("n02084071");
    assertEquals(2, dog.size());
    assertEquals(List.of("entity.n.01", "physical_entity.n.01", "object.n.01", "whole.n.02", "living_thing.n.01",
        "organism.n.01", "animal.n.01", "chordate.n.01", "vertebrate.n.01", "mammal.n.01", "placental.n.01",
        "carnivore.n.01", "canine.n.02", "dog.n.01"), names(dog.get(0)));
    assertEquals(List.of("entity.n.01", "physical_entity.n.01", "object.n.01", "whole.n.02", "living_thing.n.01",
        "organism.n.01", "animal.n.01", "domestic_animal.n.01", "dog.n.01"), names(dog.get(1)));
    // Ancestors hold each node once: 14 + 9 nodes on the paths, 8 on both (entity .. animal, and dog).
    assertEquals(14 + 9 - 8, paths.ancestors("n02084071").size());
    assertEquals(8, paths.depth("n02084071"));
  }

  @Test
  void einsteinReachesPersonOnlyThroughInstanceHypernyms() {
    NounSynset einstein = wn.resolve("einstein.n.01").orElseThrow();
    assertEquals("n10954498", einstein.id());
    assertEquals(List.of(), einstein.hypernyms());
    assertEquals(List.of("physicist.n.01"), einstein.instanceHypernyms().stream()
        .map(id -> wn.synset(id).orElseThrow().name()).toList());
    assertTrue(paths.ancestors(einstein.id()).contains("n00007846"));
  }

  @Test
  void usagePointersAreKeptPerWord() {
    NounSynset black = wn.synset("n09636339").orElseThrow();
    assertEquals(List.of("Black", "Black person", "blackamoor", "Negro", "Negroid"), black.lemmas());
    assertEquals(List.of(new DomainPointer("usage", "n06718862", "ethnic slur", "blackamoor")),
        black.domains().stream().filter(d -> d.domain().equals("ethnic slur")).toList());
    NounSynset corpse = wn.synset("n05218119").orElseThrow();
    assertEquals(List.of(new DomainPointer("usage", "n07157273", "slang", "stiff")),
        corpse.domains().stream().filter(d -> d.kind().equals("usage")).toList());
    NounSynset greaser = wn.synset("n09722898").orElseThrow();
    assertEquals(List.of("ethnic slur", "disparagement"), greaser.domains().stream()
        .filter(DomainPointer::synsetLevel).map(DomainPointer::domain).toList());
  }

  @Test
  void glossSplitsIntoDefinitionAndExamples() {
    NounSynset stiff = wn.synset("n10656120").orElseThrow();
    assertEquals("an ordinary man", stiff.definition());
    assertEquals(List.of("a lucky stiff", "a working stiff"), stiff.examples());
  }

  @Test
  void labelsAreLookedUpWithNormalisationAndBaseForms() {
    LabelMatcher m = new LabelMatcher(wn, new HypernymPaths(wn));
    assertEquals("n11178393", m.match("a._a._michelson").senses().get(0).id());
    SenseMapping dogs = m.match("Dogs");
    assertEquals("dog", dogs.lemma());
    assertEquals(LemmaMatch.INFLECTION, dogs.match());
    assertEquals(7, dogs.senses().size());
    assertEquals(List.of("n09722898", "n07880751"), m.match("taco").senses().stream().map(NounSynset::id).toList());
    assertEquals(List.of("n07880880"), m.match("chicken_taco").senses().stream().map(NounSynset::id).toList());
    assertEquals(List.of(), m.match("qwzxv").senses());
    assertEquals(List.of("dog"), wn.baseForms("dogs"));
    assertEquals(List.of(), wn.baseForms("letter s"));
  }

  @Test
  void everyHypernymPathOfEveryNoun() {
    // STACK-NOTES facts for WordNet 3.0 nouns: 111,557 paths, at most 12 per synset, 21,524 with
    // more than one; the person.n.01 subtree (instances included, root included) has 10,297 synsets.
    int[] totals = new int[4];
    String person = "n00007846";
    wn.forEachNoun(s -> {
      int n = paths.paths(s.id()).size();
      totals[0] += n;
      totals[1] = Math.max(totals[1], n);
      totals[2] += n > 1 ? 1 : 0;
      totals[3] += paths.ancestors(s.id()).contains(person) ? 1 : 0;
    });
    assertEquals(111_557, totals[0]);
    assertEquals(12, totals[1]);
    assertEquals(21_524, totals[2]);
    assertEquals(10_297, totals[3]);
  }
}
