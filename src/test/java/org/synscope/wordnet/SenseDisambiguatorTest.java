package org.synscope.wordnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.synscope.Fixtures;

class SenseDisambiguatorTest {

  private static List<SenseMapping> choose(Lexicon wn, List<String> labels, SensePolicy policy, Set<String> context) {
    HypernymPaths paths = new HypernymPaths(wn);
    return choose(new SenseResolver(wn, paths), new SenseDisambiguator(wn, paths), labels, policy, context);
  }

  private static List<SenseMapping> choose(SenseResolver resolver, SenseDisambiguator disambiguator, List<String> labels,
      SensePolicy policy, Set<String> context) {
    List<SenseDisambiguator.Item> items = new ArrayList<>();
    for (String label : labels) {
      items.add(new SenseDisambiguator.Item(resolver.byLabel(label, null, ""), null, Set.of(), context, label));
    }
    return disambiguator.choose(items, policy);
  }

  /** On WordNet 3.0, the shared resolver and disambiguator (whose subtree sizes take a pass over every noun). */
  private static List<SenseMapping> chooseOnWordNet30(List<String> labels, SensePolicy policy) {
    return choose(Fixtures.wordNet30Resolver(), Fixtures.wordNet30Disambiguator(), labels, policy, Set.of());
  }

  private static final List<String> HAND_MADE = List.of("dog", "domestic_dog", "cat", "rex", "kid", "unicorn", "canine",
      "slurword");

  @Test
  void aKidAmongAnimalsIsTheYoungGoat() {
    // By hand: the anchors are dog, domestic_dog, cat, rex and canine under animal.n.01 (a subtree of 7
    // synsets) and slurword under person.n.01 (3 synsets); entity.n.01 holds all 11 and 6 anchors.
    // fit(kid.n.02) = 5/7 + 6/11 = 1.2597; fit(kid.n.01) = 1/3 + 6/11 = 0.8788; no sense counts.
    SenseMapping kid = choose(Fixtures.handMade(), HAND_MADE, SensePolicy.DATASET, Set.of()).get(4);
    assertEquals("kid.n.02", kid.primary().orElseThrow().name());
    assertEquals(List.of(new SenseScore("n00000011", "kid.n.02", 0.589), new SenseScore("n00000009", "kid.n.01", 0.411)),
        kid.scores());
    assertEquals(0.178, kid.confidence());
    assertEquals("low", kid.certainty());
    assertEquals("chosen over 1 other sense by fit with 5 other labels under animal.n.01", kid.reason());
  }

  /**
   * artifact.n.01 holds tool.n.01 (the wrench, jack.n.01, ratchet.n.01 and seven other tools: 11 synsets)
   * and toy.n.01 (jack.n.02, the game piece, and ratchet.n.02, the noisemaker: 3 synsets); 15 in all.
   */
  private static Lexicon toolsAndToys() {
    List<NounSynset> synsets = new ArrayList<>();
    synsets.add(noun("n00000001", "artifact.n.01", "artifact"));
    synsets.add(noun("n00000002", "tool.n.01", "tool", "n00000001"));
    synsets.add(noun("n00000003", "toy.n.01", "toy", "n00000001"));
    synsets.add(noun("n00000004", "wrench.n.01", "wrench", "n00000002"));
    synsets.add(noun("n00000005", "jack.n.01", "jack", "n00000002"));
    synsets.add(noun("n00000006", "jack.n.02", "jack", "n00000003"));
    synsets.add(noun("n00000007", "ratchet.n.01", "ratchet", "n00000002"));
    synsets.add(noun("n00000008", "ratchet.n.02", "ratchet", "n00000003"));
    List<String> others = List.of("hammer", "saw", "drill", "chisel", "pliers", "awl", "plane");
    for (int i = 0; i < others.size(); i++) {
      synsets.add(noun("n0000001" + i, others.get(i) + ".n.01", others.get(i), "n00000002"));
    }
    return Lexicon.of("fixture", synsets);
  }

