package org.synscope.report;

import java.util.List;

/**
 * The dataset audit card: what the audit literature asks a dataset to disclose, computed from the
 * index and the audit record at one moment.
 *
 * @param dataset the dataset
 * @param generatedAt when this card was computed
 * @param index which build and which audit record it describes
 * @param categories categories in the dataset
 * @param images their images ({@code imagesKnown} false: the list gives none)
 * @param sources per flag source (built-in flags and imported lists): categories, images, top categories
 * @param reviewed categories and images with a review (own or inherited) and without
 * @param decisions per review status: categories and images
 * @param subtrees per top-level subtree: categories, images, offensive-flagged, judged unsafe
 * @param lexfiles per lexicographer file, the same
 */
public record AuditCard(String dataset, String generatedAt, IndexVersion index, long categories, long images,
    boolean imagesKnown, List<Source> sources, Reviewed reviewed, List<Count> decisions, List<Breakdown> subtrees,
    List<Breakdown> lexfiles) {

  /** The index build and audit record a card describes. */
  public record IndexVersion(long generation, String builtAt, String source, String sha256, String wordnet,
      int reviewRecords, int lists) {}

  /** A flag source with its reach and its top categories by images. */
  public record Source(String name, String origin, String reach, long categories, long images, List<Top> top) {}

  /** A category in a top list; {@code masked} when lists show it masked by default. */
  public record Top(String dataset, String key, String label, String synset, Long images, boolean masked) {}

  /** Reviewed versus not reviewed. */
  public record Reviewed(long categories, long images, long unreviewedCategories, long unreviewedImages) {}

  /** A value with categories and images. */
  public record Count(String name, long categories, long images) {}

  /** One row of a breakdown. */
  public record Breakdown(String name, String url, long categories, long images, long flagged, long flaggedImages,
      long unsafe, long unsafeImages) {}
}
