package org.synscope.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Thin handlers of logging in and out. */
final class LoginPages {
  private final Auth auth;
  private final View view;

  LoginPages(Auth auth, View view) {
    this.auth = auth;
    this.view = view;
  }

  void loginForm(Context ctx) {
    view.render(ctx, "login", "Log in", null, new LoginPage(auth.loginNonce(ctx), local(ctx.queryParam("next")), null, ""));
  }

  void login(Context ctx) {
    String next = local(RouteParams.formField(ctx, "next"));
    String name = RouteParams.formField(ctx, "name");
    try {
      auth.login(ctx, name, RouteParams.formField(ctx, "password"), RouteParams.formField(ctx, "_login"));
      ctx.redirect(next, HttpStatus.SEE_OTHER);
    } catch (HttpError e) {
      ctx.status(e.status());
      view.render(ctx, "login", "Log in", null,
          new LoginPage(auth.loginNonce(ctx), next, e.getMessage(), name == null ? "" : name));
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
}
