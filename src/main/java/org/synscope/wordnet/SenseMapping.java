package org.synscope.wordnet;

import java.util.List;
import java.util.Optional;

/**
 * The senses a category was given.
 *
 * @param status how the mapping was made
 * @param senses the primary sense first, then every other noun sense of the label
 * @param lemma the lemma that matched (the base form when morphology was used), or {@code null}
 * @param reason why the category is unmapped, or a note (base form used, override applied)
 */
public record SenseMapping(MappingStatus status, List<NounSynset> senses, String lemma, String reason) {

  public SenseMapping {
    senses = List.copyOf(senses);
    if (status == MappingStatus.UNMAPPED != senses.isEmpty()) {
      throw new IllegalArgumentException("an unmapped category has no senses, a mapped one has some");
    }
  }

  /** The sense the category is placed at in the hierarchy. */
  public Optional<NounSynset> primary() {
    return senses.isEmpty() ? Optional.empty() : Optional.of(senses.get(0));
  }
}
