package org.synscope.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.synscope.index.IndexException;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;
import org.synscope.search.SearchRequest;

/** Wires the HTTP app in one {@code Javalin.create} block: routes, JSON, and the one error mapping. */
public final class WebServer {
  private WebServer() {}

  /** Creates (does not start) the app over a searcher. */
  public static Javalin create(LabelSearcher searcher) {
    ApiHandlers api = new ApiHandlers(searcher);
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.routes.before(ctx -> {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
      });
      config.routes.get("/search.json", api::search);
      config.routes.get("/datasets.json", api::datasets);
      config.routes.get("/suggest.json", api::suggest);
      config.routes.get("/c/{dataset}/<key>", api::category);
      config.routes.exception(SearchException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
      config.routes.exception(IndexException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        org.slf4j.LoggerFactory.getLogger(WebServer.class).error("request failed: " + ctx.path(), e);
        error(ctx, 500, "internal error; the server log has the details");
      });
      config.routes.error(404, ctx -> {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("application/json")) {
          error(ctx, 404, "no page at " + ctx.path());
        }
      });
    });
  }

  /** The one error mapping: JSON {@code {"error": ..., "status": ...}}, never a stack trace. */
  static void error(Context ctx, int status, String message) {
    ctx.status(status).json(Map.of("error", message, "status", status));
  }

  /** Thin JSON handlers: parse, call, render. */
  static final class ApiHandlers {
    private final LabelSearcher searcher;

    ApiHandlers(LabelSearcher searcher) {
      this.searcher = searcher;
    }

    void search(Context ctx) {
      SearchRequest request = SearchParams.parse(ctx.queryParamMap());
      ctx.json(SearchPage.of(request, searcher.search(request), SearchParams.reveal(ctx.queryParamMap())));
    }

    void datasets(Context ctx) {
      ctx.json(DatasetStats.of(searcher.meta()));
    }

    void suggest(Context ctx) {
      String q = ctx.queryParam("q");
      var datasets = new java.util.LinkedHashSet<>(ctx.queryParams("dataset"));
      var masking = new Masking(SearchParams.reveal(ctx.queryParamMap()));
      ctx.json(searcher.suggest(q == null ? "" : q, datasets, 10).stream().map(masking::view).toList());
    }

    void category(Context ctx) {
      String key = ctx.pathParam("key");
      if (!key.endsWith(".json")) {
        throw SearchException.notFound("no page at " + ctx.path() + " (the HTML pages come with the web UI; add .json)");
      }
      key = key.substring(0, key.length() - ".json".length());
      ctx.json(CategoryPage.of(searcher.category(ctx.pathParam("dataset"), key), SearchParams.reveal(ctx.queryParamMap())));
    }
  }
}
