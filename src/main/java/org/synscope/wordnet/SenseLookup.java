package org.synscope.wordnet;

import java.util.List;

/**
 * The result of looking a label up as a noun.
 *
 * @param normalized the label as looked up ({@code a._a._michelson} becomes {@code a. a. michelson})
 * @param lemma the WordNet lemma that matched, which is the base form when morphology was needed
 *     ({@code dogs} gives {@code dog}); {@code null} when nothing matched
 * @param senses the noun senses of that lemma in WordNet order (first = most frequent)
 */
public record SenseLookup(String normalized, String lemma, List<NounSynset> senses) {

  public SenseLookup {
    senses = List.copyOf(senses);
  }

  /** True when the lemma found differs from the label as written (a base form was used). */
  public boolean viaBaseForm() {
    return lemma != null && !lemma.equals(normalized);
  }

  static SenseLookup none(String normalized) {
    return new SenseLookup(normalized, null, List.of());
  }
}
