package org.synscope.images;

import java.util.List;

/**
 * The files of a source that gave no record: counted, and the first {@link #LISTED} listed with reasons.
 *
 * @param notImages files that are no image by their header
 * @param unreadable images whose header cannot be read, unreadable files, and entries that are no
 *     regular file or lie outside a class folder
 * @param listed the first {@link #LISTED} skipped files, in path order
 */
public record Skips(long notImages, long unreadable, List<SkippedFile> listed) {
  /** How many skipped files are listed with their reason; the rest are only counted. */
  public static final int LISTED = 1_000;
  /** Nothing skipped. */
  public static final Skips NONE = new Skips(0, 0, List.of());

  public Skips {
    listed = List.copyOf(listed);
  }

  /** Every skipped file, listed or not. */
  public long total() {
    return notImages + unreadable;
  }
}
