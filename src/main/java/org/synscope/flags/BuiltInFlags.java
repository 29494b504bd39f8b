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
import org.synscope.wordnet.SenseScore;

/**
 * The flags computed at index time from WordNet itself: usage domains (per word where WordNet marks
 * one word), offensive phrases in the gloss, membership of the person subtree, and whether that person
 * is named by an occupation. Each is computed for every sense of a label and says whether it holds on
 * the primary sense.
 */
public final class BuiltInFlags {
  /** The flag names in display order. */
  public static final List<String> NAMES = List.of(
      "ethnic-slur", "disparagement", "obscenity", "slang", "colloquialism", "offensive-gloss", "person", "occupation");

  /**
   * The subtrees whose people are named by the work they do for a living, one per group of the
   * International Standard Classification of Occupations (ISCO-08) that WordNet files apart. An
   * occupation is no protected characteristic and no judgement of a person (the stigmatised ones are a
   * signal of their own), so the {@code person} flag weighs less on such a category; see
   * {@code RiskWeights.PERSON_BY_OCCUPATION}. Each gloss names work, a profession or a trade.
   */
  public static final Map<String, String> OCCUPATIONS = occupations(
      "worker.n.01", "\"a person who works at a specific occupation\" (ISCO-08 groups 3 to 9 and 0: technicians, "
          + "clerks, service, trades, operators, labourers, the armed forces)",
      "professional.n.01", "\"a person engaged in one of the learned professions\" (ISCO-08 group 2)",
      "scientist.n.01", "science professionals (ISCO-08 21)",
      "engineer.n.01", "engineering professionals (ISCO-08 214)",
      "architect.n.01", "architects and planners (ISCO-08 2161)",
      "artist.n.01", "creative artists (ISCO-08 265)",
      "performer.n.01", "\"performs a dramatic or musical work for an audience\": performing artists (ISCO-08 265)",
      "writer.n.01", "\"writes ... professionally (for pay)\": authors and journalists (ISCO-08 264)",
      "athlete.n.01", "athletes and sports players (ISCO-08 3421)",
      "businessperson.n.01", "\"engages in industrial commercial enterprise\": managers and sales (ISCO-08 1, 52)",
      "administrator.n.01", "\"someone who administers a business\": managers (ISCO-08 12)",
      "farmer.n.01", "\"a person who operates a farm\" (ISCO-08 61)",
      "lawman.n.01", "\"an officer of the law\": police (ISCO-08 5412)",
      "politician.n.01", "\"a leader engaged in civil administration\": legislators (ISCO-08 111)");

