package org.synscope.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.synscope.audit.AuditStore;
import org.synscope.audit.CategoryRef;
import org.synscope.audit.FlagList;
import org.synscope.audit.FlagListImport;
import org.synscope.audit.FlagListReader;
import org.synscope.audit.Review;
import org.synscope.audit.ReviewDraft;
import org.synscope.audit.ReviewStatus;
import org.synscope.audit.Role;
import org.synscope.audit.Scope;
import org.synscope.audit.Users;
import org.synscope.dataset.DatasetException;
import org.synscope.report.AuditCard;
import org.synscope.report.AuditCardMarkdown;
import org.synscope.report.AuditCards;
import org.synscope.report.BlockList;
import org.synscope.report.Comparisons;
import org.synscope.search.CategoryView;
import org.synscope.search.Hit;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;
import org.synscope.search.SearchRequest;

/** Thin handlers of the audit workflow: log in, review (one or a view's worth), history, lists, card, exports. */
final class AuditPages {
  /** Form fields of the bulk review that are not search parameters. */
  private static final Set<String> BULK_FIELDS = Set.of(Auth.CSRF_FIELD, "decision", "rationale", "scope", "expected");

  private final LabelSearcher searcher;
  private final AuditStore audit;
  private final Auth auth;
  private final View view;
  private final JsonBodies bodies = new JsonBodies();

  AuditPages(LabelSearcher searcher, AuditStore audit, Auth auth, View view) {
    this.searcher = searcher;
    this.audit = audit;
    this.auth = auth;
    this.view = view;
  }

  // ---- logging in

  void loginForm(Context ctx) {
    view.render(ctx, "login", "Log in", null, new LoginPage(auth.loginNonce(ctx), local(ctx.queryParam("next")), null, ""));
  }

  void login(Context ctx) {
    String next = local(ctx.formParam("next"));
    try {
      auth.login(ctx, ctx.formParam("name"), ctx.formParam("password"), ctx.formParam("_login"));
      ctx.redirect(next, HttpStatus.SEE_OTHER);
    } catch (HttpError e) {
      ctx.status(e.status());
      view.render(ctx, "login", "Log in", null,
          new LoginPage(auth.loginNonce(ctx), next, e.getMessage(), ctx.formParam("name") == null ? "" : ctx.formParam("name")));
    }
  }

