package org.synscope.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total categories matched
 * @param images sum of their images
 * @param imagesKnown how many of them have a known image count (0: the sum means "unknown")
 * @param hits the requested page
 * @param facets flat facet values per facet
 * @param hierarchy the hierarchy facet
 * @param suggestion a "did you mean" label when nothing matched, or {@code null}
 * @param suggestionSensitive true when the suggestion names a label lists mask (a slur): pages mask it too
 * @param tookMillis server time spent
 */
public record SearchResult(long total, long images, long imagesKnown, List<Hit> hits, Map<Facet, List<FacetValue>> facets,
    HierarchyFacet hierarchy, String suggestion, boolean suggestionSensitive, double tookMillis) {}
