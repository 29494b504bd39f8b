package org.synscope.search;

/**
 * A WordNet node with the matching categories under it (each counted once however many paths reach
 * the node), the sum of their images, how many of them carry an offensive flag and with how many
 * images, and whether the
 * node's own name is a slur (lists mask it).
 */
public record NodeCount(String synset, String name, long categories, long images, long flagged, long flaggedImages,
    boolean sensitive) {}
