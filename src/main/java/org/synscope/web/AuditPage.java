package org.synscope.web;

import java.util.List;
import org.synscope.report.AuditCard;

/**
 * The audit card page and its {@code .json} and {@code .md} twins; with no dataset chosen, the list
 * of datasets to choose from.
 */
public record AuditPage(AuditCard card, List<String> datasets, List<SourceView> sources, BarChart chart, String json,
    String markdown) {

  /** A flag source with its top categories linked and masked as lists mask them. */
  public record SourceView(AuditCard.Source source, String url, List<TopView> top) {}

  /** A top category. */
  public record TopView(String display, String url, Long images) {}

  private static final int BARS = 20;

  static AuditPage of(AuditCard card, List<String> datasets, boolean reveal) {
    if (card == null) {
      return new AuditPage(null, datasets, List.of(), null, "", "");
    }
    String d = SearchUrls.encode(card.dataset());
    List<SourceView> sources = card.sources().stream().map(s -> new SourceView(s, "/search?dataset=" + d + "&flag="
        + SearchUrls.encode(s.name()) + "&sort=images", s.top().stream().map(t -> new TopView(
        t.masked() && !reveal ? Masking.mask(t.label()) : t.label(), SearchUrls.categoryPath(t.dataset(), t.key())
        + (reveal ? "?reveal=1" : ""), t.images())).toList())).toList();
    // A list without image counts has nothing to chart: its bars were twenty "0 images".
    List<BarChart.Item> bars = !card.imagesKnown() ? List.of() : card.lexfiles().stream().sorted((a, b) -> Long.compare(b.images(), a.images())).limit(BARS)
        .map(b -> new BarChart.Item(b.name(), b.url(), String.format("%s: %,d images, %,d in offensive-flagged categories",
            b.name(), b.images(), b.flaggedImages()), b.images(), b.flaggedImages())).toList();
    return new AuditPage(card, datasets, sources, BarChart.of(bars, 170),
        "/audit.json?dataset=" + d, "/audit.md?dataset=" + d);
  }
}
