package org.synscope.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.synscope.config.BadInput;
import org.synscope.dataset.CategoryKeys;
import org.synscope.dataset.LabelRecord;
import org.synscope.flags.BuiltInFlags;
import org.synscope.wordnet.HypernymPaths;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.MappingStatus;
import org.synscope.wordnet.NounSynset;
import org.synscope.wordnet.SenseDisambiguator;
import org.synscope.wordnet.SenseMapping;
import org.synscope.wordnet.SensePolicy;
import org.synscope.wordnet.SenseResolver;

/**
 * Turns label-list rows into {@link Category categories} in three steps: each row's candidate senses
 * ({@link #map}), the primary sense of every ambiguous row chosen over the whole dataset
 * ({@link #choose}), then paths, ancestors, depth and flags of the chosen sense ({@link #build}).
 */
public final class CategoryEnricher {
  private final Lexicon lexicon;
  private final HypernymPaths paths;
  private final SenseResolver resolver;
  private final SenseDisambiguator disambiguator;
  private final BuiltInFlags flags;
  private final Map<String, PathNode> nodes = new ConcurrentHashMap<>();
  /** Per word, whether pages mask it wherever it is shown ({@link BuiltInFlags#sensitiveWord}). */
  private final Map<String, Boolean> sensitiveWords = new ConcurrentHashMap<>();

  public CategoryEnricher(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.paths = new HypernymPaths(lexicon);
    this.resolver = new SenseResolver(lexicon, paths);
    this.disambiguator = new SenseDisambiguator(lexicon, paths);
    this.flags = new BuiltInFlags(lexicon, paths);
  }

  /** The lexicon this enricher reads. */
  public Lexicon lexicon() {
    return lexicon;
  }

  /**
   * A row's candidate senses.
   *
   * @param pinnedWnid a pinned wnid for this label, or {@code null}
   * @param pinReason where the pin comes from ("by corrections.tsv:3")
   * @throws BadInput with the reason when the row gives a wnid that is not a noun
   *     synset of this WordNet (the caller reports it as a bad line)
   */
  public SenseMapping map(LabelRecord row, String pinnedWnid, String pinReason) {
    if (row.wnid() != null) {
      SenseMapping mapping = resolver.byId(row.wnid());
      if (mapping.status() == MappingStatus.UNMAPPED) {
        throw new BadInput(mapping.reason()
            + (lexicon.version().equals("3.0") ? "" : " (ImageNet ids are WordNet 3.0 offsets: try --wordnet 3.0)"));
      }
      return mapping;
    }
    return resolver.byLabel(row.label(), pinnedWnid, pinReason);
  }

  /** The synsets a hint names (a coarse class, a superclass, a {@code --context} synset). */
  public Set<String> hintSynsets(String hint) {
    return lexicon.resolve(hint).map(s -> Set.of(s.id())).orElseGet(() -> resolver.hintSynsets(hint));
  }

  /**
   * The mapping a row's group repairs: an unmapped compound label whose head noun names its group is
   * placed at the head ({@link SenseResolver#headInGroup}); any other mapping is returned as it is.
   */
  public SenseMapping inGroup(LabelRecord row, SenseMapping mapping, String group, Set<String> groupSynsets) {
    if (mapping.status() != MappingStatus.UNMAPPED || row.label() == null || group == null) {
      return mapping;
    }
    SenseMapping repaired = resolver.headInGroup(row.label(), group, groupSynsets);
    return repaired == null ? mapping : repaired;
  }

  /** The mappings with the primary sense of each ambiguous one chosen by the policy, in order. */
  public List<SenseMapping> choose(List<SenseDisambiguator.Item> items, SensePolicy policy) {
    return disambiguator.choose(items, policy);
  }

  /** The category of a row whose senses are settled. */
  public Category build(String dataset, LabelRecord row, SenseMapping mapping) {
    // A wnid row is the synset itself: every one of its words names it. A label is one word of it.
    String word = row.wnid() != null ? null : mapping.lemma() != null ? mapping.lemma() : row.label();
    String label = row.label() != null ? row.label() : mapping.primary().map(NounSynset::headword).orElse(row.wnid());
    List<List<PathNode>> named = new ArrayList<>();
    Set<String> ancestors = Set.of();
    int depth = -1;
    if (mapping.primary().isPresent()) {
      String id = mapping.primary().get().id();
      for (List<String> path : paths.paths(id)) {
        named.add(path.stream().map(this::node).toList());
      }
      ancestors = paths.ancestors(id);
      depth = paths.depth(id);
    }
    Map<Integer, Set<String>> others = new java.util.HashMap<>();
    for (int k : Category.signalSenses(mapping.senses(), mapping.scores())) {
      others.put(k, paths.ancestors(mapping.senses().get(k).id()));
    }
    return new Category(dataset, CategoryKeys.of(row), label, row.line(), row.images(), mapping, named, ancestors,
        depth, flags.evaluate(mapping.senses(), word), row.metadata(), others, maskedWords(mapping.senses()));
  }

  /** Per sense, the words a page masks wherever it shows that sense (see {@link Category#maskedWords}). */
  private Map<String, List<String>> maskedWords(List<NounSynset> senses) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    for (NounSynset s : senses) {
      // The words this synset marks, and the words masked as labels (a name trees mask is one of these:
      // BuiltInFlags.sensitiveName is the first test for the synset's headword or the second), in its order.
      java.util.Set<String> marked = java.util.Set.copyOf(BuiltInFlags.markedWords(s));
      java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
      for (String lemma : s.lemmas()) {
        if (marked.contains(lemma) || sensitiveWords.computeIfAbsent(lemma, w -> BuiltInFlags.sensitiveWord(lexicon, w))) {
          words.add(lemma);
        }
      }
      if (!words.isEmpty()) {
        out.put(s.id(), List.copyOf(words));
      }
    }
    return out;
  }

  private PathNode node(String id) {
    // Every path starts at entity.n.01 and shares most of its nodes with other categories' paths.
    return nodes.computeIfAbsent(id, n -> PathNode.of(lexicon, n));
  }
}
