package org.synscope.web;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.synscope.audit.AuditStore;
import org.synscope.audit.ReviewStatus;
import org.synscope.report.AuditCard;
import org.synscope.report.AuditCardMarkdown;
import org.synscope.report.AuditCards;
import org.synscope.report.BlockList;
import org.synscope.report.Comparisons;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;

/** Thin handlers of the audit reports: the audit card, the comparison of two datasets, the block list export. */
final class AuditPages {
  private final LabelSearcher searcher;
  private final AuditStore audit;
  private final View view;

  AuditPages(LabelSearcher searcher, AuditStore audit, View view) {
    this.searcher = searcher;
    this.audit = audit;
    this.view = view;
  }

  // ---- audit card

  private AuditPage auditPage(Context ctx) {
    String dataset = ctx.queryParam("dataset");
    List<String> datasets = new ArrayList<>(searcher.meta().sorted().keySet());
    AuditCard card = dataset == null || dataset.isBlank() ? null : new AuditCards(searcher, audit).card(dataset);
    return AuditPage.of(card, datasets, SearchParams.reveal(ctx.queryParamMap()));
  }

  void audit(Context ctx) {
    AuditPage page = auditPage(ctx);
    view.render(ctx, "audit", page.card() == null ? "Audit card" : "Audit card: " + page.card().dataset(), page.json(), page);
  }

  void auditJson(Context ctx) {
    ctx.json(requireCard(ctx));
  }

  void auditMarkdown(Context ctx) {
    ctx.contentType("text/markdown; charset=utf-8").result(AuditCardMarkdown.render(requireCard(ctx), false));
  }

  private AuditCard requireCard(Context ctx) {
    String dataset = ctx.queryParam("dataset");
    if (dataset == null || dataset.isBlank()) {
      throw SearchException.badRequest("give ?dataset= (one of " + String.join(", ", searcher.meta().sorted().keySet()) + ")");
    }
    return new AuditCards(searcher, audit).card(dataset);
  }

  // ---- comparison

  private ComparePage comparePage(Context ctx) {
    String a = SearchParams.blankToNull(ctx.queryParam("a"));
    String b = SearchParams.blankToNull(ctx.queryParam("b"));
    List<String> datasets = new ArrayList<>(searcher.meta().sorted().keySet());
    if (a == null || b == null) {
      if (ctx.path().endsWith(".json")) {
        throw SearchException.badRequest("give ?a= and ?b= (datasets: " + String.join(", ", datasets) + ")");
      }
      return ComparePage.of(null, datasets, false);
    }
    var c = new Comparisons(searcher, audit).compare(a, b, new LinkedHashSet<>(ctx.queryParams("flag")),
        new LinkedHashSet<>(ctx.queryParams("review")));
    return ComparePage.of(c, datasets, SearchParams.reveal(ctx.queryParamMap()));
  }

  void compare(Context ctx) {
    ComparePage page = comparePage(ctx);
    view.render(ctx, "compare", "Compare datasets", page.json(), page);
  }

  void compareJson(Context ctx) {
    ctx.json(comparePage(ctx).comparison());
  }

  // ---- block list export

  void blocklist(Context ctx) {
    String dataset = SearchParams.blankToNull(ctx.queryParam("dataset"));
    if (dataset == null) {
      throw SearchException.badRequest("give ?dataset= (one of " + String.join(", ", searcher.meta().sorted().keySet()) + ")");
    }
    Set<String> statuses = split(ctx.queryParams("status"));
    statuses.forEach(ReviewStatus::parse);
    Set<String> flags = split(ctx.queryParams("flag"));
    if (statuses.isEmpty() && flags.isEmpty()) {
      statuses = new LinkedHashSet<>(List.of(ReviewStatus.OFFENSIVE.key(), ReviewStatus.SENSITIVE.key()));
    }
    String d = ctx.queryParam("descendants");
    if (d != null && !java.util.Set.of("0", "1", "true", "false").contains(d)) { // 'yes' silently meant no
      throw SearchException.badRequest("descendants is 1 (or true) or 0 (or false), not '" + d + "'");
    }
    boolean descendants = "1".equals(d) || "true".equals(d);
    BlockList list = new BlockList(searcher, audit);
    List<BlockList.Entry> entries = list.entries(dataset, statuses, flags, descendants);
    if (ctx.path().endsWith("-images.txt")) {
      if (!searcher.meta().images().containsKey(dataset)) {
        throw SearchException.notFound("no images of dataset '" + dataset + "' are imported");
      }
      ctx.contentType("text/plain; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"blocklist-images-" + dataset + ".txt\"");
      try {
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        list.writeImages(out, dataset, entries, describe(statuses, flags, descendants));
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    boolean csv = ctx.path().endsWith(".csv");
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"blocklist-" + dataset + (csv ? ".csv" : ".txt") + "\"");
    try {
      Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
      if (csv) {
        BlockList.writeCsv(out, entries);
      } else {
        BlockList.writeText(out, dataset, entries, describe(statuses, flags, descendants));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String describe(Set<String> statuses, Set<String> flags, boolean descendants) {
    List<String> parts = new ArrayList<>();
    if (!statuses.isEmpty()) {
      parts.add("reviewed " + String.join(" or ", statuses));
    }
    if (!flags.isEmpty()) {
      parts.add("flagged " + String.join(" or ", flags));
    }
    return String.join(", or ", parts) + (descendants ? ", with every category below them" : ", without descendants");
  }

  /** Values given repeated or comma-separated. */
  static Set<String> split(List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    values.forEach(v -> java.util.Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add));
    return out;
  }
}
