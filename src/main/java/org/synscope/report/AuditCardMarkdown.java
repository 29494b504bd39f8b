package org.synscope.report;

import org.synscope.flags.Masks;

/** The audit card as Markdown, for a dataset's documentation or a pull request. */
public final class AuditCardMarkdown {
  private AuditCardMarkdown() {}

  /** Renders a card; labels flagged as slurs are masked unless {@code reveal}. */
  public static String render(AuditCard c, boolean reveal) {
    StringBuilder b = new StringBuilder();
    b.append("# Audit card: ").append(c.dataset()).append("\n\n");
    b.append("Generated ").append(c.generatedAt()).append(" by synscope from index generation ")
        .append(c.index().generation()).append(" (dataset built ").append(c.index().builtAt()).append(" from `")
        .append(c.index().source()).append("`").append(c.index().sha256().isEmpty() ? "" : ", sha256 `" + c.index().sha256() + "`")
        .append(", WordNet ").append(c.index().wordnet()).append("), ").append(c.index().reviewRecords())
        .append(" review records and ").append(c.index().lists()).append(" imported flag lists.\n\n");
    b.append("| | categories | images |\n|---|---:|---:|\n");
    row(b, "**total**", c.categories(), c.images(), c.imagesKnown());
    row(b, "reviewed (own or inherited)", c.reviewed().categories(), c.reviewed().images(), c.imagesKnown());
    row(b, "not reviewed", c.reviewed().unreviewedCategories(), c.reviewed().unreviewedImages(), c.imagesKnown());
    c.decisions().forEach(d -> row(b, "judged " + d.name(), d.categories(), d.images(), c.imagesKnown()));
    b.append("\n## Flags by source\n\n| flag | source | reach | categories | images | top categories by images |\n")
        .append("|---|---|---|---:|---:|---|\n");
    for (AuditCard.Source s : c.sources()) {
      b.append("| ").append(s.name()).append(" | ").append(s.origin()).append(" | ").append(s.reach()).append(" | ")
          .append(String.format("%,d", s.categories())).append(" | ").append(images(s.images(), c.imagesKnown())).append(" | ");
      b.append(String.join(", ", s.top().stream().map(t -> (t.masked() && !reveal ? Masks.mask(t.label()) : t.label())
          + (t.images() == null ? "" : String.format(" (%,d)", t.images()))).toList()));
      b.append(" |\n");
    }
    b.append("\n## By top-level subtree\n\n");
    breakdown(b, c, c.subtrees());
    b.append("\n## By lexicographer file\n\n");
    breakdown(b, c, c.lexfiles());
    b.append("\n\"Offensive-flagged\" counts categories with an offensive built-in flag (ethnic-slur, disparagement,"
        + " obscenity, offensive-gloss), on an imported list of kind offensive or unsafe, or reviewed offensive."
        + " \"Judged unsafe\" counts categories reviewed offensive or sensitive.\n");
    return b.toString();
  }

  private static void breakdown(StringBuilder b, AuditCard c, java.util.List<AuditCard.Breakdown> rows) {
    b.append("| | categories | images | offensive-flagged | their images | judged unsafe | their images |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (AuditCard.Breakdown r : rows) {
      b.append("| ").append(r.name()).append(" | ").append(String.format("%,d", r.categories())).append(" | ")
          .append(images(r.images(), c.imagesKnown())).append(" | ").append(String.format("%,d", r.flagged())).append(" | ")
          .append(images(r.flaggedImages(), c.imagesKnown())).append(" | ").append(String.format("%,d", r.unsafe()))
          .append(" | ").append(images(r.unsafeImages(), c.imagesKnown())).append(" |\n");
    }
  }

  private static void row(StringBuilder b, String name, long categories, long images, boolean known) {
    b.append("| ").append(name).append(" | ").append(String.format("%,d", categories)).append(" | ")
        .append(images(images, known)).append(" |\n");
  }

  private static String images(long n, boolean known) {
    return known ? String.format("%,d", n) : "unknown";
  }
}