  private static NounSynset noun(String id, String name, String lemma, String... hypernyms) {
    return new NounSynset(id, name, List.of(lemma), "", List.of(), "noun.fixture", List.of(hypernyms), List.of(),
        List.of());
  }

  @Test
  void twoMinorSensesDoNotPropEachOtherUp() {
    // By hand (no sense counts, so every prior is 1; one unambiguous label, so not exclusive classes).
    // Round 1 counts only the wrench: fit(jack.n.01) = 1/11 + 1/15, fit(jack.n.02) = 0/3 + 1/15, so 26/37 = 0.703
    // on the tool, 11/37 on the toy; ratchet the same. Round 2 counts the wrench and ratchet's round-1 choice:
    // fit(jack.n.01) = (1 + 26/37)/11 + 2/15 = 0.28812, fit(jack.n.02) = (11/37)/3 + 2/15 = 0.23243: 0.553 on the
    // tool. Round 3, if it counted ratchet's round-2 choice (0.553 / 0.447, made from jack's own), would turn jack
    // into the toy: (1.553/11 + 2/15 = 0.27456) < (0.447/3 + 2/15 = 0.28216). Without jack's echo ratchet stands as
    // in round 1, and so jack stays 0.553 on the tool.
    List<SenseMapping> chosen = choose(toolsAndToys(), List.of("wrench", "jack", "ratchet"), SensePolicy.DATASET,
        Set.of());
    assertEquals(List.of(new SenseScore("n00000005", "jack.n.01", 0.553), new SenseScore("n00000006", "jack.n.02", 0.447)),
        chosen.get(1).scores());
    assertEquals(List.of(new SenseScore("n00000007", "ratchet.n.01", 0.553),
        new SenseScore("n00000008", "ratchet.n.02", 0.447)), chosen.get(2).scores());
  }

  @Test
  void firstSensePolicyKeepsWordNetsOrderAndSaysItHasNoEvidence() {
    SenseMapping kid = choose(Fixtures.handMade(), HAND_MADE, SensePolicy.FIRST, Set.of()).get(4);
    assertEquals("kid.n.01", kid.primary().orElseThrow().name());
    assertEquals(0.0, kid.confidence()); // no sense counts: both senses 0.5
    assertEquals("low", kid.certainty());
    assertEquals("WordNet's first of 2 senses (sense policy first)", kid.reason());
  }

  @Test
  void contextNarrowsTheCandidates() {
    SenseMapping kid = choose(Fixtures.handMade(), HAND_MADE, SensePolicy.DATASET, Set.of("n00000003")).get(4);
    assertEquals("kid.n.01", kid.primary().orElseThrow().name());
    assertEquals(1.0, kid.confidence());
    // The densest ancestor of kid.n.01 is entity.n.01 (6 of 11 synsets) rather than person.n.01 (1 of 3).
    assertEquals("chosen over 1 other sense by fit with 6 other labels under entity.n.01; 1 of 2 senses lie under"
        + " --context", kid.reason());
  }

  @Test
  void anAquaticMammalListMakesSealWhaleAndOtterTheAnimals() {
    // WordNet 3.0: seal's first sense is sealing wax, whale's a very large person, otter's the fur.
    List<String> labels = List.of("seal", "whale", "otter", "walrus", "manatee", "narwhal", "porpoise", "sea_lion",
        "dugong");
    List<SenseMapping> first = chooseOnWordNet30(labels, SensePolicy.FIRST);
    assertEquals(List.of("sealing_wax.n.01", "giant.n.04", "otter.n.01"),
        first.subList(0, 3).stream().map(m -> m.primary().orElseThrow().name()).toList());
    List<SenseMapping> chosen = chooseOnWordNet30(labels, SensePolicy.DATASET);
    assertEquals(List.of("seal.n.09", "whale.n.02", "otter.n.02"),
        chosen.subList(0, 3).stream().map(m -> m.primary().orElseThrow().name()).toList());
    assertEquals("confident", chosen.get(0).certainty());
    assertEquals(List.of("unique", "unique", "unique", "unique", "unique", "unique"),
        chosen.subList(3, 9).stream().map(m -> m.status().key()).toList());
  }

