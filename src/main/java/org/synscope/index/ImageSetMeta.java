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
 */
public record ImageSetMeta(String name, String directory, String source, String format, String pixels, String base,
    long images, long categories, List<String> facets, long skipped, String builtAt, long buildMillis) {

  public ImageSetMeta {
    facets = facets == null ? List.of() : List.copyOf(facets);
  }
}
