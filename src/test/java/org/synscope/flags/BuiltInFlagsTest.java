package org.synscope.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.synscope.Fixtures;
import org.synscope.wordnet.HypernymPaths;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.NounSynset;

class BuiltInFlagsTest {
  private final Lexicon wn = Fixtures.wordNet30();
  private final BuiltInFlags flags = new BuiltInFlags(wn, new HypernymPaths(wn));

  private List<Flag> forLabel(String label) {
    var found = new org.synscope.wordnet.LabelMatcher(wn, new HypernymPaths(wn)).match(label);
    return flags.evaluate(found.senses(), found.lemma());
  }

  private static List<String> summary(List<Flag> flags) {
    return flags.stream().map(f -> f.name() + (f.primary() ? "" : "*") + "@" + f.synsetName()
        + (f.word() == null ? "" : ":" + f.word())).toList();
  }

  @Test
  void tacoIsAnEthnicSlurOnItsPrimarySenseAndFoodOnItsSecond() {
    assertEquals(List.of("ethnic-slur@greaser.n.01", "disparagement@greaser.n.01", "offensive-gloss@greaser.n.01",
        "person@greaser.n.01"), summary(forLabel("taco")));
  }

  @Test
  void stiffIsSlangOnlyInItsCorpseSenseAndOnlyAsThatWord() {
    assertEquals(List.of("person@stiff.n.01", "slang*@cadaver.n.01:stiff"), summary(forLabel("stiff")));
    // Same synset, other word: a corpse is not slang.
    assertEquals(List.of(), summary(forLabel("corpse")));
  }

  @Test
  void aPerWordSlurFlagsThatWordAndTheSynsetButNotItsOtherWords() {
    NounSynset black = wn.synset("n09636339").orElseThrow();
    assertEquals(List.of("person@black.n.05"), summary(flags.evaluate(List.of(black), "Black person")));
    assertEquals(List.of("ethnic-slur@black.n.05:blackamoor", "person@black.n.05"),
        summary(flags.evaluate(List.of(black), "blackamoor")));
    // A category that is the synset itself (a wnid list) is named by all its words.
    assertEquals(List.of("ethnic-slur@black.n.05:blackamoor", "person@black.n.05"),
        summary(flags.evaluate(List.of(black), null)));
  }

  @Test
  void aGlossThatCallsTheWordsAnOffensiveTermMarksThemLikeAUsageDomain() {
    // cunt.n.02, "obscene terms for female genitals", has no usage domain; the word's first sense,
    // cunt.n.01, is not marked. Both senses are equally likely (no counts), so the label is the word.
    var cunt = new org.synscope.wordnet.LabelMatcher(wn, new HypernymPaths(wn)).match("cunt");
    List<Flag> found = flags.evaluate(cunt.senses(), cunt.lemma());
    assertEquals(List.of("person@cunt.n.01", "offensive-gloss*@cunt.n.02"), summary(found));
    Flag term = found.get(1);
    assertEquals(BuiltInFlags.GLOSS_TERM, term.source());
    List<org.synscope.wordnet.SenseScore> even = List.of(new org.synscope.wordnet.SenseScore("n09982873", "cunt.n.01", 0.5),
        new org.synscope.wordnet.SenseScore("n05521514", "cunt.n.02", 0.5));
    assertEquals(true, BuiltInFlags.marksWord(term, "cunt", even));
    assertEquals(true, BuiltInFlags.sensitiveName(wn, wn.synset("n05521514").orElseThrow()));
    // cunt.n.01 is named by the word: masked as a node name too. suit.n.01, the clothing, is named by a word
    // WordNet marks disparaging only in a sense its tagged texts never use (suit.n.03: 1 of 22 add-one counts).
    assertEquals(true, BuiltInFlags.sensitiveName(wn, wn.synset("n09982873").orElseThrow()));
    assertEquals(false, BuiltInFlags.sensitiveName(wn, wn.resolve("suit.n.01").orElseThrow()));
    // A gloss that is offensive about its referent, not a term for it, marks no word: a vulgarian is "a
    // vulgar person".
    Flag vulgarian = forLabel("vulgarian").stream().filter(f -> f.name().equals("offensive-gloss")).findFirst().orElseThrow();
    assertEquals("gloss", vulgarian.source());
    assertEquals(false, BuiltInFlags.marksWords(vulgarian));
  }

  @Test
  void evidenceSaysWhatWasFound() {
    Flag slang = forLabel("stiff").get(1);
    assertEquals("WordNet usage domain 'slang' on the word 'stiff' of cadaver.n.01 (only that word, not the whole"
        + " synset) (sense 2, not the primary sense)", slang.evidence());
    Flag gloss = forLabel("taco").get(2);
    assertEquals("gloss of greaser.n.01 says \"ethnic slur\"", gloss.evidence());
  }

  @Test
  void offensiveGlossPhrases() {
    assertEquals(Optional.of("offensive term for a"), BuiltInFlags.offensivePhrase("an offensive term for a person"));
    assertEquals(Optional.of("derogatory term for"), BuiltInFlags.offensivePhrase("(slang) derogatory term for"));
    assertEquals(Optional.of("disparaging term for an"), BuiltInFlags.offensivePhrase("a disparaging term for an x"));
    assertEquals(Optional.empty(), BuiltInFlags.offensivePhrase("the action of attacking an enemy; an offensive"));
    assertEquals(Optional.empty(), BuiltInFlags.offensivePhrase("a member of the genus Canis"));
  }
}