  @Test
  void aWordLeansToTheSynsetsItHeadsByTheRatioWordNetsOwnCountsGive() {
    // Derived independently from WordNet 3.0's index.noun, data.noun and index.sense (eval/senses/head_ratio.py):
    // over the 3,397 polysemous nouns with tag counts and senses both headed and not, the per-noun mean counts sum to
    // 14,015.51 (headed) and 7,184.57 (others).
    assertEquals(1.9508, Fixtures.wordNet30Disambiguator().headRatio(), 1e-4);
    // jellyfish alone (no other label to fit): neither sense is tagged; it heads jellyfish.n.02 and is the second
    // word of the Portuguese man-of-war (its first sense). Priors 1 and 1/1.9508, each to the power 0.5: 1 and
    // 0.71597, normalised 0.583 and 0.417. The first-sense policy reports the counts alone (0.5 each).
    SenseMapping jellyfish = chooseOnWordNet30(List.of("jellyfish"), SensePolicy.DATASET).get(0);
    assertEquals(List.of(new SenseScore("n01910747", "jellyfish.n.02", 0.583),
        new SenseScore("n01913166", "portuguese_man-of-war.n.01", 0.417)), jellyfish.scores());
    assertEquals(List.of(new SenseScore("n01913166", "portuguese_man-of-war.n.01", 0.5),
        new SenseScore("n01910747", "jellyfish.n.02", 0.5)),
        chooseOnWordNet30(List.of("jellyfish"), SensePolicy.FIRST).get(0).scores());
    // Hand-made lexicons have no counts: no lean.
    assertEquals(1.0, new SenseDisambiguator(Fixtures.handMade(), new HypernymPaths(Fixtures.handMade())).headRatio());
  }

  /** ImageNet-1k's first five class names: each is every WordNet 3.0 lemma of its synset, ', '-joined. */
  private static final List<String> IMAGENET_NAMES = List.of("tench, Tinca tinca", "goldfish, Carassius auratus",
      "great white shark, white shark, man-eater, man-eating shark, Carcharodon carcharias",
      "tiger shark, Galeocerdo cuvieri", "hammerhead, hammerhead shark");

  @Test
  void inAListThatWritesEveryNameOfAClassALabelNamesTheSynsetWithExactlyItsNames() {
    List<String> labels = new ArrayList<>(IMAGENET_NAMES);
    labels.add("hammer");
    labels.add("radio, wireless");
    List<SenseMapping> chosen = chooseOnWordNet30(labels, SensePolicy.DATASET);
    // hammer.n.02 ("a hand tool with a heavy rigid head"), ImageNet's n03481172. Three of hammer's eight
    // senses have hammer as their only name; mallet.n.02 ('mallet, hammer') is not among them, and of the
    // three the hand tool is the one that is a whole object like the fish.
    assertEquals("hammer.n.02", chosen.get(5).primary().orElseThrow().name());
    assertEquals("n03481172", chosen.get(5).primary().orElseThrow().id());
    assertEquals(true, chosen.get(5).reason().contains("3 of 8 senses have exactly the names the label lists"),
        chosen.get(5).reason());
    // radio, wireless: radio.n.03 (ImageNet's n04041544), not radio_receiver.n.01, which has four more names.
    assertEquals("n04041544", chosen.get(6).primary().orElseThrow().id());
    // hammerhead, hammerhead shark: its one sense with both names and no other.
    assertEquals("n01494475", chosen.get(4).primary().orElseThrow().id());
  }

  @Test
  void theNamingConventionIsReadFromAtLeastFiveListLabelsMostOfThemExact() {
    java.util.function.Function<List<String>, Boolean> full = labels -> {
      List<SenseDisambiguator.Item> items = new ArrayList<>();
      for (String label : labels) {
        items.add(new SenseDisambiguator.Item(Fixtures.wordNet30Resolver().byLabel(label, null, ""), null, Set.of(),
            Set.of(), label));
      }
      return SenseDisambiguator.writesFullNames(items);
    };
    assertEquals(true, full.apply(IMAGENET_NAMES));
    assertEquals(false, full.apply(IMAGENET_NAMES.subList(0, 4))); // four lists are too few to read a convention from
    // Five lists, three of them partial ("radio, receiver" is not all of radio_receiver.n.01's names): no convention.
    assertEquals(false, full.apply(List.of("tench, Tinca tinca", "goldfish, Carassius auratus", "radio, receiver",
        "dog, domestic dog", "cat, true cat, kitty")));
  }

