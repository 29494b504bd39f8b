package org.synscope.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synscope.Fixtures;
import org.synscope.dataset.DatasetException;
import org.synscope.flags.BuiltInFlags;
import org.synscope.flags.Flag;
import org.synscope.wordnet.SenseScore;

class RiskTest {

  @Test
  void aSignalFileIsParsedAndEveryBadLineNamed() {
    String ok = """
        # a comment
        [kinship]
        title = Kinship
        definition = People named by a family tie.
        scope = person.n.01
        anchor = kid.n.01 | a child of someone
        cue = goat | for the test
        """;
    Signal s = SignalDefinitions.parse("mine.conf", ok, Fixtures.handMade(), true).get(0);
    assertEquals("kinship", s.name());
    assertEquals("person.n.01", s.scope().name());
    assertEquals(List.of("kid.n.01"), s.anchors().stream().map(Signal.Synset::name).toList());
    assertEquals(7, s.cues().get(0).line());
    String bad = """
        title = before any heading
        [Bad Name]
        [ok]
        title = x
        anchor = nothing.n.09 | no such synset
        anchor = kid.n.01
        colour = blue
        [empty]
        title = e
        definition = d
        """;
    DatasetException e = assertThrows(DatasetException.class,
        () -> SignalDefinitions.parse("bad.conf", bad, Fixtures.handMade(), true));
    assertEquals(List.of(
        "bad.conf:1: 'title' before any [signal] heading",
        "bad.conf:2: a signal starts with [name]: lower-case letters, digits and '-'",
        "bad.conf:5: 'nothing.n.09' is not a noun synset (id or name) of WordNet fixture",
        "bad.conf:6: 'kid.n.01' needs a reason: synset.n.01 | why it is here",
        "bad.conf:7: unknown key 'colour' (use title, definition, basis, scope, anchor, exclude or cue)",
        "bad.conf:3: signal [ok] needs definition, an anchor or a cue",
        "bad.conf:8: signal [empty] needs an anchor or a cue"), e.problems().stream().map(Object::toString).toList());
    // A second title silently won; a cue of punctuation alone could never match.
    String twice = """
        [kin]
        title = Kinship
        title = Family
        definition = d
        cue = ((( | no word at all
        cue = goat | fine
        """;
    DatasetException t = assertThrows(DatasetException.class,
        () -> SignalDefinitions.parse("twice.conf", twice, Fixtures.handMade(), true));
    assertEquals(List.of("twice.conf:3: 'title' is given twice in [kin], first on line 2",
        "twice.conf:5: cue '(((' has no letter or digit, so it can match no gloss word"),
        t.problems().stream().map(Object::toString).toList());
    // [person] was accepted: its evidence read "signal P" beside the built-in flag person.
    DatasetException clash = assertThrows(DatasetException.class, () -> SignalDefinitions.parse("clash.conf", """
        [person]
        title = P
        definition = d
        cue = goat | fine
        """, Fixtures.handMade(), true));
    assertEquals(List.of("clash.conf:1: [person] is a built-in flag; give the signal another name"),
        clash.problems().stream().map(Object::toString).toList());
  }

  @Test
  void aSignalFileThatIsNoFileOrTooBigIsRefusedBeforeItIsRead() throws Exception {
    // --signals /dev/zero ran out of memory with a stack trace; a FIFO hung.
    DatasetException device = assertThrows(DatasetException.class,
        () -> SignalDefinitions.load(Fixtures.handMade(), java.nio.file.Path.of("/dev/zero")));
    assertEquals("/dev/zero: not a regular file (a device or FIFO cannot be read as signal definitions)",
        device.problems().get(0).toString());
    java.nio.file.Path big = java.nio.file.Files.createTempFile("signals", ".conf");
    try {
      java.nio.file.Files.write(big, new byte[(1 << 20) + 1]);
      DatasetException e = assertThrows(DatasetException.class, () -> SignalDefinitions.load(Fixtures.handMade(), big));
      assertEquals(big + ": is 1,048,577 bytes; signal definitions are at most 1,048,576",
          e.problems().get(0).toString());
    } finally {
      java.nio.file.Files.delete(big);
    }
  }

