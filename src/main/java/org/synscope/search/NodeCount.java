package org.synscope.search;

/**
 * A WordNet node with the matching categories under it (each counted once however many paths reach
 * the node), the sum of their images, and how many of them carry an offensive flag.
 */
public record NodeCount(String synset, String name, long categories, long images, long flagged) {}
