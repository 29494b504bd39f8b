package org.synscope.wordnet;

import java.util.List;
import java.util.Optional;

/**
 * The senses a category was given, and how.
 *
 * @param status how the mapping was made
 * @param senses the primary sense first, then every other candidate sense of the label
 * @param lemma the lemma that matched (the base form or the apostrophe spelling), or {@code null}
 * @param reason why it is unmapped, or how it was mapped (base form used, sense chosen by fit, ...)
 * @param match how the lemma matched, or {@code null} (wnid, person name, spelling, compound, unmapped)
 * @param confidence for a chosen sense, its margin over the runner-up (0..1); {@code null} when no choice was scored
 * @param scores the candidates with their scores, best first (empty when no choice was scored)
 * @param suggestions for an unmapped label, synsets it could be given
 */
public record SenseMapping(MappingStatus status, List<NounSynset> senses, String lemma, String reason, LemmaMatch match,
    Double confidence, List<SenseScore> scores, List<Suggestion> suggestions) {

  /** Below this margin over the runner-up a chosen sense counts as low-confidence (documented in the README). */
  public static final double CONFIDENT_MARGIN = 0.5;

  public SenseMapping {
    senses = List.copyOf(senses);
    scores = List.copyOf(scores);
    suggestions = List.copyOf(suggestions);
    reason = reason == null ? "" : reason;
    if (status == MappingStatus.UNMAPPED != senses.isEmpty()) {
      throw new IllegalArgumentException("an unmapped category has no senses, a mapped one has some");
    }
  }

  /** A mapping with no scores or suggestions. */
  public SenseMapping(MappingStatus status, List<NounSynset> senses, String lemma, String reason, LemmaMatch match) {
    this(status, senses, lemma, reason, match, null, List.of(), List.of());
  }

  /** An unmapped label with the reason and what it could be given. */
  public static SenseMapping unmapped(String reason, List<Suggestion> suggestions) {
    return new SenseMapping(MappingStatus.UNMAPPED, List.of(), null, reason, null, null, List.of(), suggestions);
  }

  /** The sense the category is placed at in the hierarchy. */
  public Optional<NounSynset> primary() {
    return senses.isEmpty() ? Optional.empty() : Optional.of(senses.get(0));
  }

  /**
   * Whether the primary sense is a confident choice: {@code confident}, or {@code low} for a
   * spelling or compound repair or a chosen sense whose margin is below {@link #CONFIDENT_MARGIN};
   * {@code null} when unmapped. This is the {@code sense} facet.
   */
  public String certainty() {
    if (status == MappingStatus.UNMAPPED) {
      return null;
    }
    if (status.lowConfidence() || (status == MappingStatus.AMBIGUOUS && confidence != null && confidence < CONFIDENT_MARGIN)) {
      return "low";
    }
    return "confident";
  }

  /** The same mapping with the senses reordered and the choice recorded. */
  public SenseMapping chosen(List<NounSynset> reordered, String why, double margin, List<SenseScore> scored) {
    return new SenseMapping(status, reordered, lemma, why, match, margin, scored, suggestions);
  }
}
