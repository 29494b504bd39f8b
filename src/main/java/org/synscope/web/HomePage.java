package org.synscope.web;

import java.util.List;

/**
 * The front page: what is indexed, and the top of the hierarchy across every dataset with the flags
 * that matter, each a link into the search.
 */
public record HomePage(List<DatasetStats> datasets, SearchPage overview) {}
