package org.synscope.search;

import java.util.List;
import java.util.Map;
import org.synscope.index.PathNode;

/**
 * A page of a dataset's images with the facets of all that matched.
 *
 * @param facets per metadata facet, its values with their image counts, most images first
 * @param hierarchy image counts at the request's node and its children
 */
public record ImageResult(String dataset, long total, List<ImageHit> images, Map<String, List<ValueCount>> facets,
    Hierarchy hierarchy, double tookMillis) {

  /** A facet value and the images that have it. */
  public record ValueCount(String value, long images, boolean selected) {}

  /** Images at or below a node and below each child that has some; {@code unmapped}: images of categories outside WordNet. */
  public record Hierarchy(PathNode node, List<PathNode> breadcrumbs, long images, List<NodeImages> children,
      long unmapped) {}

  /** A child node's images. */
  public record NodeImages(String synset, String name, long images, boolean sensitive) {}
}
