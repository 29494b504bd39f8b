package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** A lexicon over hand-made synsets: exact lemma lookup plus a plain {@code -s} plural rule on the last word. */
final class InMemoryLexicon implements Lexicon {
  private final String version;
  private final Map<String, NounSynset> byId = new LinkedHashMap<>();
  private final Map<String, NounSynset> byName = new LinkedHashMap<>();
  private final Map<String, List<NounSynset>> byLemma = new LinkedHashMap<>();
  private final Map<String, List<String>> children = new LinkedHashMap<>();

  InMemoryLexicon(String version, Collection<NounSynset> synsets) {
    this.version = version;
    for (NounSynset s : synsets) {
      if (byId.put(s.id(), s) != null) {
        throw new IllegalArgumentException("duplicate synset id " + s.id());
      }
      byName.put(s.name(), s);
      for (String lemma : s.lemmas()) {
        byLemma.computeIfAbsent(LabelNormalizer.normalize(lemma), k -> new ArrayList<>()).add(s);
      }
    }
    for (NounSynset s : synsets) {
      for (String parent : s.parents()) {
        if (!byId.containsKey(parent)) {
          throw new IllegalArgumentException(s.id() + " names unknown parent " + parent);
        }
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(s.id());
      }
    }
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Optional<NounSynset> synset(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<NounSynset> resolve(String idOrName) {
    String t = idOrName.strip();
    if (t.matches("\\d{8}")) {
      t = "n" + t;
    }
    return Optional.ofNullable(byId.containsKey(t) ? byId.get(t) : byName.get(t));
  }

  @Override
  public List<String> hyponyms(String id) {
    return List.copyOf(children.getOrDefault(id, List.of()));
  }

  @Override
  public List<NounSynset> senses(String lemma) {
    return List.copyOf(byLemma.getOrDefault(lemma, List.of()));
  }

  @Override
  public List<String> baseForms(String label) {
    return label.endsWith("s") && label.length() > 1 ? List.of(label.substring(0, label.length() - 1)) : List.of();
  }

  @Override
  public Set<String> lemmas() {
    return byLemma.keySet();
  }

  @Override
  public int tagCount(String synsetId, String lemma) {
    return 0;
  }

  @Override
  public void forEachNoun(Consumer<NounSynset> action) {
    byId.values().stream().sorted(Comparator.comparing(NounSynset::id)).forEach(action);
  }

  @Override
  public int size() {
    return byId.size();
  }
}
