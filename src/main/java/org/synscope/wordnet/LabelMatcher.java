package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a label to WordNet nouns by the whole label only, never through one of its words (extJWNL's
 * {@code lookupIndexWord} would map {@code al pacino} to aluminum through "al"). In order:
 * the lemma itself, the lemma once apostrophes are dropped on both sides (lists copied from WordNet,
 * Tiny Images among them, dropped them: {@code chemists} is chemist's), its last word in base form,
 * one lost letter, a comma-separated list; then, each with its own status, a personal name
 * (person.n.01 itself), one spelling edit, a compound whose modifier has a sense under its head;
 * otherwise unmapped, with suggestions. Every mapped label keeps all its candidate senses in WordNet
 * order; which is primary is the sense policy's choice.
 */
public final class LabelMatcher {
  /** Characters that stand for a letter lost in a list's encoding (Tiny Images writes 0x1A). */
  private static final String LOST = "\u001a\ufffd";
  /** A spelling repair needs at least this many letters: shorter words are too often other words. */
  private static final int SPELLING_MIN_LETTERS = 5;

  private final Lexicon lexicon;
  private final HypernymPaths paths;
  private final PersonNames names;
  private final NearSpellings spellings;
  private final String personId;
  private volatile Map<String, List<String>> byApostropheFreeForm;

  public LabelMatcher(Lexicon lexicon, HypernymPaths paths) {
    this.lexicon = lexicon;
    this.paths = paths;
    this.personId = lexicon.resolve("person.n.01").map(NounSynset::id).orElse(null);
    this.names = new PersonNames(lexicon, paths, personId);
    this.spellings = new NearSpellings(lexicon);
  }

  /** A lemma match: the lemma and its senses. */
  private record Found(String lemma, List<NounSynset> senses, LemmaMatch match) {}

  /** Maps one label. */
  public SenseMapping match(String label) {
    String normalized = LabelNormalizer.normalize(label);
    if (normalized.isEmpty()) {
      return SenseMapping.unmapped("the label is empty", List.of());
    }
    Found found = lemma(normalized);
    if (found == null && normalized.indexOf(',') >= 0) {
      found = list(normalized);
    }
    if (found != null) {
      return mapped(found, normalized);
    }
    String name = names.why(normalized);
    if (name != null) {
      NounSynset person = lexicon.synset(personId).orElseThrow();
      return new SenseMapping(MappingStatus.PERSON_NAME, List.of(person), null,
          "a personal name (" + name + "): placed at person.n.01 itself", null);
    }
    List<String> near = letters(normalized) >= SPELLING_MIN_LETTERS ? spellings.oneEdit(normalized) : List.of();
    if (near.size() == 1 && editsANonWord(normalized, near.get(0))) {
      return new SenseMapping(MappingStatus.SPELLING, lexicon.senses(near.get(0)), near.get(0),
          "one edit from the lemma '" + near.get(0) + "' (a repair: check it)", null);
    }
    SenseMapping compound = compound(normalized);
    if (compound != null) {
      return compound;
    }
    return SenseMapping.unmapped("'" + normalized + "' is not a WordNet " + lexicon.version() + " noun",
        suggestions(normalized, near));
  }

  private SenseMapping mapped(Found found, String normalized) {
    MappingStatus status = found.senses().size() == 1 ? MappingStatus.UNIQUE : MappingStatus.AMBIGUOUS;
    String note = switch (found.match()) {
      case WHOLE -> "";
      case INFLECTION -> "looked up as its base form '" + found.lemma() + "'";
      case APOSTROPHE -> "the lemma '" + found.lemma() + "' without its apostrophe";
      case LOST_LETTER -> "the only lemma that fits with one lost letter: '" + found.lemma() + "'";
      case LIST -> "the senses shared by every part of the list";
    };
    return new SenseMapping(status, found.senses(), found.lemma(), note, found.match());
  }

  /** The lemma, its base form, its apostrophe form or its one lost letter; null when none. */
  private Found lemma(String normalized) {
    for (String form : LabelNormalizer.variants(normalized)) {
      List<NounSynset> senses = lexicon.senses(form);
      if (!senses.isEmpty()) {
        return new Found(form, senses, LemmaMatch.WHOLE);
      }
    }
    Found apostrophe = apostrophe(normalized);
    if (apostrophe != null) {
      return apostrophe;
    }
    for (String form : LabelNormalizer.variants(normalized)) {
      for (String base : lexicon.baseForms(form)) {
        List<NounSynset> senses = lexicon.senses(base);
        if (!senses.isEmpty()) {
          return new Found(base, senses, LemmaMatch.INFLECTION);
        }
      }
    }
    return lostLetter(normalized);
  }

  private Found apostrophe(String normalized) {
    List<String> forms = new ArrayList<>(LabelNormalizer.variants(normalized));
    forms.addAll(lexicon.baseForms(normalized));
    for (String form : forms) {
      List<String> lemmas = apostropheForms().get(form.replace("'", ""));
      if (lemmas != null && !lemmas.contains(form)) {
        List<NounSynset> senses = new ArrayList<>();
        for (String lemma : lemmas) {
          lexicon.senses(lemma).stream().filter(s -> !senses.contains(s)).forEach(senses::add);
        }
        return new Found(lemmas.get(0), senses, LemmaMatch.APOSTROPHE);
      }
    }
    return null;
  }

  private Found lostLetter(String normalized) {
    int at = -1;
    for (int i = 0; i < normalized.length(); i++) {
      if (LOST.indexOf(normalized.charAt(i)) >= 0) {
        if (at >= 0) {
          return null; // two unknown letters fit too many lemmas to be a match
        }
        at = i;
      }
    }
    if (at < 0) {
      return null;
    }
    List<String> fits = spellings.withUnknownLetter(normalized, at);
    return fits.size() == 1 ? new Found(fits.get(0), lexicon.senses(fits.get(0)), LemmaMatch.LOST_LETTER) : null;
  }

  /** {@code tench, tinca tinca}: the senses every matched part shares, in the first part's order. */
  private Found list(String normalized) {
    List<NounSynset> shared = null;
    List<String> matched = new ArrayList<>();
    for (String p : LabelNormalizer.names(normalized)) {
      Found f = lemma(p);
      if (f == null) {
        continue; // a part WordNet does not know says nothing about which synset is meant
      }
      matched.add(f.lemma());
      if (shared == null) {
        shared = new ArrayList<>(f.senses());
      } else {
        shared.retainAll(f.senses());
      }
    }
    if (shared == null || shared.isEmpty()) {
      return null;
    }
    return new Found(matched.get(0), shared, LemmaMatch.LIST);
  }

  /** {@code maple tree}: the modifier's senses that lie under a sense of the head noun. */
  private SenseMapping compound(String normalized) {
    int space = normalized.lastIndexOf(' ');
    if (space < 0) {
      return null;
    }
    String modifier = normalized.substring(0, space);
    String head = normalized.substring(space + 1);
    // The head keeps its usual sense: a maple tree is a maple that is a tree.n.01; a police office is
    // not the police force because some sense of "office" is an administrative unit.
    List<NounSynset> heads = headSenses(head).stream().limit(1).toList();
    Found mod = lemma(modifier);
    if (heads.isEmpty() || mod == null) {
      return null;
    }
    List<NounSynset> under = new ArrayList<>();
    for (NounSynset m : mod.senses()) {
      Set<String> ancestors = paths.ancestors(m.id());
      if (heads.stream().anyMatch(h -> !h.id().equals(m.id()) && ancestors.contains(h.id()))) {
        under.add(m);
      }
    }
    if (under.isEmpty()) {
      return null;
    }
    return new SenseMapping(MappingStatus.COMPOUND, under, mod.lemma(), "'" + mod.lemma() + "' has "
        + (under.size() == 1 ? "a sense" : under.size() + " senses") + " under " + heads.get(0).name()
        + " (a repair: check it)", null);
  }

  /**
   * An unmapped compound whose head noun names its group ({@code aquarium_fish} in CIFAR-100's
   * {@code fish}): a label is a kind of what its head noun names, and the group says which sense that
   * is. The head's senses that are, or lie under, one of the group's synsets; {@code null} when the
   * label is not a compound or no sense of its head is in the group. A repair, so it counts as a
   * low-confidence {@code compound}.
   */
  public SenseMapping headInGroup(String label, String group, Set<String> groupSynsets) {
    String normalized = LabelNormalizer.normalize(label);
    int space = normalized.lastIndexOf(' ');
    if (space < 0 || groupSynsets.isEmpty()) {
      return null;
    }
    String head = normalized.substring(space + 1);
    List<NounSynset> in = headSenses(head).stream()
        .filter(h -> paths.ancestors(h.id()).stream().anyMatch(groupSynsets::contains)).toList();
    if (in.isEmpty()) {
      return null;
    }
    return new SenseMapping(MappingStatus.COMPOUND, in, head, "no WordNet noun is the whole label; its head noun '"
        + head + "' names its group '" + group + "', so it is placed at the head (a repair: check it)", null);
  }

  private List<NounSynset> headSenses(String head) {
    List<NounSynset> senses = lexicon.senses(head);
    if (senses.isEmpty()) {
      for (String base : lexicon.baseForms(head)) {
        senses = lexicon.senses(base);
        if (!senses.isEmpty()) {
          break;
        }
      }
    }
    return senses;
  }

  private List<Suggestion> suggestions(String normalized, List<String> near) {
    Map<String, Suggestion> out = new LinkedHashMap<>();
    int space = normalized.lastIndexOf(' ');
    if (space > 0) {
      String head = normalized.substring(space + 1);
      List<NounSynset> heads = headSenses(head);
      if (!heads.isEmpty()) {
        NounSynset h = heads.get(0);
        out.put(h.id(), new Suggestion(h.id(), h.name(), "head noun of '" + normalized + "'"));
      }
    }
    if (personId != null && names.unknownWords(normalized)) {
      NounSynset p = lexicon.synset(personId).orElseThrow();
      out.putIfAbsent(p.id(), new Suggestion(p.id(), p.name(), "no word of it is a WordNet noun: perhaps a personal name"));
    }
    for (String lemma : near.stream().limit(5).toList()) {
      NounSynset s = lexicon.senses(lemma).get(0);
      out.putIfAbsent(s.id(), new Suggestion(s.id(), s.name(), "one edit from '" + lemma + "'"));
    }
    return List.copyOf(out.values());
  }

  private Map<String, List<String>> apostropheForms() {
    Map<String, List<String>> forms = byApostropheFreeForm;
    if (forms != null) {
      return forms;
    }
    synchronized (this) {
      if (byApostropheFreeForm != null) {
        return byApostropheFreeForm;
      }
      Map<String, List<String>> built = new HashMap<>();
      for (String lemma : lexicon.lemmas()) {
        if (lemma.indexOf('\'') >= 0) {
          built.computeIfAbsent(lemma.replace("'", ""), k -> new ArrayList<>()).add(lemma);
        }
      }
      built.values().forEach(l -> l.sort(null));
      byApostropheFreeForm = forms = built;
      return forms;
    }
  }

  /**
   * A typo makes a non-word ({@code cosey}); an edit that turns one real word into another
   * ({@code police office} into police officer) is a different name, not a misspelling.
   */
  private boolean editsANonWord(String label, String lemma) {
    String[] a = label.split(" ");
    String[] b = lemma.split(" ");
    for (int i = 0; i < a.length; i++) {
      if (!a[i].equals(b[i]) && (!lexicon.senses(a[i]).isEmpty() || !lexicon.baseForms(a[i]).isEmpty())) {
        return false;
      }
    }
    return true;
  }

  private static int letters(String s) {
    return (int) s.chars().filter(Character::isLetter).count();
  }
}
