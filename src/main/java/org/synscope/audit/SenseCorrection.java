package org.synscope.audit;

import java.util.Objects;

/**
 * An auditor's change of a category's primary sense, as the corrections journal keeps it.
 *
 * @param seq position in the journal (1, 2, ...)
 * @param id stable id, {@code s} + seq
 * @param at ISO-8601 time it was recorded
 * @param user who recorded it
 * @param dataset the dataset
 * @param category the category's key in the dataset (its normalised label)
 * @param label the label as shown when it was recorded
 * @param before the primary synset before (null when unmapped)
 * @param beforeName its NLTK-style name (null when unmapped)
 * @param after the primary synset chosen
 * @param afterName its NLTK-style name
 * @param rationale why
 */
public record SenseCorrection(long seq, String id, String at, String user, String dataset, String category, String label,
    String before, String beforeName, String after, String afterName, String rationale) {

  public SenseCorrection {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(after, "after");
    rationale = rationale == null ? "" : rationale;
  }

  /** The category it corrects. */
  public CategoryRef ref() {
    return new CategoryRef(dataset, category);
  }

  /** The pin an import or an amendment applies for it. */
  public org.synscope.dataset.SenseOverrides.Pin pin() {
    return new org.synscope.dataset.SenseOverrides.Pin("senses.journal", (int) seq, label, after, citation());
  }

  /** How the index cites it: {@code by alice's correction s3 (2026-...): why}. */
  public String citation() {
    return "by " + user + "'s correction " + id + " (" + at + ")" + (rationale.isEmpty() ? "" : ": " + rationale);
  }
}
