package org.synscope.web;

import java.util.List;
import org.synscope.report.Comparison;

/** The cross-dataset view and its JSON twin. */
public record ComparePage(Comparison comparison, List<String> datasets, List<Row> rows, String json) {

  /** A shared synset with its categories on both sides, linked and masked like lists. */
  public record Row(Comparison.Row row, String display, List<Masking.Crumb> inA, List<Masking.Crumb> inB) {}

  static ComparePage of(Comparison c, List<String> datasets, boolean reveal) {
    if (c == null) {
      return new ComparePage(null, datasets, List.of(), "");
    }
    List<Row> rows = c.rows().stream().map(r -> new Row(r,
        masksName(r, reveal) ? Masking.maskName(r.name()) : r.name(),
        r.inA().stream().map(x -> crumb(c.a(), x, reveal)).toList(),
        r.inB().stream().map(x -> crumb(c.b(), x, reveal)).toList())).toList();
    return new ComparePage(c, datasets, rows, "/audit/compare.json?a=" + SearchUrls.encode(c.a()) + "&b="
        + SearchUrls.encode(c.b()));
  }

  /** A shared synset's name (its first word) is masked where a category of it is, or a masked flag marks it. */
  private static boolean masksName(Comparison.Row r, boolean reveal) {
    return !reveal && r.name() != null && (r.reasons().stream().anyMatch(Masking.MASKED_FLAGS::contains)
        || java.util.stream.Stream.concat(r.inA().stream(), r.inB().stream()).anyMatch(Comparison.Category::masked));
  }

  private static Masking.Crumb crumb(String dataset, Comparison.Category x, boolean reveal) {
    String label = (x.masked() && !reveal ? Masking.mask(x.label()) : x.label())
        + (x.images() == null ? "" : " (" + String.format("%,d", x.images()) + ")");
    return new Masking.Crumb(x.key(), label, SearchUrls.categoryPath(dataset, x.key()) + (reveal ? "?reveal=1" : ""));
  }
}
