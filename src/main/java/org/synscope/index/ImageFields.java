package org.synscope.index;

import java.util.List;

/**
 * The fields of an image document (one per image, in the image build of a dataset, in image-number order).
 * A build whose source reads any record by number ({@link ImageSetMeta#FROM_SOURCE}: Tiny Images, CIFAR, the
 * synthetic generator) is slim: {@link #CATEGORY}, the facets and {@link #TEXT} without positions, nothing
 * stored; the image number is the document's place in the index. Other builds also index and store
 * {@link #N} and store {@link #RECORD}.
 */
public final class ImageFields {
  private ImageFields() {}

  /** The image number (points, doc values, stored); not in slim builds, where it is the document id. */
  public static final String N = "n";
  /** The category key the image belongs to (as the category index keys it): terms and sorted-set doc values. */
  public static final String CATEGORY = "category";
  /** Filename, URL words, label and text metadata: what a query's words match. */
  public static final String TEXT = "text";
  /** The record as stored JSON: label, wnid, path, url, metadata; not in slim builds. */
  public static final String RECORD = "record";
  /**
   * {@link #TEXT} in slim builds: documents only, no frequencies, positions or norms (a word either is in an
   * image's filename or URLs or is not; about a byte a word instead of three). Quoted phrases match their words.
   */
  public static final org.apache.lucene.document.FieldType WORDS = words();

  private static org.apache.lucene.document.FieldType words() {
    var type = new org.apache.lucene.document.FieldType();
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS);
    type.freeze();
    return type;
  }
  /** Facet fields are {@code facet.<name>}: terms and sorted-set doc values. */
  public static final String FACET_PREFIX = "facet.";
  /** The metadata that become facets whatever the format (engine, domain, year; CIFAR's coarse class; a file's format). */
  public static final List<String> BUILT_IN_FACETS = List.of("engine", "domain", "year", "coarse", "format",
      "image_size");

  /** The image-size bucket of a width and height (by the longer side), as the {@code image_size} facet shows it. */
  public static String sizeBucket(int width, int height) {
    int side = Math.max(width, height);
    return side < 100 ? "under 100 px" : side < 500 ? "100-499 px" : side < 1000 ? "500-999 px"
        : side < 2000 ? "1000-1999 px" : "2000 px or more";
  }
  /** Longer facet values are cut (a caption is searched as text, not counted as a value). */
  public static final int MAX_FACET_VALUE = 200;

  public static String facet(String name) {
    return FACET_PREFIX + name;
  }

  /** The stored record of an image document ({@link #RECORD}) as label, wnid, path, url and metadata. */
  public static java.util.Map<String, Object> decode(String json) {
    try {
      return CategoryDocuments.JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<>() {});
    } catch (java.io.IOException e) {
      throw new IndexException("a damaged image record: " + e.getMessage(), e);
    }
  }
}
