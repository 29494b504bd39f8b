package org.synscope.audit;

import java.util.Objects;

/**
 * One recorded decision, as the journal keeps it: who, when, on what, what it was before, what it is
 * now, why, and whether it holds for the category only or for everything below its synset.
 *
 * @param seq position in the journal (1, 2, ...)
 * @param id stable id, {@code r} + seq
 * @param at ISO-8601 time it was recorded
 * @param user who recorded it
 * @param dataset the dataset
 * @param category the category's key in the dataset (normalised label or wnid)
 * @param label the label as shown when it was recorded
 * @param synset the category's primary synset then (null when unmapped)
 * @param status the decision
 * @param previous the category's own decision before this one (null: none)
 * @param rationale why
 * @param scope category only, or the synset's descendants too
 * @param bulk the id of the bulk action it was part of, or null
 */
public record Review(long seq, String id, String at, String user, String dataset, String category, String label,
    String synset, ReviewStatus status, ReviewStatus previous, String rationale, Scope scope, String bulk) {

  public Review {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(scope, "scope");
    rationale = rationale == null ? "" : rationale;
  }

  /** The category this review is about. */
  public CategoryRef ref() {
    return new CategoryRef(dataset, category);
  }
}
