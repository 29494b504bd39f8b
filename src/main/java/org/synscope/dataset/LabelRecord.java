package org.synscope.dataset;

import java.util.Map;
import org.synscope.config.BadInput;

/**
 * One category of a dataset as read from its list, before any WordNet lookup.
 *
 * @param line the 1-based line it came from (for error messages)
 * @param label the class name as written, or {@code null} for a wnid-only row
 * @param wnid the WordNet id as written, or {@code null}
 * @param images the number of images, or {@code null} when the list does not say
 * @param metadata other columns: {@code String} or {@code Number} values
 */
public record LabelRecord(int line, String label, String wnid, Long images, Map<String, Object> metadata) {

  public LabelRecord {
    if ((label == null || label.isBlank()) && (wnid == null || wnid.isBlank())) {
      throw new BadInput("a category needs a label or a wnid");
    }
    if (images != null && images < 0) {
      throw new BadInput("image count must not be negative");
    }
    metadata = Map.copyOf(metadata);
  }

  /** A row with just a wnid, e.g. from the embedded WordNet default or an ImageNet list. */
  public static LabelRecord ofWnid(int line, String wnid, Long images) {
    return new LabelRecord(line, null, wnid, images, Map.of());
  }
}
