package org.synscope.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * An auditor's decision about one image, as the image journal keeps it.
 *
 * @param seq position in the journal (1, 2, ...)
 * @param id stable id, {@code i} + seq
 * @param at ISO-8601 time it was recorded
 * @param user who recorded it
 * @param dataset the dataset
 * @param image the image number in the dataset's source (0-based)
 * @param category the image's category key when it was recorded
 * @param status offensive, wrong-label, duplicate, personal-data, or ok (clears)
 * @param rationale why
 */
public record ImageDecision(long seq, String id, String at, String user, String dataset, long image, String category,
    String status, String rationale) {

  public ImageDecision {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(status, "status");
    rationale = rationale == null ? "" : rationale;
  }

  @JsonIgnore
  public ImageStatus decision() {
    return ImageStatus.parse(status);
  }
}