  @Test
  void aListThatNamesEveryClassByItsFirstNameIsReadSoFromItsUnambiguousLabels() {
    SenseDisambiguator wn = Fixtures.wordNet30Disambiguator();
    // Derived independently from data.noun and cntlist.rev (eval/senses/head_ratio.py): over the 40,036 noun
    // synsets of two or more names, the first names have 45,483 of the 65,716 tag counts.
    assertEquals(0.6921, wn.headShare(), 1e-4);
    java.util.function.Function<List<String>, List<SenseDisambiguator.Item>> items = labels -> labels.stream()
        .map(l -> new SenseDisambiguator.Item(Fixtures.wordNet30Resolver().byLabel(l, null, ""), null, Set.of(), Set.of(), l))
        .toList();
    // ImageNet first lemmas: tench (tench, Tinca tinca), goldfish (goldfish, Carassius auratus),
    // great_white_shark (five names) and tiger_shark (tiger shark, Galeocerdo cuvieri) are unambiguous and the first
    // names of their many-named synsets; hammer has eight senses and is no evidence. Posterior 1 / (1 + 0.6921^4).
    List<String> firstNames = List.of("tench", "goldfish", "great_white_shark", "tiger_shark", "hammer");
    assertEquals(1 / (1 + Math.pow(wn.headShare(), 4)), wn.namesByFirstName(items.apply(firstNames)).posterior(),
        1e-9);
    // hammer: of its eight senses, hammer is the first name of three; mallet.n.02 ('mallet, hammer') keeps only
    // (1 - posterior) = 0.187 of its prior, the three headed senses share the rest.
    SenseMapping hammer = wn.choose(items.apply(firstNames), SensePolicy.DATASET).get(4);
    assertEquals("hammer", hammer.primary().orElseThrow().name().split("\\.")[0]);
    assertEquals(true, hammer.reason().endsWith("the list names each class by its synset's first name (chance 0.813"
        + " from 4 unambiguous labels), so senses whose first name is not 'hammer' keep 0.187 of their prior"),
        hammer.reason());
    // couch is not the first name of sofa.n.01 (sofa, couch, lounge): one such label refutes the convention.
    assertEquals(new SenseDisambiguator.FirstNames(0, 0), wn.namesByFirstName(items.apply(List.of("goldfish", "great_white_shark", "sofa_bed", "couch_potato",
        "chesterfield"))));
  }

  @Test
  void aNumberedGroupIsNamedByItsKind() {
    LabelMatcher matcher = new LabelMatcher(Fixtures.wordNet30(), Fixtures.wordNet30Paths());
    // CIFAR-100's vehicles_1: the senses of "vehicles" (vehicle.n.01 n04524313 among them), not of "1" (one.n.01,
    // the digit, n13742358), which the head-noun fallback used to take.
    Set<String> named = SenseDisambiguator.hintSynsets(matcher, "vehicles_1");
    assertEquals(true, named.contains("n04524313"), named.toString());
    assertEquals(false, named.contains("n13742358"), named.toString());
    assertEquals(SenseDisambiguator.hintSynsets(matcher, "vehicles"), named);
  }

  /**
   * entity > animal > a0..a4, entity > artifact > r1..r5; kit has two senses: kit.n.01 under a0 and kit.n.02
   * under artifact. Every synset has one name and no sense counts.
   */
  private static Lexicon exclusiveClasses() {
    List<NounSynset> all = new ArrayList<>();
    all.add(synset(1, "entity", List.of()));
    all.add(synset(2, "animal", List.of(1)));
    all.add(synset(3, "artifact", List.of(1)));
    for (int i = 0; i < 5; i++) {
      all.add(synset(10 + i, "a" + i, List.of(2)));
      all.add(synset(20 + i, "r" + (i + 1), List.of(3)));
    }
    all.add(synset(30, "kit", List.of(10)));
    all.add(synset(31, "kit", List.of(3)));
    return Lexicon.of("fixture", all);
  }

