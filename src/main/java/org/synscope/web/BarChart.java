package org.synscope.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart of images, with the share in offensive-flagged categories drawn over each
 * bar; the geometry is computed here so the SVG template only prints numbers.
 */
public record BarChart(int width, int height, int labelWidth, int barHeight, List<Bar> bars) {
  private static final int AREA = 420;
  private static final int HEIGHT = 18;
  private static final int GAP = 6;

  /** What to draw: a label, where it links, its tooltip, its images and their flagged part. */
  public record Item(String label, String url, String title, long images, long flaggedImages) {}

  /** A drawn bar, with where its texts go (made here: arithmetic in a template expression costs more). */
  public record Bar(String label, String url, String title, long images, long flaggedImages, int y, int width,
      int flaggedWidth, @JsonIgnore int textY, @JsonIgnore int valueX, @JsonIgnore String imagesText) {}

  /** Where the labels end (they are right-aligned before the bars). */
  @JsonIgnore
  public int labelX() {
    return labelWidth - 8;
  }

  /** The chart of {@code items}, in their order, scaled to the largest. */
  static BarChart of(List<Item> items, int labelWidth) {
    long max = items.stream().mapToLong(Item::images).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    int y = 0;
    for (Item i : items) {
      int width = scaled(i.images(), max);
      bars.add(new Bar(i.label(), i.url(), i.title(), i.images(), i.flaggedImages(), y, width,
          scaled(i.flaggedImages(), max), y + 13, labelWidth + width + 6,
          Numbers.grouped(i.images())));
      y += HEIGHT + GAP;
    }
    return new BarChart(labelWidth + AREA + 110, Math.max(y, 1), labelWidth, HEIGHT, bars);
  }

  /** A bar's length; anything above zero gets at least one pixel. */
  private static int scaled(long value, long max) {
    if (max == 0 || value == 0) {
      return 0;
    }
    return Math.max(1, (int) Math.round((double) AREA * value / max));
  }
}