  @Test
  void theRiskScoreIsANoisyOrOfDocumentedWeights() {
    assertEquals(0.1, RiskWeights.combine(RiskWeights.PERSON), 1e-12);
    assertEquals("low", RiskWeights.level(RiskWeights.combine(RiskWeights.PERSON)));
    // one signal and the person flag: 1 - 0.9 * 0.55 = 0.505
    assertEquals(0.505, RiskWeights.combine(RiskWeights.PERSON, RiskWeights.SIGNAL), 1e-12);
    assertEquals("medium", RiskWeights.level(0.505));
    // two signals and the person flag: 1 - 0.9 * 0.55 * 0.55 = 0.72775
    assertEquals(0.72775, RiskWeights.combine(RiskWeights.PERSON, RiskWeights.SIGNAL, RiskWeights.SIGNAL), 1e-12);
    assertEquals("high", RiskWeights.level(0.72775));
  }

  @Test
  void aSlurOnThisVeryWordCountsInFullEvenOnAnotherSense() {
    Flag disparagement = new Flag("disparagement", "wordnet-usage", "n1", "bitch.n.04", false, "bitch", "usage");
    Flag person = new Flag("person", "hierarchy", "n2", "x.n.01", true, null, "under person.n.01");
    assertEquals(List.of(new RiskWeights.Evidence("disparagement: usage", 0.9)),
        RiskWeights.ofFlags(List.of(disparagement), "bitch", List.of()));
    Flag otherWord = new Flag("disparagement", "wordnet-usage", "n1", "x.n.04", false, "cur", "usage");
    assertEquals(List.of(new RiskWeights.Evidence("disparagement on another sense: usage", 0.4),
        new RiskWeights.Evidence("person: under person.n.01", 0.1)),
        RiskWeights.ofFlags(List.of(otherWord, person), "dog", List.of()));
  }

  @Test
  void aMarkOnAWholeSynsetMarksTheLabelsWordUnlessThatSenseIsARareOne() {
    // cunt.n.02 is marked obscene whole; the label's first sense, cunt.n.01, is not. Two senses, no counts: even.
    Flag obscene = new Flag("obscenity", "wordnet-usage", "n05521514", "cunt.n.02", false, null, "usage");
    List<SenseScore> even = List.of(new SenseScore("n09982873", "cunt.n.01", 0.5), new SenseScore("n05521514", "cunt.n.02", 0.5));
    assertEquals(List.of(new RiskWeights.Evidence("obscenity: usage", 0.9)), RiskWeights.ofFlags(List.of(obscene), "cunt", even));
    assertTrue(BuiltInFlags.marksWord(obscene, "cunt", even));
    // suit.n.03, a businessman (disparagement), scores below an even share of suit's six senses (WordNet 3.0's
    // add-one counts, as Tiny Images' suit has them): another sense only.
    Flag businessman = new Flag("disparagement", "wordnet-usage", "n10673946", "suit.n.03", false, null, "usage");
    List<SenseScore> suit = List.of(new SenseScore("n04350905", "suit.n.01", 0.636),
        new SenseScore("n01182654", "lawsuit.n.01", 0.182), new SenseScore("n10673946", "suit.n.03", 0.045),
        new SenseScore("n07188685", "courtship.n.01", 0.045), new SenseScore("n07188570", "suit.n.05", 0.045),
        new SenseScore("n04351233", "suit.n.06", 0.045));
    assertEquals(List.of(new RiskWeights.Evidence("disparagement on another sense: usage", 0.4)),
        RiskWeights.ofFlags(List.of(businessman), "suit", suit));
    assertFalse(BuiltInFlags.marksWord(businessman, "suit", suit));
    // On the primary sense a mark always counts, however the senses score.
    Flag primary = new Flag("disparagement", "wordnet-usage", "n10673946", "suit.n.03", true, null, "usage");
    assertTrue(BuiltInFlags.marksWord(primary, "suit", suit));
  }

  @Test
  void aucCountsTiesAsHalf() {
    // scores 0.1 (safe), 0.4 (unsafe), 0.4 (safe), 0.9 (unsafe): pairs (unsafe above safe) = 1 + 0.5 + 1 + 1 = 3.5 of 4
    assertEquals(0.875, LearningRanker.auc(new double[] {0.1, 0.4, 0.4, 0.9}, new boolean[] {false, true, false, true}));
  }

