package org.synscope.web;

import java.util.List;
import org.synscope.report.AuditCard;

/**
 * The audit card page and its {@code .json} and {@code .md} twins; with no dataset chosen, the list
 * of datasets to choose from.
 */
public record AuditPage(AuditCard card, List<String> datasets, List<SourceView> sources, Chart chart, String json,
    String markdown) {

  /** A flag source with its top categories linked and masked as lists mask them. */
  public record SourceView(AuditCard.Source source, String url, List<TopView> top) {}

  /** A top category. */
  public record TopView(String display, String url, Long images) {}

  /** Bars per lexicographer file: images, and the part of them in offensive-flagged categories. */
  public record Chart(int width, int height, int labelWidth, List<Bar> bars) {}

  /** One bar. */
  public record Bar(String label, String url, long images, long flaggedImages, int y, int width, int flaggedWidth) {}

  private static final int BARS = 20;
  private static final int AREA = 420;
  private static final int LABEL = 170;

  static AuditPage of(AuditCard card, List<String> datasets, boolean reveal) {
    if (card == null) {
      return new AuditPage(null, datasets, List.of(), null, "", "");
    }
    String d = SearchUrls.encode(card.dataset());
    List<SourceView> sources = card.sources().stream().map(s -> new SourceView(s, "/search?dataset=" + d + "&flag="
        + SearchUrls.encode(s.name()) + "&sort=images", s.top().stream().map(t -> new TopView(
        t.masked() && !reveal ? Masking.mask(t.label()) : t.label(), SearchUrls.categoryPath(t.dataset(), t.key())
        + (reveal ? "?reveal=1" : ""), t.images())).toList())).toList();
    List<AuditCard.Breakdown> top = card.lexfiles().stream()
        .sorted((a, b) -> Long.compare(b.images(), a.images())).limit(BARS).toList();
    long max = top.stream().mapToLong(AuditCard.Breakdown::images).max().orElse(0);
    List<Bar> bars = new java.util.ArrayList<>();
    int y = 0;
    for (AuditCard.Breakdown b : top) {
      int w = max == 0 ? 0 : (int) Math.round((double) AREA * b.images() / max);
      int f = max == 0 ? 0 : (int) Math.round((double) AREA * b.flaggedImages() / max);
      bars.add(new Bar(b.name(), b.url(), b.images(), b.flaggedImages(), y, w, Math.max(f, b.flaggedImages() > 0 ? 1 : 0)));
      y += 24;
    }
    return new AuditPage(card, datasets, sources, new Chart(LABEL + AREA + 110, Math.max(y, 1), LABEL, bars),
        "/audit.json?dataset=" + d, "/audit.md?dataset=" + d);
  }
}
