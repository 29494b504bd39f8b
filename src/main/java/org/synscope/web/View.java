package org.synscope.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders a page record into its template with what every page shows: the user and the CSRF token. */
final class View {
  private final Auth auth;
  private final String publicUrl;

  /** {@code publicUrl}: where share links point (may be null: the request's scheme and Host header). */
  View(Auth auth, String publicUrl) {
    this.auth = auth;
    this.publicUrl = publicUrl;
  }

  /** Renders {@code template} with {@code page}; {@code json} is the page's twin, linked from its head. */
  void render(Context ctx, String template, String title, String json, Object page) {
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("title", title);
    model.put("base", publicUrl != null ? publicUrl : ctx.scheme() + "://" + ctx.host());
    model.put("json", json == null ? "" : json);
    var session = auth.session(ctx);
    model.put("user", session.map(Auth.Session::user).orElse(null));
    model.put("csrf", session.map(Auth.Session::csrf).orElse(""));
    model.put("readOnly", auth.readOnly());
    model.put("canReview", !auth.readOnly() && session.map(s -> s.user().role().atLeast(org.synscope.audit.Role.AUDITOR))
        .orElse(false));
    model.put("path", ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
    long started = System.nanoTime();
    ctx.render(template, model);
    ctx.attribute("render-nanos", System.nanoTime() - started); // reported in Server-Timing

  }
}
