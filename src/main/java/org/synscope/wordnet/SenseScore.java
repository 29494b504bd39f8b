package org.synscope.wordnet;

/**
 * One candidate sense as the disambiguation scored it.
 *
 * @param id synset id
 * @param name NLTK-style name
 * @param score the sense's share of the evidence, 0..1 (the candidates' scores sum to 1)
 */
public record SenseScore(String id, String name, double score) {

  /**
   * Whether sense {@code id} is not a rare one among a category's scored senses: it has at least an
   * even share. A label is its word, and a list gathered by searching for the word holds its senses
   * about as often as the word is used in them. True when nothing was scored (one sense, or a pin).
   */
  public static boolean likely(java.util.List<SenseScore> scores, String id) {
    if (scores.isEmpty()) {
      return true;
    }
    double even = 1.0 / scores.size();
    return scores.stream().anyMatch(s -> s.id().equals(id) && s.score() >= even - 1e-9);
  }
}