  void logout(Context ctx) {
    auth.logout(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  /**
   * Only local paths: a login link cannot send anyone elsewhere. Browsers drop tabs and line breaks
   * and read a backslash as a slash, so {@code /\t/evil.example} would leave: any whitespace, control
   * character or backslash makes the path "/" instead.
   */
  static String local(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//")) {
      return "/";
    }
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c <= ' ' || c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)) {
        return "/";
      }
    }
    return next;
  }

  // ---- reviews

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
    ctx.redirect(local(ctx.formParam("next")).equals("/") ? SearchUrls.categoryPath(r.dataset(), r.category())
        : local(ctx.formParam("next")), HttpStatus.SEE_OTHER);
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
    view.render(ctx, "bulk", "Review " + page.total() + " categories", null, new BulkPage(page.query(), page.total(),
        page.images(), page.ui().chips(), params, page.links().html(),
        page.hits().stream().limit(10).map(Masking.HitView::display).toList()));
  }

  void bulk(Context ctx) {
    Users.User user = auth.require(ctx, Role.AUDITOR, "record reviews");
    Map<String, List<String>> params = new LinkedHashMap<>();
    ctx.formParamMap().forEach((k, v) -> {
      if (!BULK_FIELDS.contains(k)) {
        params.put(k, v);
      }
    });
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
    String bulk = "b" + Long.toString(Instant.now().toEpochMilli(), 36) + Integer.toString(ThreadLocalRandom.current().nextInt(1296), 36);
    audit.journal().append(drafts, bulk);
    ctx.redirect("/history?bulk=" + SearchUrls.encode(bulk), HttpStatus.SEE_OTHER);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  // ---- history

  private HistoryPage historyPage(Context ctx) {
    for (String p : ctx.queryParamMap().keySet()) {
      if (!Set.of("user", "dataset", "bulk", "page", "reveal").contains(p)) {
        throw SearchException.badRequest("unknown parameter '" + p + "' (history takes user, dataset, bulk and page)");
      }
    }
    String user = blankToNull(ctx.queryParam("user"));
    String dataset = blankToNull(ctx.queryParam("dataset"));
    String bulk = blankToNull(ctx.queryParam("bulk"));
    int page;
    try {
      page = Math.max(1, Integer.parseInt(ctx.queryParam("page") == null ? "1" : ctx.queryParam("page")));
    } catch (NumberFormatException e) {
      throw SearchException.badRequest("page must be a whole number");
    }
    Predicate<Review> filter = r -> (user == null || r.user().equals(user)) && (dataset == null || r.dataset().equals(dataset))
        && (bulk == null || bulk.equals(r.bulk()));
    int total = audit.journal().count(filter);
    int pages = Math.max(1, (total + HistoryPage.SIZE - 1) / HistoryPage.SIZE);
    boolean reveal = SearchParams.reveal(ctx.queryParamMap());
    List<Review> recent = audit.journal().recent(filter, (page - 1) * HistoryPage.SIZE, HistoryPage.SIZE);
    Set<String> slurs = searcher.maskedLabels(recent.stream().map(r -> r.dataset() + "/" + r.category()).toList());
    List<HistoryPage.Entry> changes = recent.stream()
        .map(r -> new HistoryPage.Entry(r, SearchUrls.categoryPath(r.dataset(), r.category()) + (reveal ? "?reveal=1" : ""),
            Masking.reviewedLabel(r, slurs.contains(r.dataset() + "/" + r.category()), reveal))).toList();
    String base = "/history?" + (user == null ? "" : "user=" + SearchUrls.encode(user) + "&")
        + (dataset == null ? "" : "dataset=" + SearchUrls.encode(dataset) + "&") + (bulk == null ? "" : "bulk=" + SearchUrls.encode(bulk) + "&");
    return new HistoryPage(user, dataset, bulk, page, pages, total, changes, page > 1 ? base + "page=" + (page - 1) : null,
        page < pages ? base + "page=" + (page + 1) : null);
  }

  void history(Context ctx) {
    view.render(ctx, "history", "Review history", "/history.json" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
        historyPage(ctx));
  }

  void historyJson(Context ctx) {
    ctx.json(historyPage(ctx));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  // ---- flag lists

  void listsJson(Context ctx) {
    ctx.json(audit.lists().all().values().stream().map(AuditPages::summary).toList());
  }

  void importList(Context ctx) {
    Users.User user = auth.require(ctx, Role.ADMIN, "import flag lists");
    String shape = "{\"name\", \"kind\", \"type\", \"scope\", \"dataset\", \"entries\": [...]}";
    JsonNode body = bodies.object(ctx, shape);
    if (!body.path("entries").isArray()) {
      throw SearchException.badRequest("the body must be a JSON object " + shape);
    }
    StringBuilder lines = new StringBuilder();
    body.get("entries").forEach(e -> lines.append(e.asText()).append('\n'));
    String source = "http:" + user.name() + ":" + JsonBodies.text(body, "name", true);
    String type = JsonBodies.text(body, "type", false);
    String dataset = JsonBodies.text(body, "dataset", false);
    try {
      FlagListReader.Result read = FlagListReader.read(source, lines.toString().getBytes(StandardCharsets.UTF_8), type);
      FlagListImport.Result r = FlagListImport.save(read, source, new FlagListImport.Request(JsonBodies.text(body, "name", true),
          JsonBodies.text(body, "kind", false), type, Scope.parse(JsonBodies.text(body, "scope", false)), dataset, false),
          searcher.lexicon(), label -> labelExists(label, dataset), audit.lists());
      Map<String, Object> out = new LinkedHashMap<>(summary(r.list()));
      out.put("warnings", r.warnings());
      ctx.status(201).json(out);
    } catch (DatasetException e) {
      throw SearchException.badRequest(e.problems().stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
    }
  }

  private boolean labelExists(String label, String dataset) {
    return searcher.hasLabel(dataset, label);
  }

  static Map<String, Object> summary(FlagList l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", l.name());
    m.put("kind", l.kind());
    m.put("type", l.type());
    m.put("scope", l.scope().key());
    m.put("reach", l.reach());
    m.put("dataset", l.dataset());
    m.put("entries", l.entries().size());
    m.put("unknown", l.unknown().size());
    m.put("source", l.source());
    m.put("sha256", l.sha256());
    m.put("imported_at", l.importedAt());
    return m;
  }

  // ---- audit card, comparison, block list

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

  private ComparePage comparePage(Context ctx) {
    String a = blankToNull(ctx.queryParam("a"));
    String b = blankToNull(ctx.queryParam("b"));
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

  void blocklist(Context ctx) {
    String dataset = blankToNull(ctx.queryParam("dataset"));
    if (dataset == null) {
      throw SearchException.badRequest("give ?dataset= (one of " + String.join(", ", searcher.meta().sorted().keySet()) + ")");
    }
    Set<String> statuses = split(ctx.queryParams("status"));
    statuses.forEach(ReviewStatus::parse);
    Set<String> flags = split(ctx.queryParams("flag"));
    if (statuses.isEmpty() && flags.isEmpty()) {
      statuses = new LinkedHashSet<>(List.of(ReviewStatus.OFFENSIVE.key(), ReviewStatus.SENSITIVE.key()));
    }
    boolean descendants = "1".equals(ctx.queryParam("descendants")) || "true".equals(ctx.queryParam("descendants"));
    List<BlockList.Entry> entries = new BlockList(searcher, audit).entries(dataset, statuses, flags, descendants);
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
