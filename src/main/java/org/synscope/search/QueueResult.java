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
   * @param examples decisions learnt from, in all: recorded reviews and the members and non-members of
   *     other datasets' imported lists
   * @param reviews the recorded reviews among them
   * @param sources each source with its number of decisions
   */
  public record TrainedOn(int examples, int reviews, List<Source> sources) {
    /** From the sources: reviews are theirs whose source is {@code reviews of D}. */
    public static TrainedOn of(List<Source> sources) {
      return new TrainedOn(sources.stream().mapToInt(Source::examples).sum(), sources.stream()
          .filter(s -> s.source().startsWith(REVIEWS_OF)).mapToInt(Source::examples).sum(), sources);
    }
  }

  /** The start of a source made of recorded reviews ({@code reviews of tiny-images}). */
  public static final String REVIEWS_OF = "reviews of ";

  /** One source of decisions: a dataset's reviews, or an imported list ("transfer from imagenet-21k"). */
  public record Source(String source, int examples, String note) {}
}
