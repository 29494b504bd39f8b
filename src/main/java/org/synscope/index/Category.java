package org.synscope.index;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.flags.Flag;
import org.synscope.wordnet.SenseMapping;

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
 * @param otherAncestors the ancestors of each other sense that is not a rare one, by its position in
 *     {@code mapping.senses()} (at most {@link IndexFields#MAX_OTHER_SENSES})
 */
public record Category(String dataset, String key, String label, int line, Long images, SenseMapping mapping,
    List<List<PathNode>> paths, Set<String> ancestors, int depth, List<Flag> flags, Map<String, Object> metadata,
    Map<Integer, Set<String>> otherAncestors) {

  public Category {
    paths = paths.stream().map(List::copyOf).toList();
    ancestors = Set.copyOf(ancestors);
    flags = List.copyOf(flags);
    metadata = Map.copyOf(metadata);
    otherAncestors = Map.copyOf(otherAncestors);
  }
}
