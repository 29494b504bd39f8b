package org.synscope.index;

import java.util.List;

/**
 * What meta.json records of a dataset's per-image import (beside its categories).
 *
 * @param name the dataset the images belong to
 * @param directory the Lucene index directory of the current image build, relative to the index root
 * @param source the file or folder imported (absolute)
 * @param format tiny, cifar, folder, csv, tsv or jsonl
 * @param pixels the file holding 32x32 pixels by image number (Tiny Images' tiny_images.bin, CIFAR's .bin),
 *     absolute, or {@code null}
 * @param base the directory image paths are relative to (absolute), or {@code null}
 * @param images records imported
 * @param categories distinct categories the images name
 * @param facets the metadata facets of the images view ({@code engine}, {@code domain}, {@code year}, a column)
 * @param skipped files of a folder that gave no image (not images, unreadable headers)
 * @param builtAt ISO-8601 time the build was published
 * @param buildMillis how long the build took
 * @param recordsFrom where a hit's record is read: {@value #FROM_INDEX} (stored in its document) or
 *     {@value #FROM_SOURCE} (read again by number from {@code source}: a slim build)
 */
public record ImageSetMeta(String name, String directory, String source, String format, String pixels, String base,
    long images, long categories, List<String> facets, long skipped, String builtAt, long buildMillis,
    String recordsFrom) {

  /** Records stored in the index. */
  public static final String FROM_INDEX = "index";
  /** Records read again from the source by number. */
  public static final String FROM_SOURCE = "source";

  public ImageSetMeta {
    facets = facets == null ? List.of() : List.copyOf(facets);
    recordsFrom = recordsFrom == null ? FROM_INDEX : recordsFrom; // builds made before slim ones existed
  }

  /** True when the documents hold no record and the image number is the document's place. */
  public boolean slim() {
    return FROM_SOURCE.equals(recordsFrom);
  }
}
