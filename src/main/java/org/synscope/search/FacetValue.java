package org.synscope.search;

/**
 * One value of a flat facet: how many categories and images it has among the matches (ignoring the
 * facet's own selection), and whether the request keeps or drops it.
 */
public record FacetValue(String value, long categories, long images, boolean selected, boolean excluded) {}
