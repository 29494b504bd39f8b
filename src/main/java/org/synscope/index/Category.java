package org.synscope.index;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.flags.Flag;
import org.synscope.wordnet.NounSynset;
import org.synscope.wordnet.SenseMapping;
import org.synscope.wordnet.SenseScore;

/**
 * A dataset category enriched with WordNet: what one index document holds.
 *
 * @param dataset the dataset name
 * @param key the category's key in its dataset (normalised label, or the wnid)
 * @param label the label as the list wrote it (the synset headword for wnid-only rows)
 * @param line the source line
 * @param images image count, or {@code null} when unknown
 * @param mapping the senses and how they were found
 * @param paths every hypernym path of the primary sense, each node with its name
 * @param ancestors the primary sense and all its ancestors, each once
 * @param depth shortest path length of the primary sense (0 at the root, -1 unmapped)
 * @param flags built-in flags with their evidence
 * @param metadata other columns ({@code String} or {@code Number})
 * @param otherAncestors the ancestors of each other sense signals read ({@link #signalSenses}), by its
 *     position in {@code mapping.senses()}, in that order
 * @param maskedWords per sense id, the words pages mask wherever that sense is shown: its name when
 *     {@link org.synscope.flags.BuiltInFlags#sensitiveName} says so, and every word the synset itself marks
 *     ({@link org.synscope.flags.BuiltInFlags#markedWords}); senses with none are absent
 */
public record Category(String dataset, String key, String label, int line, Long images, SenseMapping mapping,
    List<List<PathNode>> paths, Set<String> ancestors, int depth, List<Flag> flags, Map<String, Object> metadata,
    Map<Integer, Set<String>> otherAncestors, Map<String, List<String>> maskedWords) {

  public Category {
    maskedWords = Map.copyOf(maskedWords);
    paths = paths.stream().map(List::copyOf).toList();
    ancestors = Set.copyOf(ancestors);
    flags = List.copyOf(flags);
    metadata = Map.copyOf(metadata);
    otherAncestors = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(otherAncestors));
  }

  /**
   * The positions in {@code senses} (primary first) of the other senses a category's signals also read,
   * in WordNet's order, at most {@link IndexFields#MAX_OTHER_SENSES}: not a rare one
   * ({@link SenseScore#likely}: a list gathered by searching for the word holds pictures of it), and not a
   * named individual (Robert E. Lee for "lee": WordNet's sense counts almost never count one, so its even
   * add-one share says nothing of how often the word means that one bearer of the name).
   */
  public static List<Integer> signalSenses(List<NounSynset> senses, List<SenseScore> scores) {
    List<Integer> out = new java.util.ArrayList<>();
    for (int k = 1; k < senses.size() && out.size() < IndexFields.MAX_OTHER_SENSES; k++) {
      NounSynset sense = senses.get(k);
      if (sense.instanceHypernyms().isEmpty() && SenseScore.likely(scores, sense.id())) {
        out.add(k);
      }
    }
    return out;
  }
}
