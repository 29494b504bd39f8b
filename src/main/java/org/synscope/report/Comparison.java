package org.synscope.report;

import java.util.List;

/**
 * Two datasets side by side: the synsets flagged (or judged offensive or sensitive) in {@code a}
 * that {@code b} also holds as a category's primary synset, with their images in each.
 *
 * @param a the dataset whose flags and reviews select synsets
 * @param b the dataset they are looked up in
 * @param flags the flags and lists that select, and the review statuses
 * @param selected synsets selected in {@code a}
 * @param shared how many of them {@code b} holds
 * @param imagesA images of the shared synsets' categories in {@code a} (null: unknown)
 * @param imagesB images of the shared synsets' categories in {@code b} (null: unknown)
 * @param rows one per shared synset, most images in {@code b} first
 */
public record Comparison(String a, String b, List<String> flags, List<String> reviews, long selected, long shared,
    Long imagesA, Long imagesB, List<Row> rows) {

  /** One shared synset with why it was selected and the categories holding it in each dataset. */
  public record Row(String synset, String name, List<String> reasons, List<Category> inA, List<Category> inB,
      Long imagesA, Long imagesB) {}

  /** A category of one side. */
  public record Category(String key, String label, Long images, boolean masked) {}
}
