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
 * @param source the image's path when it was recorded (null for a pixel file's record, whose number is fixed by
 *     the file, for an image known only by URL, and in records written before it was kept)
 */
public record ImageDecision(long seq, String id, String at, String user, String dataset, long image, String category,
    String status, String rationale, String source) {

  public ImageDecision {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(status, "status");
    rationale = rationale == null ? "" : rationale;
  }

  /**
   * Whether this decision is about the image now at its number: the same category and, when it was kept,
   * the same path. A re-import of a folder or a table renumbers its images, and a decision must not move
   * to the image that took its number (the block list would name a file nobody judged).
   */
  public boolean about(String category, String path) {
    return Objects.equals(this.category, category) && (source == null || source.equals(path));
  }

  @JsonIgnore
  public ImageStatus decision() {
    return ImageStatus.parse(status);
  }
}
