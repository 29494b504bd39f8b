package org.synscope.wordnet;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a personal name ({@code al pacino}, {@code amy smart}) from a phrase, using only WordNet's
 * own people: given names are the first words of the multi-word lemmas of the person instances
 * (Albert Einstein gives {@code albert}); surnames are words whose every sense is a person instance.
 * A name maps to person.n.01 itself, never to another WordNet individual who shares a word with it.
 */
final class PersonNames {
  /** Titles that begin a personal name. */
  static final Set<String> TITLES = Set.of("sir", "saint", "st", "st.", "lady", "lord", "dame", "dr", "dr.", "mr", "mr.",
      "mrs", "mrs.", "ms", "ms.");
  /** First words of person lemmas that are not given names ({@code the Great}, {@code El Greco}). */
  private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "el", "le", "la", "de", "du", "van", "von");
  private static final Pattern WORD = Pattern.compile("[a-z][a-z'.-]*");

  private final Lexicon lexicon;
  private final HypernymPaths paths;
  private final String person;
  private volatile Set<String> givenNames;

  PersonNames(Lexicon lexicon, HypernymPaths paths, String personId) {
    this.lexicon = lexicon;
    this.paths = paths;
    this.person = personId;
  }

  /** Why the label is a personal name, or null when it is not one. */
  String why(String label) {
    String[] words = label.split(" ");
    if (person == null || words.length < 2 || words.length > 4) {
      return null;
    }
    for (String w : words) {
      if (!WORD.matcher(w).matches()) {
        return null;
      }
    }
    String first = words[0];
    String last = words[words.length - 1];
    if (TITLES.contains(first)) {
      return "'" + first + "' is a title";
    }
    if (given().contains(first) && (!commonNoun(first) || !commonNoun(last))) {
      return "'" + first + "' is the given name of a person in WordNet and '" + label + "' is not a WordNet noun";
    }
    if (lexicon.senses(first).isEmpty() && surname(last)) {
      return "'" + last + "' is only a person's name in WordNet";
    }
    return null;
  }

  /** True for 2 to 4 words, none of them a WordNet noun ({@code amanda bynes}): a name WordNet cannot confirm. */
  boolean unknownWords(String label) {
    String[] words = label.split(" ");
    if (words.length < 2 || words.length > 4) {
      return false;
    }
    for (String w : words) {
      if (!WORD.matcher(w).matches() || !lexicon.senses(w).isEmpty() || !lexicon.baseForms(w).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** True when the word has a sense that is not an individual (a class noun such as bob or smart). */
  private boolean commonNoun(String word) {
    return lexicon.senses(word).stream().anyMatch(s -> s.instanceHypernyms().isEmpty());
  }

  private boolean surname(String word) {
    List<NounSynset> senses = lexicon.senses(word);
    return !senses.isEmpty() && senses.stream().allMatch(this::personInstance);
  }

  private boolean personInstance(NounSynset s) {
    return !s.instanceHypernyms().isEmpty() && paths.ancestors(s.id()).contains(person);
  }

  private Set<String> given() {
    Set<String> names = givenNames;
    if (names != null) {
      return names;
    }
    synchronized (this) { // once, even when several import threads meet their first name together
      if (givenNames != null) {
        return givenNames;
      }
      // The person instances, found by walking down from person.n.01 instead of reading every noun:
      // hyponym pointers are the exact inverse of hypernym and instance-hypernym pointers in every
      // WordNet release (2.1, 3.0, 3.1), so these are the synsets with person among their ancestors.
      Set<String> built = new HashSet<>();
      Set<String> seen = new HashSet<>(List.of(person));
      Deque<String> todo = new ArrayDeque<>(seen);
      while (!todo.isEmpty()) {
        String id = todo.pop();
        NounSynset s = lexicon.synset(id).orElse(null);
        if (s != null && !s.instanceHypernyms().isEmpty()) {
          for (String lemma : s.lemmas()) {
            String[] w = LabelNormalizer.normalize(lemma).split(" ");
            if (w.length >= 2 && !TITLES.contains(w[0]) && !NOT_NAMES.contains(w[0]) && WORD.matcher(w[0]).matches()
                && !w[0].endsWith(".")) {
              built.add(w[0]);
            }
          }
        }
        for (String child : lexicon.hyponyms(id)) {
          if (seen.add(child)) {
            todo.push(child);
          }
        }
      }
      givenNames = names = Set.copyOf(built);
      return names;
    }
  }
}