  private static NounSynset synset(int offset, String lemma, List<Integer> parents) {
    String id = String.format("n%08d", offset);
    return new NounSynset(id, lemma + ".n." + (offset == 31 ? "02" : "01"), List.of(lemma), "", List.of(), "noun.fixture",
        parents.stream().map(p -> String.format("n%08d", p)).toList(), List.of(), List.of());
  }

  @Test
  void inAListOfExclusiveClassesALabelAboveASenseIsItsRival() {
    // By hand. Subtrees: entity 15 synsets, animal 7, artifact 7, a0 2 (a0 and kit.n.01).
    // Ten unambiguous labels, none under another: the classes are exclusive. a0 sits above kit.n.01, so it
    // is not support there but a rival: fit(kit.n.01) = 0/2 + 5/7 + 10/15 = 1.3810, divided by 1 + 1;
    // fit(kit.n.02) = 5/7 + 10/15 = 1.3810. Scores 0.6905 : 1.3810 = 0.333 : 0.667.
    List<String> labels = List.of("a0", "a1", "a2", "a3", "a4", "r1", "r2", "r3", "r4", "r5", "kit");
    SenseMapping kit = choose(exclusiveClasses(), labels, SensePolicy.DATASET, Set.of()).get(10);
    assertEquals(List.of(new SenseScore("n00000031", "kit.n.02", 0.667), new SenseScore("n00000030", "kit.n.01", 0.333)),
        kit.scores());
    assertEquals("chosen over 1 other sense by fit with 5 other labels under artifact.n.01; the list's 10 unambiguous"
        + " labels are exclusive classes (none lies under another), so a label above or below a sense is its rival",
        kit.reason());
    // Nine unambiguous labels are too few to read the list so: a0 supports kit.n.01.
    // fit(kit.n.01) = 1/2 + 5/7 + 9/15 = 1.8143; fit(kit.n.02) = 4/7 + 9/15 = 1.1714: 0.608 : 0.392.
    SenseMapping nine = choose(exclusiveClasses(), labels.stream().filter(l -> !l.equals("r5")).toList(),
        SensePolicy.DATASET, Set.of()).get(9);
    assertEquals(List.of(new SenseScore("n00000030", "kit.n.01", 0.608), new SenseScore("n00000031", "kit.n.02", 0.392)),
        nine.scores());
  }

  @Test
  void anotherGroupsLabelsCountOnlyWhereTheLabelsOwnGroupReaches() {
    // By hand, on the fixture above: a1, a2 and kit in group "animals", r1..r5 in "artifacts"; no group has
    // a named sense, and seven unambiguous labels are too few for exclusive classes. Subtrees: entity 15,
    // animal 7, artifact 7, a0 2. kit is the only ambiguous label, so every round scores it as round 0 does.
    // kit.n.01 (under a0 and animal): a0 holds nobody; animal holds a1 and a2, counted again as the group's:
    // 4/7; entity holds 7 labels, 2 of them the group's: 9/15. fit = 1.1714.
    // kit.n.02 (under artifact): artifact holds r1..r5 but none of the group, so they do not count there;
    // entity: 9/15. fit = 0.6. Scores 1.1714 : 0.6 = 0.661 : 0.339.
    // (Counting r1..r5 at artifact, 5/7, would give kit.n.02 1.3143: 0.471 : 0.529, the artifact.)
    SenseResolver r = new SenseResolver(exclusiveClasses(), new HypernymPaths(exclusiveClasses()));
    SenseDisambiguator d = new SenseDisambiguator(exclusiveClasses(), new HypernymPaths(exclusiveClasses()));
    java.util.function.Function<String, List<SenseDisambiguator.Item>> grouped = kitGroup -> List.of(
        "a1", "a2", "r1", "r2", "r3", "r4", "r5", "kit").stream().map(l -> new SenseDisambiguator.Item(
            r.byLabel(l, null, ""), l.equals("kit") ? kitGroup : l.startsWith("a") ? "animals" : "artifacts", Set.of(),
            Set.of(), l)).toList();
    SenseMapping kit = d.choose(grouped.apply("animals"), SensePolicy.DATASET).get(7);
    assertEquals(List.of(new SenseScore("n00000030", "kit.n.01", 0.661), new SenseScore("n00000031", "kit.n.02", 0.339)),
        kit.scores());
    assertEquals(true, kit.reason().endsWith("its group 'animals' counted as close context, and labels of other groups"
        + " only where it reaches too"), kit.reason());
    // A group that reaches no sense (kit alone in its group) says nothing, and every label counts:
    // kit.n.01 = 2/7 + 7/15 = 0.7524, kit.n.02 = 5/7 + 7/15 = 1.1810: 0.389 : 0.611.
    SenseMapping alone = d.choose(grouped.apply("loners"), SensePolicy.DATASET).get(7);
    assertEquals(List.of(new SenseScore("n00000031", "kit.n.02", 0.611), new SenseScore("n00000030", "kit.n.01", 0.389)),
        alone.scores());
  }

