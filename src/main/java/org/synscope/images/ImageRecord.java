package org.synscope.images;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.synscope.config.BadInput;
import org.synscope.dataset.CategoryKeys;

/**
 * One image of a dataset as read from its files, before any WordNet lookup.
 *
 * @param n the image number: 0-based position in the source's order (the n-th record of a Tiny Images or
 *     CIFAR file, the n-th image file of a folder in path order, the n-th data row of a table). Error
 *     messages count records from 1, like lines.
 * @param label the class name, or {@code null} when the image names its class by wnid only
 * @param wnid the WordNet id ({@code n} and 8 digits), or {@code null}
 * @param metadata every other field, trimmed, in source order; blank fields are left out
 * @param path the image file relative to {@link ImageSource#base()}, or {@code null}
 * @param url where the image came from on the web, or {@code null}
 */
public record ImageRecord(long n, String label, String wnid, Map<String, String> metadata, String path, String url) {

  public ImageRecord {
    if (n < 0) {
      throw new IllegalArgumentException("image number must not be negative, was " + n);
    }
    if ((label == null || label.isBlank()) && wnid == null) {
      throw new BadInput("an image needs a label or a wnid");
    }
    if (wnid != null && !CategoryKeys.isWnid(wnid)) {
      throw new BadInput("wnid '" + wnid + "' is not of the form n02084071 (n and 8 digits)");
    }
    // Ordered (metadata is shown in file order) and unmodifiable; Map.copyOf would lose the order.
    Map<String, String> copy = new LinkedHashMap<>(Math.max(4, metadata.size() * 2));
    metadata.forEach((k, v) -> copy.put(java.util.Objects.requireNonNull(k), java.util.Objects.requireNonNull(v)));
    metadata = Collections.unmodifiableMap(copy);
  }
}
