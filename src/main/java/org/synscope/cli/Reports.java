package org.synscope.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.synscope.index.DatasetMeta;
import org.synscope.index.ImportReport;
import org.synscope.index.PathNode;
import org.synscope.search.Hit;

/** Plain-text tables for the terminal. */
final class Reports {
  private Reports() {}

  /**
   * A node's counts as the CLI's hierarchy tables print them, in columns: categories, then images unless
   * the list has no image counts ({@code images} null: "0 images" would say otherwise).
   */
  static String countColumns(long categories, Long images) {
    String counted = String.format("%,9d %s", categories, categories == 1 ? "category" : "categories");
    return images == null ? counted : String.format("%-20s %,13d %s", counted, images, images == 1 ? "image" : "images");
  }

  /** The table printed at the end of an import. */
  static String importSummary(ImportReport report) {
    DatasetMeta d = report.dataset();
    StringBuilder b = new StringBuilder();
    b.append(String.format("%nImported dataset '%s' from %s%n", d.name(), d.source()));
    b.append(String.format("  format %s%s, WordNet %s, %.1f s%n", d.format(), report.formatGuessed() ? " (guessed)" : "",
        d.wordnet(), d.buildMillis() / 1000.0));
    row(b, "categories", d.categories());
    b.append(String.format("  %-22s %14s%n", "images", d.images() == null ? "unknown" : String.format("%,d", d.images())));
    d.mapping().forEach((status, n) -> row(b, "  " + status, n));
    if (!d.matches().isEmpty()) {
      b.append("  lemma matched as (").append(d.sensePolicy()).append(" sense policy):\n");
      d.matches().forEach((match, n) -> row(b, "  " + match, n));
      d.certainty().forEach((c, n) -> row(b, "  sense " + c, n));
    }
    row(b, "rejected lines", d.rejected());
    if (!d.flags().isEmpty()) {
      b.append("  flagged (any sense):\n");
      d.flags().forEach((flag, n) -> row(b, "  " + flag, n));
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String label, long n) {
    b.append(String.format("  %-22s %,14d%n", label, n));
  }

  /** One dataset line per dataset. */
  static String statsTable(Map<String, DatasetMeta> datasets) {
    StringBuilder b = new StringBuilder(String.format("%-16s %11s %13s %-7s %8s %8s %9s %8s %10s %8s  %s%n", "DATASET",
        "CATEGORIES", "IMAGES", "WORDNET", "EXACT", "UNIQUE", "AMBIGUOUS", "UNMAPPED", "OVERRIDDEN", "REJECTED", "BUILT"));
    for (DatasetMeta d : datasets.values()) {
      b.append(String.format("%-16s %,11d %13s %-7s %,8d %,8d %,9d %,8d %,10d %,8d  %s%n", d.name(), d.categories(),
          d.images() == null ? "unknown" : String.format("%,d", d.images()), d.wordnet(),
          d.mapping().getOrDefault("exact", 0L), d.mapping().getOrDefault("unique", 0L),
          d.mapping().getOrDefault("ambiguous", 0L), d.mapping().getOrDefault("unmapped", 0L),
          d.mapping().getOrDefault("overridden", 0L), d.rejected(), d.builtAt()));
    }
    return b.toString();
  }

  /** Details of one dataset. */
  static String datasetDetails(DatasetMeta d) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%ndataset %s%n  source   %s%n  format   %s%n  sha256   %s%n  built    %s in %.1f s%n",
        d.name(), d.source(), d.format(), d.sha256().isEmpty() ? "-" : d.sha256(), d.builtAt(), d.buildMillis() / 1000.0));
    if (!d.flags().isEmpty()) {
      b.append("  flags    ").append(d.flags().entrySet().stream().map(e -> e.getKey() + " " + String.format("%,d", e.getValue()))
          .collect(Collectors.joining(", "))).append('\n');
    }
    if (!d.metadataColumns().isEmpty()) {
      b.append("  columns  ").append(d.metadataColumns().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
          .collect(Collectors.joining(", "))).append('\n');
    }
    return b.toString();
  }

  /** Hits as a table. */
  static String hits(List<Hit> hits) {
    StringBuilder b = new StringBuilder(String.format("%-28s %-12s %-10s %-26s %10s %-10s %-28s %s%n", "LABEL", "DATASET",
        "SYNSET", "NAME", "IMAGES", "STATUS", "FLAGS", "PATH"));
    for (Hit h : hits) {
      b.append(String.format("%-28s %-12s %-10s %-26s %10s %-10s %-28s %s%n", cut(h.label(), 28), cut(h.dataset(), 12),
          h.synset() == null ? "-" : h.synset(), cut(h.name() == null ? "-" : h.name(), 26),
          h.images() == null ? "-" : String.format("%,d", h.images()), h.status(), cut(flags(h), 28), path(h.path(), 4)));
    }
    return b.toString();
  }

  /** Flags with a {@code *} on those that hold only on another sense. */
  static String flags(Hit h) {
    return h.flags().stream().map(f -> h.primaryFlags().contains(f) ? f : f + "*").collect(Collectors.joining(","));
  }

  /** The last {@code keep} nodes of a path. */
  static String path(List<PathNode> path, int keep) {
    List<String> names = path.stream().map(PathNode::name).toList();
    if (names.size() <= keep) {
      return String.join(" > ", names);
    }
    return "... > " + String.join(" > ", names.subList(names.size() - keep, names.size()));
  }

  static String cut(String text, int width) {
    String s = Terminal.safe(text);
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }
}