  @Test
  void decisionsMoveTheRankingAwayFromThePrior() {
    int shared = LearningRanker.feature("a:n10000000");
    int other = LearningRanker.feature("a:n20000000");
    LearningRanker none = LearningRanker.train(List.of());
    assertEquals(0.3, none.probability(new int[] {shared}, 0.3), 1e-9, "no decision: exactly the prior");
    LearningRanker m = LearningRanker.train(List.of(
        new LearningRanker.Example(new int[] {shared, LearningRanker.feature("l:one")}, 0.3, true),
        new LearningRanker.Example(new int[] {shared, LearningRanker.feature("l:two")}, 0.3, true),
        new LearningRanker.Example(new int[] {other, LearningRanker.feature("l:three")}, 0.3, false)));
    // Two of three decisions were unsafe, so the bias lifts every category; the ranking is what moves:
    // a sibling of the unsafe ones above a category no decision shares a feature with, a sibling of the
    // safe one below it.
    int unrelated = LearningRanker.feature("a:n30000000");
    assertTrue(m.probability(new int[] {shared}, 0.3) > 0.5, "a sibling of two unsafe decisions moves up");
    assertTrue(m.probability(new int[] {shared}, 0.3) > m.probability(new int[] {unrelated}, 0.3));
    assertTrue(m.probability(new int[] {other}, 0.3) < m.probability(new int[] {unrelated}, 0.3),
        "a sibling of a safe decision moves down");
    // The prior on each weight bounds what one decision can do: the safe one's own feature moves the
    // log-odds by less than its prior scale.
    assertTrue(m.logOdds(new int[] {unrelated}, 0.3) - m.logOdds(new int[] {other}, 0.3) < LearningRanker.SIGMA);
  }

  @Test
  void theFitIsThePosteriorModeWhateverTheOrderOfTheDecisions() {
    // One unsafe decision with three features and a prior risk of 0.02. At the mode each weight w solves
    // w / SIGMA^2 = 1 - p and the bias b solves b / BIAS_SIGMA^2 = 1 - p; both scales are 2.5, so b = w and the
    // log-odds are logit(0.02) + (3 + 1) w: a one-dimensional equation, solved here by bisection.
    int[] three = {LearningRanker.feature("a:n1"), LearningRanker.feature("g:word"), LearningRanker.feature("l:label")};
    LearningRanker one = LearningRanker.train(List.of(new LearningRanker.Example(three, 0.02, true)));
    double low = 0;
    double high = LearningRanker.SIGMA * LearningRanker.SIGMA;
    for (int i = 0; i < 100; i++) {
      double w = (low + high) / 2;
      double p = 1 / (1 + Math.exp(-(Math.log(0.02 / 0.98) + 4 * w)));
      if (w < LearningRanker.SIGMA * LearningRanker.SIGMA * (1 - p)) {
        low = w;
      } else {
        high = w;
      }
    }
    for (int f : three) {
      assertEquals(low, one.weight(f), 1e-4);
    }
    // The same decisions in another order, or a fit started from another model, give the same weights.
    List<LearningRanker.Example> decisions = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      decisions.add(new LearningRanker.Example(new int[] {LearningRanker.feature("a:n" + i % 5),
          LearningRanker.feature("g:w" + i % 7), LearningRanker.feature("l:" + i)}, 0.1 + 0.02 * (i % 4), i % 3 == 0));
    }
    LearningRanker forward = LearningRanker.train(decisions);
    List<LearningRanker.Example> reversed = new java.util.ArrayList<>(decisions);
    java.util.Collections.reverse(reversed);
    LearningRanker backward = LearningRanker.train(reversed, one);
    for (int i = 0; i < 40; i++) {
      int f = LearningRanker.feature("l:" + i);
      assertEquals(forward.weight(f), backward.weight(f), 1e-3, "l:" + i);
    }
    for (int i = 0; i < 5; i++) {
      int f = LearningRanker.feature("a:n" + i);
      assertEquals(forward.weight(f), backward.weight(f), 1e-3, "a:n" + i);
    }
  }

  @Test
  void decisionsThatAllAgreeGiveAFiniteModel() {
    // Every decision unsafe (an imported list with no safe member): without a prior on the bias the optimum would
    // lie at infinity. With the bias's prior it stays finite, where the mode solved by hand puts it.
    List<LearningRanker.Example> all = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.add(new LearningRanker.Example(new int[] {LearningRanker.feature("l:" + i)}, 0.5, true));
    }
    LearningRanker m = LearningRanker.train(all);
    // At the mode, with q = 1 - p alike for all 200: the bias is 2.5^2 * 200 q, each weight 2.5^2 q, and a decision's
    // log-odds z = (1,250 + 6.25) q with q = 1 / (1 + e^z): solved by bisection.
    double low = 0;
    double high = 100;
    for (int i = 0; i < 200; i++) {
      double z = (low + high) / 2;
      if (z < 1_256.25 / (1 + Math.exp(z))) {
        low = z;
      } else {
        high = z;
      }
    }
    double bias = 1_250 / (1 + Math.exp(low));
    assertEquals(bias, m.logOdds(new int[] {LearningRanker.feature("a:unrelated")}, 0.5), 1e-3, "the bias alone");
  }
}