  @Test
  void aListIsReadAsExclusiveClassesOnlyWhenNoUnambiguousLabelLiesUnderAnother() {
    SenseDisambiguator d = new SenseDisambiguator(exclusiveClasses(), new HypernymPaths(exclusiveClasses()));
    SenseResolver r = new SenseResolver(exclusiveClasses(), new HypernymPaths(exclusiveClasses()));
    List<String> ten = List.of("a0", "a1", "a2", "a3", "a4", "r1", "r2", "r3", "r4", "r5");
    assertEquals(true, d.flat(items(r, ten)));
    List<String> nested = new ArrayList<>(ten);
    nested.add("animal"); // a0..a4 lie under it
    assertEquals(false, d.flat(items(r, nested)));
    assertEquals(false, d.flat(items(r, ten.subList(0, 9))));
  }

  private static List<SenseDisambiguator.Item> items(SenseResolver r, List<String> labels) {
    return labels.stream().map(l -> new SenseDisambiguator.Item(r.byLabel(l, null, ""), null, Set.of(), Set.of(), l)).toList();
  }

  @Test
  void aPinnedLabelCountsOnlyItsPinAsContext() {
    // Pinning seal to the sense it already had (seal.n.09, the animal) must not move any other label. The pin
    // used to spread over all of seal's nine senses, fur among them, and beaver, fox, otter and raccoon took
    // their fur senses at the next import of CIFAR-100.
    List<String> labels = List.of("seal", "beaver", "fox", "otter", "raccoon", "squirrel", "dolphin", "whale",
        "hamster", "mouse", "rabbit", "shrew", "skunk", "porcupine", "possum", "leopard", "lion", "tiger", "wolf", "bear");
    SenseResolver r = Fixtures.wordNet30Resolver();
    List<SenseDisambiguator.Item> free = new ArrayList<>();
    List<SenseDisambiguator.Item> pinned = new ArrayList<>();
    for (String label : labels) {
      free.add(new SenseDisambiguator.Item(r.byLabel(label, null, ""), null, Set.of(), Set.of(), label));
      pinned.add(new SenseDisambiguator.Item(r.byLabel(label, label.equals("seal") ? "n02076196" : null, "by test"), null,
          Set.of(), Set.of(), label));
    }
    List<String> before = Fixtures.wordNet30Disambiguator().choose(free, SensePolicy.DATASET).stream()
        .map(m -> m.primary().orElseThrow().name()).toList();
    List<String> after = Fixtures.wordNet30Disambiguator().choose(pinned, SensePolicy.DATASET).stream()
        .map(m -> m.primary().orElseThrow().name()).toList();
    assertEquals("seal.n.09", before.get(0));
    assertEquals(before, after);
    assertEquals(List.of("beaver.n.07", "fox.n.01", "otter.n.02", "raccoon.n.02"), after.subList(1, 5));
  }
}