  private static Map<String, String> occupations(String... nameAndReason) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nameAndReason.length; i += 2) {
      out.put(nameAndReason[i], nameAndReason[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

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

  /**
   * A gloss that calls the synset's words an offensive term ("obscene terms for female genitals", "a
   * disparaging term for a British person"): WordNet marks those words in the gloss alone, without a
   * usage domain (14 noun synsets of WordNet 3.0 are marked so and no other way). Such an
   * {@code offensive-gloss} flag has the source {@value #GLOSS_TERM} and marks words as a usage domain does.
   */
  private static final Pattern TERM_GLOSS = Pattern.compile(
      "\\b(?:obscene|offensive|derogatory|disparaging|vulgar|pejorative|contemptuous|insulting|abusive)(?: slang)?"
          + " (?:terms?|names?|words?|expressions?)(?: of address)? for\\b", Pattern.CASE_INSENSITIVE);

  /** The source of an {@code offensive-gloss} flag whose gloss calls the synset's words an offensive term. */
  public static final String GLOSS_TERM = "gloss-term";

  /** Words one of which every match of {@link #OFFENSIVE_GLOSS} holds, in lower case. */
  private static final List<String> OFFENSIVE_STEMS = List.of("slur", "offensive", "derogator", "disparag", "obscen",
      "vulgar", "pejorative", "contemptuous", "term of abuse", "insulting");

  private final HypernymPaths paths;
  private final String personId;
  /** {@link #OCCUPATIONS} this WordNet has, by id, with their names. */
  private final Map<String, String> occupationIds = new java.util.LinkedHashMap<>();

  public BuiltInFlags(Lexicon lexicon, HypernymPaths paths) {
    this.paths = paths;
    this.personId = lexicon.resolve("person.n.01").map(NounSynset::id).orElse(null);
    OCCUPATIONS.keySet().forEach(n -> lexicon.resolve(n).ifPresent(s -> occupationIds.put(s.id(), s.name())));
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
      String glossSource = TERM_GLOSS.matcher(sense.definition()).find() ? GLOSS_TERM : "gloss";
      offensivePhrase(sense.definition()).ifPresent(phrase -> out.add(new Flag("offensive-gloss", glossSource,
          sense.id(), sense.name(), primary, null, "gloss of " + sense.name() + " says \"" + phrase + "\"" + where)));
      if (personId != null && paths.ancestors(sense.id()).contains(personId)) {
        out.add(new Flag("person", "hierarchy", sense.id(), sense.name(), primary, null,
            sense.name() + " is under person.n.01" + where));
        occupation(sense).ifPresent(anchor -> out.add(new Flag("occupation", "hierarchy", sense.id(), sense.name(),
            primary, null, sense.name() + " is under " + anchor + ", an occupation" + where)));
      }
    }
    return List.copyOf(out);
  }

  /** The first occupation subtree (in {@link #OCCUPATIONS} order) that holds the sense. */
  private Optional<String> occupation(NounSynset sense) {
    var ancestors = paths.ancestors(sense.id());
    return occupationIds.entrySet().stream().filter(e -> ancestors.contains(e.getKey())).map(Map.Entry::getValue)
        .findFirst();
  }

  /** Built-in flags that count as offensive (the hierarchy's "flagged" column, the audit card). */
  public static final java.util.Set<String> OFFENSIVE = java.util.Set.of("ethnic-slur", "disparagement", "obscenity",
      "offensive-gloss");

  /** Flags whose words are masked in lists until an auditor reveals them. */
  public static final java.util.Set<String> MASKED = java.util.Set.of("ethnic-slur", "obscenity", "disparagement");

  /**
   * True when {@code f} says WordNet marks words as offensive: a slur, obscenity or disparagement usage
   * domain (on the synset or on one word), or a gloss that calls the synset's words an offensive term.
   */
  public static boolean marksWords(Flag f) {
    return MASKED.contains(f.name()) || GLOSS_TERM.equals(f.source());
  }

  /**
   * True when {@code f} says WordNet marks the word a category shows (its key {@code shownKey}) a slur,
   * obscenity or disparagement, in its primary sense or in another sense that is not a rare one: a
   * per-word mark on that very word, or a mark on a whole synset (which holds for every word of it; a
   * label's senses are senses of its word). The label is the word, and a list gathered by searching
   * for the word holds pictures of its senses as often as the word is used in them. Tiny Images'
   * {@code cunt} is cunt.n.01 first ("a person who is thoroughly disliked"), unmarked, and cunt.n.02,
   * marked obscene whole, is as likely; {@code suit} is a disparaging word for a businessman only in a
   * sense WordNet's tagged texts never use (suit.n.03), against 13 uses of the clothing and 3 of a
   * lawsuit. A sense is rare ({@link SenseScore#likely}) when the category's own sense scores ({@code scores}: WordNet's add-one sense counts under the
   * first-sense policy, the fit under the dataset policy) give it less than an even share. A per-word
   * mark on another word of a synset ({@code blackamoor} beside {@code Black}) is not a mark on this one.
   */
  public static boolean marksWord(Flag f, String shownKey, List<SenseScore> scores) {
    if (!marksWords(f) || f.word() != null
        && (shownKey == null || !org.synscope.dataset.CategoryKeys.ofLabel(f.word()).equals(shownKey))) {
      return false;
    }
    return f.primary() || SenseScore.likely(scores, f.synset());
  }

  /**
   * True when a synset's name word (its first lemma) is a word WordNet marks a slur, obscenity or
   * disparagement, in this synset or in another sense of the word that is not a rare one (as labels
   * are masked: {@link #marksWord}; here the shares are WordNet's add-one sense counts of the word):
   * such names are masked in lists like labels are. cunt.n.01 is named by the word cunt.n.02 marks.
   */
  public static boolean sensitiveName(Lexicon lexicon, NounSynset s) {
    return marksIn(s, s.headword()) || sensitiveWord(lexicon, s.headword());
  }

  /**
   * True when WordNet marks {@code word} a slur, obscenity or disparagement in one of its senses that is
   * not a rare one (the shares are WordNet's add-one sense counts of the word), as a label of that word
   * is masked: pages mask such a word wherever they show it, also among the words of a synset that does
   * not mark it (twat among the words of fathead.n.01, "a person who is foolish").
   */
  public static boolean sensitiveWord(Lexicon lexicon, String word) {
    String key = LabelNormalizer.normalize(word);
    List<NounSynset> senses = lexicon.senses(key);
    if (senses.isEmpty()) {
      return false;
    }
    double[] counts = new double[senses.size()];
    double total = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = 1 + lexicon.tagCount(senses.get(i).id(), key);
      total += counts[i];
    }
    List<SenseScore> shares = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      shares.add(new SenseScore(senses.get(i).id(), senses.get(i).name(), counts[i] / total));
    }
    return senses.stream().anyMatch(t -> SenseScore.likely(shares, t.id()) && marksIn(t, word));
  }

  /**
   * Every word a label would be masked for ({@link #sensitiveWord}), lower case, with spaces between its
   * words: what pages mask in free text (a signal's reasons, evidence), wherever it stands.
   */
  public static java.util.Set<String> maskedWords(Lexicon lexicon) {
    java.util.Set<String> candidates = new java.util.HashSet<>();
    lexicon.forEachNoun(s -> candidates.addAll(markedWords(s)));
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : candidates) {
      if (sensitiveWord(lexicon, w)) {
        out.add(LabelNormalizer.normalize(w).replace('_', ' '));
      }
    }
    return java.util.Set.copyOf(out);
  }

  /** The words of synset {@code s} that it marks a slur, obscenity or disparagement, in its order. */
  public static List<String> markedWords(NounSynset s) {
    List<String> out = new ArrayList<>();
    for (String lemma : s.lemmas()) {
      if (marksIn(s, lemma)) {
        out.add(lemma);
      }
    }
    return out;
  }

  /**
   * True when synset {@code s} marks {@code word} (one of its words) a slur, obscenity or disparagement:
   * a usage domain on the whole synset or on that word, or a gloss that calls its words an offensive term.
   */
  private static boolean marksIn(NounSynset s, String word) {
    if (TERM_GLOSS.matcher(s.definition()).find()) {
      return true;
    }
    String key = LabelNormalizer.normalize(word);
    for (DomainPointer d : s.domains()) {
      String flag = "usage".equals(d.kind()) ? USAGE_FLAGS.get(d.domain()) : null;
      if (flag != null && MASKED.contains(flag) && (d.synsetLevel() || LabelNormalizer.normalize(d.word()).equals(key))) {
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
