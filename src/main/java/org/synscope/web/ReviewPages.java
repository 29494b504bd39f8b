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
  /** A bulk action's id: {@code b}, the time and a random part, then {@code -} and a digest of the view it is for. */
  private static final java.util.regex.Pattern BULK_ID = java.util.regex.Pattern.compile("b[0-9a-z]{1,30}-([0-9a-z]{1,12})");

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
    JsonNode body = bodies.object(ctx, "{\"dataset\", \"category\", \"status\", \"rationale\", \"scope\"}",
        java.util.List.of("dataset", "category", "status", "rationale", "scope"));
    Review r = record(user, JsonBodies.text(body, "dataset", true), JsonBodies.text(body, "category", true), JsonBodies.text(body, "status", true),
        JsonBodies.text(body, "rationale", false), JsonBodies.text(body, "scope", false));
    ctx.status(201).json(r);
  }

  void createForm(Context ctx) {
    Users.User user = auth.require(ctx, Role.AUDITOR, "record reviews");
    Review r = record(user, RouteParams.formField(ctx, "dataset"), RouteParams.formField(ctx, "category"), RouteParams.formField(ctx, "decision"),
        RouteParams.formField(ctx, "rationale"), RouteParams.formField(ctx, "scope"));
    String next = LoginPages.local(RouteParams.formField(ctx, "next"));
    ctx.redirect(next.equals("/") ? SearchUrls.categoryPath(r.dataset(), r.category()) : next, HttpStatus.SEE_OTHER);
  }

  private Review record(Users.User user, String dataset, String category, String status, String rationale, String scope) {
    if (dataset == null || category == null || status == null) {
      throw SearchException.badRequest("a review needs a dataset, a category and a status");
    }
    ReviewStatus decision = ReviewStatus.parse(status);
    Scope reach = Scope.parse(scope);
    CategoryView v = searcher.categoryToDecide(dataset, category);
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
        page.hits().stream().limit(10).map(Masking.HitView::display).toList(), newBulkId(request)));
  }

  void bulk(Context ctx) {
    Users.User user = auth.require(ctx, Role.AUDITOR, "record reviews");
    Map<String, List<String>> params = new LinkedHashMap<>();
    ctx.formParamMap().forEach((k, v) -> {
      if (!BULK_FIELDS.contains(k)) {
        params.put(k, v);
      } else {
        RouteParams.formField(ctx, k); // given twice, each of them is a 400 before anything is read
      }
    });
    SearchRequest request = SearchParams.parse(params);
    String bulk = nz(RouteParams.formField(ctx, "bulk"));
    if (bulk.isEmpty()) {
      bulk = newBulkId(request); // a script's bulk review: each post is an action of its own
    } else {
      java.util.regex.Matcher id = BULK_ID.matcher(bulk);
      if (!id.matches()) {
        throw SearchException.badRequest("the confirmation's bulk id is malformed; open it again from the search page");
      }
      if (!id.group(1).equals(viewDigest(request))) {
        throw new HttpError(409, "this confirmation was made for another view; nothing was recorded. Open it again"
            + " from the search page");
      }
    }
    ReviewStatus decision = ReviewStatus.parse(RouteParams.formField(ctx, "decision"));
    Scope reach = Scope.parse(RouteParams.formField(ctx, "scope"));
    String rationale = nz(RouteParams.formField(ctx, "rationale")).strip();
    if (resent(ctx, audit.journal().bulk(bulk), bulk, user, decision, reach, rationale)) {
      return; // sent again: the first was recorded, and the view may have changed because of it
    }
    long expected;
    try {
      expected = Long.parseLong(nz(RouteParams.formField(ctx, "expected")));
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
    List<ReviewDraft> drafts = hits.stream().map(h -> new ReviewDraft(user.name(), new CategoryRef(h.dataset(), h.key()),
        h.label(), h.synset(), decision, rationale, reach)).toList();
    if (resent(ctx, audit.journal().appendBulkOnce(drafts, bulk), bulk, user, decision, reach, rationale)) {
      return; // a twin sent at the same moment was recorded first
    }
    ctx.redirect("/history?bulk=" + SearchUrls.encode(bulk), HttpStatus.SEE_OTHER);
  }

  /**
   * True when bulk action {@code id} is recorded already ({@code done} not null): the same decision sent
   * again is sent to its history; another decision, reach or rationale under the same id is a 409, since
   * the confirmation it came from has been used (going Back and changing the decision must not look done).
   */
  private static boolean resent(Context ctx, org.synscope.audit.ReviewJournal.BulkAction done, String id, Users.User user,
      ReviewStatus decision, Scope reach, String rationale) {
    if (done == null) {
      return false;
    }
    if (!done.sameAs(user.name(), decision, reach, rationale)) {
      throw new HttpError(409, "this confirmation was already used: " + done.user() + " recorded '"
          + done.status().key() + "' for " + Numbers.of(done.categories(), "category", "categories")
          + "; nothing more was recorded. To record another decision, open the confirmation again");
    }
    ctx.redirect("/history?bulk=" + SearchUrls.encode(id), HttpStatus.SEE_OTHER);
    return true;
  }

  /**
   * A new bulk action's id: the time and 40 random bits (two confirmations must never share one), then
   * a digest of the view, so the id cannot be sent with another view's parameters.
   */
  private static String newBulkId(SearchRequest view) {
    return "b" + Long.toString(Instant.now().toEpochMilli(), 36)
        + Long.toString(new java.security.SecureRandom().nextLong() >>> 24, 36) + "-" + viewDigest(view);
  }

  /** 40 bits of the SHA-256 of the view's canonical query, in base 36. */
  private static String viewDigest(SearchRequest view) {
    String hex = org.synscope.io.Sha256.hex(SearchUrls.query(view.withPage(1), false));
    return Long.toString(Long.parseLong(hex.substring(0, 10), 16), 36);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
