package org.synscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.audit.AuditStore;
import org.synscope.audit.CategoryRef;
import org.synscope.audit.Review;
import org.synscope.audit.ReviewDraft;
import org.synscope.audit.ReviewStatus;
import org.synscope.audit.Role;
import org.synscope.audit.Scope;
import org.synscope.audit.Users;
import org.synscope.search.CategoryView;
import org.synscope.search.Hit;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;
import org.synscope.search.SearchRequest;

/** Thin handlers that record reviews: of one category (form or JSON), of a view's worth in bulk, and one category's history. */
final class ReviewPages {
  /** Form fields of the bulk review that are not search parameters. */
  private static final Set<String> BULK_FIELDS = Set.of(Auth.CSRF_FIELD, "decision", "rationale", "scope", "expected", "bulk");
  private static final java.util.regex.Pattern BULK_ID = java.util.regex.Pattern.compile("b[0-9a-z]{1,40}");

  private final LabelSearcher searcher;
  private final AuditStore audit;
  private final Auth auth;
  private final View view;
  private final JsonBodies bodies = new JsonBodies();

  ReviewPages(LabelSearcher searcher, AuditStore audit, Auth auth, View view) {
    this.searcher = searcher;
    this.audit = audit;
    this.auth = auth;
    this.view = view;
  }

  // ---- one category

  void createJson(Context ctx) {
    Users.User user = auth.require(ctx, Role.AUDITOR, "record reviews");
    JsonNode body = bodies.object(ctx, "{\"dataset\", \"category\", \"status\", \"rationale\"}");
    Review r = record(user, JsonBodies.text(body, "dataset", true), JsonBodies.text(body, "category", true), JsonBodies.text(body, "status", true),
        JsonBodies.text(body, "rationale", false), JsonBodies.text(body, "scope", false));
    ctx.status(201).json(r);
  }

  void createForm(Context ctx) {
    Users.User user = auth.require(ctx, Role.AUDITOR, "record reviews");
    Review r = record(user, ctx.formParam("dataset"), ctx.formParam("category"), ctx.formParam("decision"),
        ctx.formParam("rationale"), ctx.formParam("scope"));
    ctx.redirect(LoginPages.local(ctx.formParam("next")).equals("/") ? SearchUrls.categoryPath(r.dataset(), r.category())
        : LoginPages.local(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  private Review record(Users.User user, String dataset, String category, String status, String rationale, String scope) {
    if (dataset == null || category == null || status == null) {
      throw SearchException.badRequest("a review needs a dataset, a category and a status");
    }
    ReviewStatus decision = ReviewStatus.parse(status);
    Scope reach = Scope.parse(scope);
    CategoryView v = searcher.category(dataset, category);
    return audit.journal().append(List.of(new ReviewDraft(user.name(), new CategoryRef(dataset, v.hit().key()),
        v.hit().label(), v.hit().synset(), decision, rationale == null ? "" : rationale.strip(), reach)), null).get(0);
  }

  void categoryHistory(Context ctx, String dataset, String key) {
    CategoryView v = searcher.category(dataset, key);
    ctx.json(audit.journal().history(new CategoryRef(dataset, v.hit().key())));
  }

  // ---- bulk review of a view

  void bulkForm(Context ctx) {
    Users.User user = auth.session(ctx).map(Auth.Session::user).orElse(null);
    if (user == null) {
      ctx.redirect("/login?next=" + SearchUrls.encode(ctx.path() + "?" + nz(ctx.queryString())), HttpStatus.SEE_OTHER);
      return;
    }
    SearchRequest request = SearchParams.parse(ctx.queryParamMap());
    SearchPage page = SearchPage.of(request.withPage(1), searcher.search(request.withPage(1)), false);
    List<SearchPage.Param> params = new ArrayList<>();
    if (!page.q().isEmpty()) {
      params.add(new SearchPage.Param("q", page.q()));
    }
    page.ui().keep().stream().filter(p -> !p.name().equals("reveal")).forEach(params::add);
    view.render(ctx, "bulk", "Review " + Numbers.of(page.total(), "category", "categories"), null, new BulkPage(page.query(), page.total(),
        page.images(), page.ui().chips(), params, page.links().html(),
        page.hits().stream().limit(10).map(Masking.HitView::display).toList(), newBulkId()));
  }

  void bulk(Context ctx) {
    Users.User user = auth.require(ctx, Role.AUDITOR, "record reviews");
    Map<String, List<String>> params = new LinkedHashMap<>();
    ctx.formParamMap().forEach((k, v) -> {
      if (!BULK_FIELDS.contains(k)) {
        params.put(k, v);
      }
    });
    String bulk = nz(ctx.formParam("bulk"));
    if (bulk.isEmpty()) {
      bulk = newBulkId(); // a confirmation from before bulk ids were made with the page
    } else if (!BULK_ID.matcher(bulk).matches()) {
      throw SearchException.badRequest("the confirmation's bulk id is malformed; open it again from the search page");
    }
    String by = audit.journal().bulkBy(bulk);
    if (by != null) { // sent again: the first one was recorded
      if (!by.equals(user.name())) {
        throw new HttpError(409, "this confirmation was recorded by another user; open it again from the search page");
      }
      ctx.redirect("/history?bulk=" + SearchUrls.encode(bulk), HttpStatus.SEE_OTHER);
      return;
    }
    SearchRequest request = SearchParams.parse(params);
    ReviewStatus decision = ReviewStatus.parse(ctx.formParam("decision"));
    Scope reach = Scope.parse(ctx.formParam("scope"));
    long expected;
    try {
      expected = Long.parseLong(nz(ctx.formParam("expected")));
    } catch (NumberFormatException e) {
      throw SearchException.badRequest("the confirmation carries no category count; open it again from the search page");
    }
    List<Hit> hits = new ArrayList<>();
    searcher.export(request.withPage(1), hits::add);
    if (hits.size() != expected) {
      throw new HttpError(409, "the view now holds " + hits.size() + " categories, not the " + expected
          + " you confirmed; nothing was recorded. Open the confirmation again.");
    }
    if (hits.size() > BulkPage.LIMIT) {
      throw SearchException.badRequest("a bulk review may touch at most " + BulkPage.LIMIT + " categories; narrow the view");
    }
    String rationale = nz(ctx.formParam("rationale")).strip();
    List<ReviewDraft> drafts = hits.stream().map(h -> new ReviewDraft(user.name(), new CategoryRef(h.dataset(), h.key()),
        h.label(), h.synset(), decision, rationale, reach)).toList();
    audit.journal().appendBulkOnce(drafts, bulk); // a twin sent at the same moment records nothing
    ctx.redirect("/history?bulk=" + SearchUrls.encode(bulk), HttpStatus.SEE_OTHER);
  }

  /** A new bulk action's id: the time, then 40 random bits (two confirmations must never share one). */
  private static String newBulkId() {
    return "b" + Long.toString(Instant.now().toEpochMilli(), 36)
        + Long.toString(new java.security.SecureRandom().nextLong() >>> 24, 36);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
