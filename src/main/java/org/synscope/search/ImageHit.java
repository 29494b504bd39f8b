package org.synscope.search;

import java.util.Map;

/**
 * One image as pages and exports show it, with what its category says of it.
 *
 * @param n the image number in the dataset's source (0-based)
 * @param category the category key (as on the category page), with its primary synset and name
 * @param hurtful true when the category is flagged or reviewed offensive: its thumbnail is blurred until revealed
 * @param masked true when the category's label is masked (a slur on its primary sense)
 */
public record ImageHit(String dataset, long n, String label, String wnid, String category, String synset, String name,
    String url, String path, Map<String, String> metadata, boolean hurtful, boolean masked) {}
