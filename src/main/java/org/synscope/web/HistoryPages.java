package org.synscope.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.synscope.audit.AuditStore;
import org.synscope.audit.Review;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;

/** Thin handlers of the review history: every change, filtered by user, dataset or bulk review, a page at a time. */
final class HistoryPages {
  private final LabelSearcher searcher;
  private final AuditStore audit;
  private final View view;

  HistoryPages(LabelSearcher searcher, AuditStore audit, View view) {
    this.searcher = searcher;
    this.audit = audit;
    this.view = view;
  }

  void history(Context ctx) {
    view.render(ctx, "history", "Review history", "/history.json" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
        historyPage(ctx));
  }

  void historyJson(Context ctx) {
    ctx.json(historyPage(ctx));
  }

  private HistoryPage historyPage(Context ctx) {
    String user = SearchParams.blankToNull(ctx.queryParam("user"));
    String dataset = SearchParams.blankToNull(ctx.queryParam("dataset"));
    String bulk = SearchParams.blankToNull(ctx.queryParam("bulk"));
    int page = SearchParams.number(ctx.queryParamMap(), "page", 1);
    if (page < 1) {
      throw SearchException.badRequest("page must be 1 or more, was " + page);
    }
    Predicate<Review> filter = r -> (user == null || r.user().equals(user)) && (dataset == null || r.dataset().equals(dataset))
        && (bulk == null || bulk.equals(r.bulk()));
    int total = audit.journal().count(filter);
    searcher.requireKnownDataset(dataset, total > 0 || user != null || bulk != null);
    int pages = Math.max(1, (total + HistoryPage.SIZE - 1) / HistoryPage.SIZE);
    boolean reveal = SearchParams.reveal(ctx.queryParamMap());
    List<Review> recent = audit.journal().recent(filter, (page - 1) * HistoryPage.SIZE, HistoryPage.SIZE);
    Set<String> slurs = searcher.maskedLabels(recent.stream().map(r -> r.dataset() + "/" + r.category()).toList());
    List<HistoryPage.Entry> changes = recent.stream()
        .map(r -> new HistoryPage.Entry(r, SearchUrls.categoryPath(r.dataset(), r.category()) + (reveal ? "?reveal=1" : ""),
            Masking.reviewedLabel(r, slurs.contains(r.dataset() + "/" + r.category()), reveal))).toList();
    String base = "/history?" + (user == null ? "" : "user=" + SearchUrls.encode(user) + "&")
        + (dataset == null ? "" : "dataset=" + SearchUrls.encode(dataset) + "&") + (bulk == null ? "" : "bulk=" + SearchUrls.encode(bulk) + "&");
    return new HistoryPage(user, dataset, bulk, page, pages, total, changes, page > 1 ? base + "page=" + Math.min(page - 1, pages) : null, // past the end: back to the last
        page < pages ? base + "page=" + (page + 1) : null);
  }
}
