package org.synscope.search;

import java.util.List;

/**
 * The next categories to review, best first.
 *
 * @param dataset the dataset
 * @param items the suggestions
 * @param trainedOn what the ranking learnt from
 * @param unreviewed how many categories of the pool nobody has reviewed yet
 */
public record QueueResult(String dataset, List<Item> items, TrainedOn trainedOn, long unreviewed) {

  /**
   * One suggestion.
   *
   * @param score the model's probability that it is offensive or sensitive
   * @param risk its documented risk level ({@code high}, {@code medium}, {@code low})
   * @param riskScore the documented risk score
   * @param lane {@code model} (ranked by what the decisions so far taught) or {@code prior} (static risk
   *     order, kept on every page so the model's blind spots still get seen)
   * @param why the top signals and features that put it here
   */
  public record Item(String dataset, String key, String label, String synset, String name, Long images, double score,
      String risk, double riskScore, String lane, List<String> why, boolean sensitive, String url) {}

  /**
   * What the model was trained on.
   *
   * @param reviews decisions learnt from, in all
   * @param sources each source with its number of decisions
   */
  public record TrainedOn(int reviews, List<Source> sources) {}

  /** One source of decisions: a dataset's reviews, or an imported list ("transfer from imagenet-21k"). */
  public record Source(String source, int examples, String note) {}
}
