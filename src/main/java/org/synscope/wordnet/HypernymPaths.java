package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every hypernym path of a synset, from the root (entity.n.01) down to the synset itself, following
 * hypernyms and instance hypernyms. WordNet has multiple inheritance: dog.n.01 reaches entity by two
 * paths (through canine and through domestic animal), so a synset has a list of paths and an
 * ancestor set that holds each ancestor once.
 */
public final class HypernymPaths {
  /** Deeper than any WordNet path (the deepest is 20); a guard against cycles in a hand-made graph. */
  private static final int MAX_DEPTH = 64;

  private final Lexicon lexicon;
  private final Map<String, List<List<String>>> memo = new ConcurrentHashMap<>();

  public HypernymPaths(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** All paths root-first, ending with {@code id}; in parent order, so the first path is stable. */
  public List<List<String>> paths(String id) {
    return paths(id, 0);
  }

  private List<List<String>> paths(String id, int depth) {
    List<List<String>> known = memo.get(id);
    if (known != null) {
      return known;
    }
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("hypernym cycle or path deeper than " + MAX_DEPTH + " at " + id);
    }
    NounSynset synset = lexicon.synset(id)
        .orElseThrow(() -> new IllegalArgumentException("no noun synset " + id + " in WordNet " + lexicon.version()));
    List<List<String>> out = new ArrayList<>();
    if (synset.parents().isEmpty()) {
      out.add(List.of(id));
    } else {
      for (String parent : synset.parents()) {
        for (List<String> p : paths(parent, depth + 1)) {
          List<String> path = new ArrayList<>(p.size() + 1);
          path.addAll(p);
          path.add(id);
          out.add(List.copyOf(path));
        }
      }
    }
    List<List<String>> result = List.copyOf(out);
    memo.putIfAbsent(id, result);
    return result;
  }

  /** The synset and all its ancestors, each once, root-first along the paths. */
  public Set<String> ancestors(String id) {
    Set<String> out = new LinkedHashSet<>();
    for (List<String> path : paths(id)) {
      out.addAll(path);
    }
    return out;
  }

  /** The length of the shortest path to the root: 0 for entity.n.01, 1 for its children. */
  public int depth(String id) {
    return paths(id).stream().mapToInt(List::size).min().orElse(1) - 1;
  }
}
