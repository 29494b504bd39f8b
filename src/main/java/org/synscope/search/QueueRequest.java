package org.synscope.search;

/**
 * What the review queue is asked for.
 *
 * @param dataset the dataset to review
 * @param size how many suggestions (1 to 1,000; default 20)
 * @param under only categories under this synset (id or name), or null
 */
public record QueueRequest(String dataset, int size, String under) {
  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 1000;

  public QueueRequest {
    if (dataset == null || dataset.isBlank()) {
      throw SearchException.badRequest("the queue needs a dataset (?dataset=)");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw SearchException.badRequest("size must be 1 to " + MAX_SIZE + ", not " + size);
    }
  }
}
