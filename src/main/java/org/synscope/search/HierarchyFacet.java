package org.synscope.search;

import java.util.List;
import org.synscope.index.PathNode;

/**
 * The hierarchy facet: the current node, how to get there from the root, and its children with counts.
 *
 * @param node the current node (entity.n.01 when the request has no {@code under})
 * @param breadcrumbs the first hypernym path from the root to the node, inclusive
 * @param total categories and images under the node
 * @param here categories whose primary sense is the node itself
 * @param children children that hold matches, most categories first
 * @param unmapped matching categories with no synset (outside the hierarchy)
 */
public record HierarchyFacet(PathNode node, List<PathNode> breadcrumbs, NodeCount total, long here,
    List<NodeCount> children, long unmapped) {}
