package org.synscope.images;

/**
 * A file of an image folder that gave no record.
 *
 * @param path relative to the folder's root, {@code /} separated
 * @param notImage true when the file is no image by its header (not a PNG, JPEG, GIF, BMP or WebP);
 *     false when it is an image whose header cannot be read, or cannot be read at all
 * @param reason why, for the report
 */
public record SkippedFile(String path, boolean notImage, String reason) {
  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
