package org.synscope.search;

import java.util.List;
import org.synscope.index.PathNode;

/**
 * The hierarchy around one node, two levels deep, with counts under the request's filters.
 *
 * @param node the node
 * @param breadcrumbs the first path from the root to the node
 * @param total the node's own counts
 * @param here categories whose primary sense is the node itself
 * @param children the node's children that hold matches, each with its own children
 * @param unmapped matching categories outside the hierarchy (only at the root)
 * @param imagesKnown how many matching categories have a known image count (0: every image sum means "unknown")
 */
public record TreeResult(PathNode node, List<PathNode> breadcrumbs, NodeCount total, long here, List<Branch> children,
    long unmapped, long imagesKnown) {

  /** A child with its children (the first {@link #GRANDCHILDREN} by categories) and how many more there are. */
  public record Branch(NodeCount node, List<NodeCount> children, int more) {}

  /** Grandchildren listed per child. */
  public static final int GRANDCHILDREN = 25;
}
