package org.synscope.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.synscope.index.SenseAmender;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synscope.audit.AuditStore;
import org.synscope.config.BadInput;
import org.synscope.index.IndexException;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;

/**
 * Wires the HTTP app in one {@code Javalin.create} block: routes (every page with a {@code .json}
 * twin), static files, security headers, and the one error mapping that answers JSON to API paths
 * and an error page to everything else.
 */
public final class WebServer {
  /** No inline script or style anywhere: every script and stylesheet comes from /static. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /** The headers every answer carries: pages, errors of ours, Jetty's own errors, Errors. */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", CSP,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "same-origin",
      "X-Frame-Options", "DENY");
  /** The whole message of an internal error: what went wrong is for the log, not for the client. */
  static final String INTERNAL = "internal error";
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  private WebServer() {}

  /**
   * A public URL as share links use it: http or https, a host, an optional port, no path (synscope's
   * links start at the root), no query; a trailing slash is dropped.
   */
  public static String publicUrl(String given) {
    java.net.URI u;
    try {
      u = new java.net.URI(given.endsWith("/") ? given.substring(0, given.length() - 1) : given);
    } catch (java.net.URISyntaxException e) {
      throw new org.synscope.config.BadInput("--public-url: '" + given + "' is not a URL (give e.g. https://audit.example.org)");
    }
    String authority = u.getRawAuthority();
    if (u.getHost() == null && authority != null && !authority.chars().allMatch(c -> c < 128)) {
      throw new org.synscope.config.BadInput("--public-url: '" + given + "' has a host that is not ASCII: give an"
          + " international name in its xn-- (punycode) form");
    }
    if (u.getHost() != null && (u.getPort() == 0 || u.getPort() > 65_535 || authority.endsWith(":"))) {
      throw new org.synscope.config.BadInput("--public-url: '" + given + "' has no usable port: give one from 1 to"
          + " 65535, or none");
    }
    if (u.getScheme() == null || !java.util.List.of("http", "https").contains(u.getScheme().toLowerCase(java.util.Locale.ROOT))
        || u.getHost() == null || u.getRawUserInfo() != null || !(u.getRawPath() == null || u.getRawPath().isEmpty())
        || u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new org.synscope.config.BadInput("--public-url: '" + given + "' must be http:// or https:// with a host and an optional port,"
          + " nothing after it (synscope's links start at the root), e.g. https://audit.example.org");
    }
    return u.toString();
  }

  /** True when a decoded value holds U+FFFD that its raw, %-encoded text does not spell out (%EF%BF%BD). */
  static boolean notUtf8(String raw, Map<String, List<String>> decoded) {
    return raw != null && !raw.toUpperCase(java.util.Locale.ROOT).contains("%EF%BF%BD")
        && decoded.values().stream().flatMap(List::stream).anyMatch(v -> v.indexOf('\uFFFD') >= 0);
  }

  /**
   * Creates (does not start) the app over a searcher, the audit record and what applies sense
   * corrections to the index; templates and static files come from {@code home}; {@code readOnly}
   * refuses every write.
   */
  public static Javalin create(LabelSearcher searcher, AuditStore audit, SenseAmender amender, Path home,
      boolean readOnly) {
    return create(searcher, audit, amender, home, readOnly, null);
  }

  /**
   * As {@link #create(LabelSearcher, AuditStore, SenseAmender, Path, boolean)}; share links start with
   * {@code publicUrl} ({@code https://audit.example.org}) when it is given, else with the scheme and the
   * Host header of the request.
   */
  public static Javalin create(LabelSearcher searcher, AuditStore audit, SenseAmender amender, Path home,
      boolean readOnly, String publicUrl) {
    Auth auth = new Auth(audit.users(), readOnly);
    View view = new View(auth, publicUrl);
    LoginPages loginPages = new LoginPages(auth, view);
    ReviewPages reviewPages = new ReviewPages(searcher, audit, auth, view);
    HistoryPages historyPages = new HistoryPages(searcher, audit, view);
    FlagListPages flagListPages = new FlagListPages(searcher, audit, auth);
    AuditPages auditPages = new AuditPages(searcher, audit, view);
    SensePages sensePages = new SensePages(searcher, audit.corrections(), amender, auth, new JsonBodies());
    Pages pages = new Pages(searcher, view, reviewPages, sensePages);
    RiskPages riskPages = new RiskPages(searcher, view);
    ImagePages imagePages = new ImagePages(searcher, audit, auth, view, amender.catalog().root().resolve("thumbs"));
    Renderer renderer = new Renderer(home);
    Path staticDir = home.resolve("static");
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
      config.http.maxRequestSize = MAX_BODY;
      config.http.prefer405over404 = true; // PUT /senses.json is "method not allowed", not "not found"
      config.jetty.modifyServletContextHandler(context -> context.insertHandler(admission()));
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.fileRenderer(renderer);
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/static";
        if (Files.isDirectory(staticDir)) {
          sf.directory = staticDir.toAbsolutePath().toString();
          sf.location = Location.EXTERNAL;
        } else {
          sf.directory = "/static";
          sf.location = Location.CLASSPATH;
        }
        sf.headers = Map.of("Cache-Control", "max-age=3600");
      });
      // An Error (out of memory, a class that failed to load) passes Javalin's exception mappers.
      config.router.javaLangErrorHandler(WebServer::javaLangError);
      config.routes.before(ctx -> {
        ctx.attribute("started", System.nanoTime());
        malformedEscape(ctx.queryString()).ifPresent(at -> {
          // Jetty drops a parameter it cannot decode, which would show unfiltered results.
          throw new HttpError(400, "the URL's query has a malformed %-escape at '" + at
              + "': a % must be followed by two hex digits (write a literal % as %25)");
        });
        SECURITY_HEADERS.forEach(ctx::header);
        if (ctx.header("X-HTTP-Method-Override") != null || ctx.header("X-HTTP-Method") != null
            || ctx.header("X-Method-Override") != null) {
          // A GET must never write: no header turns it into a POST.
          throw new HttpError(400, "X-HTTP-Method-Override is not accepted: send the method itself");
        }
        if (ctx.queryParamMap().containsKey("")) {
          throw new HttpError(400, "the URL's query has a parameter with no name (a stray '&' or a value with no"
              + " 'name=' before it); remove it");
        }
        if (ctx.path().startsWith("/static/") && !"GET".equals(ctx.method().name()) && !"HEAD".equals(ctx.method().name())) {
          // A file is only read (a PUT was "no page at ...", a 404); answered as the routes' own 405 is.
          throw new io.javalin.http.MethodNotAllowedResponse("", Map.of("availableMethods", "GET, HEAD"));
        }
        // %ff (or a raw byte that is no UTF-8) decoded to U+FFFD and was searched for, or recorded in a form's
        // rationale, as such, where the same bytes in the path are a 400.
        if (notUtf8(ctx.queryString(), ctx.queryParamMap())) {
          throw new HttpError(400, "the URL's query is not valid UTF-8 (a %-escape such as %ff is no character);"
              + " send its text as UTF-8");
        }
        if ("POST".equals(ctx.method().name()) && ctx.contentType() != null
            && ctx.contentType().startsWith("application/x-www-form-urlencoded")
            && notUtf8(ctx.body(), ctx.formParamMap())) {
          throw new HttpError(400, "the form is not valid UTF-8 (a %-escape such as %ff is no character); send its"
              + " text as UTF-8");
        }
        RouteParams.check(ctx.method().name(), ctx.path(), ctx.queryParamMap());
      });
      config.routes.after(ctx -> {
        Long started = ctx.attribute("started");
        if (started != null && !ctx.res().isCommitted()) {
          // app: the whole handler; render: the part of it spent in the template (HTML pages only).
          Long render = ctx.attribute("render-nanos");
          ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - started) / 1e6)
              + (render == null ? "" : String.format(java.util.Locale.ROOT, ", render;dur=%.2f", render / 1e6)));
        }
      });
      get(config, "/", pages::home);
      get(config, "/index.json", pages::homeJson);
      get(config, "/search", pages::search);
      get(config, "/search.json", pages::searchJson);
      get(config, "/search.csv", pages::searchCsv);
      get(config, "/search.jsonl", pages::searchJsonl);
      get(config, "/tree", pages::tree);
      get(config, "/images", imagePages::images);
      get(config, "/images.json", imagePages::imagesJson);
      get(config, "/i/{dataset}/{n}", imagePages::image);
      get(config, "/tree.json", pages::treeJson);
      get(config, "/datasets", pages::datasets);
      get(config, "/datasets.json", pages::datasetsJson);
      get(config, "/suggest.json", pages::suggest);
      get(config, "/c/{dataset}/<key>", pages::category);
      get(config, "/login", loginPages::loginForm);
      config.routes.post("/login", loginPages::login);
      config.routes.post("/logout", loginPages::logout);
      config.routes.post("/reviews.json", reviewPages::createJson);
      config.routes.post("/review", reviewPages::createForm);
      get(config, "/signals", riskPages::signals);
      get(config, "/signals.json", riskPages::signalsJson);
      get(config, "/queue", riskPages::queue);
      get(config, "/queue.json", riskPages::queueJson);
      get(config, "/senses.json", sensePages::listJson);
      config.routes.post("/senses.json", sensePages::createJson);
      config.routes.post("/sense", sensePages::createForm);
      get(config, "/export/senses.tsv", sensePages::exportTsv);
      get(config, "/review/bulk", reviewPages::bulkForm);
      config.routes.post("/review/bulk", reviewPages::bulk);
      get(config, "/history", historyPages::history);
      get(config, "/history.json", historyPages::historyJson);
      get(config, "/lists.json", flagListPages::listsJson);
      config.routes.post("/lists.json", flagListPages::importList);
      get(config, "/audit", auditPages::audit);
      get(config, "/audit.json", auditPages::auditJson);
      get(config, "/audit.md", auditPages::auditMarkdown);
      get(config, "/audit/compare", auditPages::compare);
      get(config, "/audit/compare.json", auditPages::compareJson);
      get(config, "/export/blocklist.txt", auditPages::blocklist);
      get(config, "/export/blocklist.csv", auditPages::blocklist);
      get(config, "/export/blocklist-images.txt", auditPages::blocklist);
      config.routes.post("/image-reviews.json", imagePages::decide);
      config.routes.post("/image-review", imagePages::decideForm);
      config.routes.exception(SearchException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      config.routes.exception(HttpError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      config.routes.exception(org.synscope.audit.AuditException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
      config.routes.exception(BadInput.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
      config.routes.exception(IndexException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
      // Javalin's own refusals (a body over its size limit: 413) answer in the same shapes, not its plain text.
      config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
          switch (e.getStatus()) {
            case 413 -> String.format(java.util.Locale.ROOT, "the request body is too large (the limit is %,d bytes)",
                MAX_BODY);
            case 405 -> {
              String allowed = e.getDetails().getOrDefault("availableMethods", "");
              if (!allowed.isEmpty()) {
                ctx.header("Allow", allowed); // RFC 9110: a 405 says what is allowed
              }
              yield ctx.method() + " is not allowed on " + ctx.path() + (allowed.isEmpty() ? "" : " (allowed: " + allowed + ")");
            }
            case 404 -> "no page at " + ctx.path();
            default -> e.getMessage();
          }));
      config.routes.exception(Exception.class, WebServer::internalError);
      config.routes.error(404, ctx -> {
        if (!Boolean.TRUE.equals(ctx.attribute("error-rendered"))) {
          error(ctx, 404, "no page at " + ctx.path());
        }
      });
    });
  }


  /** The audit card as a standalone HTML page (for {@code synscope audit-card --format html}). */
  public static String renderAuditCard(Path home, org.synscope.report.AuditCard card, java.util.List<String> datasets,
      boolean reveal) {
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("page", AuditPage.of(card, datasets, reveal));
    model.put("title", "Audit card: " + card.dataset());
    model.put("base", "");
    model.put("json", "");
    model.put("csrf", "");
    model.put("readOnly", true);
    model.put("path", "/audit?dataset=" + card.dataset());
    return new Renderer(home).standalone("audit", model);
  }

  /**
   * Anything not mapped above is a bug (a plain IllegalArgumentException included): its message and
   * stack trace go to the log under a random id, and the answer carries only that id.
   */
  static void internalError(Exception e, Context ctx) {
    if (clientLeft(e, ctx.res().isCommitted())) {
      // Not a bug: the client stopped reading (a cancelled download, `| head`), and nothing can be answered.
      LOG.info("{} {}: the client closed the connection during the answer ({})", ctx.method(), ctx.path(),
          rootMessage(e));
      return;
    }
    String id = errorId();
    LOG.error("internal error {} on {} {}", id, ctx.method(), ctx.path(), e);
    error(ctx, 500, INTERNAL, id);
  }

  /**
   * True when a write to the client failed after the answer began: the socket's failure (Jetty's
   * EofException, a closed channel, a broken pipe, a reset) in the cause chain of an exception thrown once
   * the response was committed.
   */
  static boolean clientLeft(Throwable e, boolean committed) {
    if (!committed) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      // Only the socket's failures: an index read failing mid-export is a bug to log in full.
      if (t instanceof org.eclipse.jetty.io.EofException || t instanceof java.nio.channels.ClosedChannelException
          || t instanceof java.io.IOException && t.getMessage() != null
          && CLIENT_GONE.matcher(t.getMessage()).find()) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern CLIENT_GONE = java.util.regex.Pattern.compile(
      "(?i)broken pipe|connection reset|connection abort");

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  /**
   * An Error thrown by a handler, which Javalin's exception mappers do not see: logged with its trace
   * under an id like any bug, answered with the same JSON (no context is left to render a page with).
   */
  static void javaLangError(jakarta.servlet.http.HttpServletResponse res, Error e) {
    String id = errorId();
    LOG.error("internal error {} (a java.lang.Error)", id, e);
    try {
      if (!res.isCommitted()) {
        res.reset();
        res.setStatus(500);
        res.setContentType("application/json; charset=utf-8");
        SECURITY_HEADERS.forEach(res::setHeader); // reset() dropped the ones set before the handler
        res.getWriter().write("{\"error\":\"" + INTERNAL + "\",\"status\":500,\"id\":\"" + id + "\"}");
      }
    } catch (java.io.IOException | RuntimeException ignored) {
      // The client has gone, or the response cannot be written: the log has the error.
    }
  }

  /** The id an internal error is logged and answered under. */
  private static String errorId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  /** The first malformed %-escape of a raw query string (a % not followed by two hex digits), if any. */
  static java.util.Optional<String> malformedEscape(String query) {
    if (query == null) {
      return java.util.Optional.empty();
    }
    for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
      if (i + 2 >= query.length() || !HexFormat.isHexDigit(query.charAt(i + 1))
          || !HexFormat.isHexDigit(query.charAt(i + 2))) {
        return java.util.Optional.of(query.substring(i, Math.min(query.length(), i + 3)));
      }
    }
    return java.util.Optional.empty();
  }

  static void error(Context ctx, int status, String message) {
    error(ctx, status, message, null);
  }

  /**
   * The one error mapping: JSON {@code {"error": ..., "status": ...}} for {@code .json}, {@code .jsonl}
   * {@code .csv}, {@code .tsv}, {@code .txt}, {@code .md} and {@code .png} paths (with {@code "id"} for an internal error), an error page otherwise; never a
   * stack trace.
   */
  private static void error(Context ctx, int status, String message, String id) {
    ctx.attribute("error-rendered", true);
    ctx.res().setHeader("Content-Disposition", null); // an export's error is shown, not saved as the export
    ErrorPage page = ErrorPage.of(status, message, id);
    ctx.status(status);
    String path = ctx.path();
    if (path.endsWith(".json") || path.endsWith(".jsonl") || path.endsWith(".csv") || path.endsWith(".tsv")
        || path.endsWith(".txt") || path.endsWith(".md") || path.endsWith(".png")) { // an <img> shows no error page
      Map<String, Object> body = new java.util.LinkedHashMap<>(); // one order, as Jetty's own errors have it
      body.put("error", message);
      body.put("status", status);
      if (id != null) {
        body.put("id", id);
      }
      ctx.json(body);
    } else {
      try {
        ctx.render("error", Map.of("page", page, "title", page.title(), "base", "", "json", "", "csrf", "",
            "readOnly", false, "path", path));
      } catch (RuntimeException e) {
        // A broken template must not hide the original error.
        LOG.error("cannot render the error page", e);
        ctx.contentType("text/plain; charset=utf-8").result(status + " " + page.title() + ": " + message
            + (id == null ? "" : " (id " + id + ")"));
      }
    }
  }

  /**
   * A GET route, and HEAD on the same handler: Jetty sends HEAD's headers and status without the body, so
   * a link checker learns what a GET would (404 for what does not exist), not a blanket 200.
   */
  private static void get(io.javalin.config.JavalinConfig config, String path, io.javalin.http.Handler handler) {
    config.routes.get(path, handler);
    config.routes.head(path, handler);
  }

  /** The largest request body read (a review, a correction, a list over HTTP; bigger lists go through the CLI). */
  static final long MAX_BODY = 1_000_000;

  /** Requests worked on at once: two per core keeps the cores busy while one request waits on I/O. */
  static final int WORKING = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  /**
   * First come, first served under load: {@link #WORKING} requests run at once and the rest wait, in
   * order and without holding a thread, for up to 30 s (then 503 with Retry-After). Without it, 50
   * clients on two cores share the CPU fifty ways and every page, cheap or not, waits behind all the
   * others (p99 1.3 s in {@code synscope bench --clients 50}).
   */
  private static org.eclipse.jetty.server.handler.QoSHandler admission() {
    var qos = new org.eclipse.jetty.server.handler.QoSHandler();
    qos.setMaxRequestCount(WORKING);
    qos.setMaxSuspendedRequestCount(100_000);
    qos.setMaxSuspend(java.time.Duration.ofSeconds(30));
    return qos;
  }
}
