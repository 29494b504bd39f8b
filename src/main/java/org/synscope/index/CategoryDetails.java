package org.synscope.index;

import java.util.List;
import java.util.Map;
import org.synscope.flags.Flag;
import org.synscope.wordnet.SenseScore;
import org.synscope.wordnet.Suggestion;

/**
 * What a category page shows beyond the searchable fields, stored with the document as JSON so the
 * page never needs WordNet at read time.
 *
 * @param line the source line
 * @param lemma the lemma the label matched (its base form when morphology was used)
 * @param reason why it is unmapped, or a note on how it was mapped
 * @param senses primary first
 * @param paths every hypernym path of the primary sense
 * @param flags every flag with its evidence
 * @param metadata the list's other columns
 * @param confidence the chosen sense's margin over the runner-up, or null when no choice was scored
 * @param scores every candidate sense with its score, best first (empty when no choice was scored)
 * @param suggestions synsets an unmapped label could be given
 */
public record CategoryDetails(int line, String lemma, String reason, List<SenseInfo> senses, List<List<PathNode>> paths,
    List<Flag> flags, Map<String, Object> metadata, Double confidence, List<SenseScore> scores,
    List<Suggestion> suggestions) {

  public CategoryDetails {
    scores = scores == null ? List.of() : List.copyOf(scores);
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }
}
