package org.synscope.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synscope.wordnet.DomainPointer;
import org.synscope.wordnet.HypernymPaths;
import org.synscope.wordnet.LabelNormalizer;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.NounSynset;

/**
 * The flags computed at index time from WordNet itself: usage domains (per word where WordNet marks
 * one word), offensive phrases in the gloss, and membership of the person subtree. Each is computed
 * for every sense of a label and says whether it holds on the primary sense.
 */
public final class BuiltInFlags {
  /** The flag names in display order. */
  public static final List<String> NAMES = List.of(
      "ethnic-slur", "disparagement", "obscenity", "slang", "colloquialism", "offensive-gloss", "person");

  /** Usage-domain headwords (as WordNet spells them) that become flags. */
  private static final Map<String, String> USAGE_FLAGS = Map.of(
      "ethnic slur", "ethnic-slur",
      "disparagement", "disparagement",
      "obscenity", "obscenity",
      "slang", "slang",
      "colloquialism", "colloquialism");

  /** Gloss phrases that say a word is offensive; the match (with a little context) is the evidence. */
  private static final Pattern OFFENSIVE_GLOSS = Pattern.compile(
      "\\b(?:ethnic slur|slur|offensive(?:ly)?(?= (?:term|name|word|way|slang|expression|and|or|for))"
          + "|derogator(?:y|ily)|disparag(?:ing|ingly|ement)|obscen(?:e|ity|ities)|vulgar(?:ly|ity)?"
          + "|pejorative(?:ly)?|contemptuous(?:ly)?|term of abuse|insulting)\\b",
      Pattern.CASE_INSENSITIVE);

  /** Words one of which every match of {@link #OFFENSIVE_GLOSS} holds, in lower case. */
  private static final List<String> OFFENSIVE_STEMS = List.of("slur", "offensive", "derogator", "disparag", "obscen",
      "vulgar", "pejorative", "contemptuous", "term of abuse", "insulting");

  private final HypernymPaths paths;
  private final String personId;

  public BuiltInFlags(Lexicon lexicon, HypernymPaths paths) {
    this.paths = paths;
    this.personId = lexicon.resolve("person.n.01").map(NounSynset::id).orElse(null);
  }

  /**
   * Flags of a category.
   *
   * @param senses primary sense first
   * @param word the word that names the category (its label), or {@code null} when the category is
   *     the synset itself (a wnid list, the embedded WordNet): then every word of the synset counts
   */
  public List<Flag> evaluate(List<NounSynset> senses, String word) {
    List<Flag> out = new ArrayList<>();
    String key = word == null ? null : LabelNormalizer.normalize(word);
    for (int i = 0; i < senses.size(); i++) {
      NounSynset sense = senses.get(i);
      boolean primary = i == 0;
      String where = primary ? "" : " (sense " + (i + 1) + ", not the primary sense)";
      for (DomainPointer d : sense.domains()) {
        String flag = "usage".equals(d.kind()) ? USAGE_FLAGS.get(d.domain()) : null;
        if (flag == null) {
          continue;
        }
        if (d.synsetLevel()) {
          out.add(new Flag(flag, "wordnet-usage", sense.id(), sense.name(), primary, null,
              "WordNet usage domain '" + d.domain() + "' on the synset " + sense.name() + where));
        } else if (key == null || key.equals(LabelNormalizer.normalize(d.word()))) {
          out.add(new Flag(flag, "wordnet-usage", sense.id(), sense.name(), primary, d.word(),
              "WordNet usage domain '" + d.domain() + "' on the word '" + d.word() + "' of "
                  + sense.name() + " (only that word, not the whole synset)" + where));
        }
      }
      offensivePhrase(sense.definition()).ifPresent(phrase -> out.add(new Flag("offensive-gloss", "gloss",
          sense.id(), sense.name(), primary, null, "gloss of " + sense.name() + " says \"" + phrase + "\"" + where)));
      if (personId != null && paths.ancestors(sense.id()).contains(personId)) {
        out.add(new Flag("person", "hierarchy", sense.id(), sense.name(), primary, null,
            sense.name() + " is under person.n.01" + where));
      }
    }
    return List.copyOf(out);
  }

  /** Built-in flags that count as offensive (the hierarchy's "flagged" column, the audit card). */
  public static final java.util.Set<String> OFFENSIVE = java.util.Set.of("ethnic-slur", "disparagement", "obscenity",
      "offensive-gloss");

  /** Flags whose words are masked in lists until an auditor reveals them. */
  public static final java.util.Set<String> MASKED = java.util.Set.of("ethnic-slur", "obscenity", "disparagement");

  /**
   * True when a synset's name word (its first lemma) is marked a slur, obscenity or disparagement,
   * for the whole synset or for that word: such names are masked in lists like labels are.
   */
  public static boolean sensitiveName(NounSynset s) {
    for (DomainPointer d : s.domains()) {
      String flag = "usage".equals(d.kind()) ? USAGE_FLAGS.get(d.domain()) : null;
      if (flag != null && MASKED.contains(flag) && (d.synsetLevel() || d.word().equals(s.headword()))) {
        return true;
      }
    }
    return false;
  }

  /** The offensive phrase of a gloss with up to three following words of context, if any. */
  static Optional<String> offensivePhrase(String gloss) {
    String lower = gloss.toLowerCase(java.util.Locale.ROOT);
    if (OFFENSIVE_STEMS.stream().noneMatch(lower::contains)) {
      return Optional.empty(); // most glosses: a few substring scans instead of the pattern at every position
    }
    Matcher m = OFFENSIVE_GLOSS.matcher(gloss);
    if (!m.find()) {
      return Optional.empty();
    }
    Matcher tail = Pattern.compile("^(?:\\s+[\\w'-]+){0,3}").matcher(gloss.substring(m.end()));
    return Optional.of(m.group() + (tail.find() ? tail.group() : ""));
  }
}
