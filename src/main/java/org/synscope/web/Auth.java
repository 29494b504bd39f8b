package org.synscope.web;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.synscope.audit.Role;
import org.synscope.audit.Users;

/**
 * Who is asking. Anonymous visitors read. Writing needs an account: a browser session (an
 * HttpOnly, SameSite=Strict cookie, with a CSRF token every form and fetch must send back) or an API
 * token ({@code Authorization: Bearer ...}, for scripts; no cookie, so no CSRF). Failed logins are
 * throttled. A read-only server refuses every write.
 */
final class Auth {
  static final String SESSION_COOKIE = "synscope_session";
  static final String LOGIN_COOKIE = "synscope_login";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final long SESSION_MILLIS = 12 * 60 * 60 * 1000L;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A signed-in browser. */
  record Session(String id, Users.User user, String csrf, long expires) {}

  private final Users users;
  private final boolean readOnly;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final LoginThrottle throttle = new LoginThrottle();

  Auth(Users users, boolean readOnly) {
    this.users = users;
    this.readOnly = readOnly;
  }

  boolean readOnly() {
    return readOnly;
  }

  /** The browser session of a request, if it has a live one. */
  Optional<Session> session(Context ctx) {
    String id = ctx.cookie(SESSION_COOKIE);
    if (id == null) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null || s.expires() < System.currentTimeMillis()) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /** The signed-in user (session or token), if any; reading needs none. */
  Optional<Users.User> user(Context ctx) {
    String bearer = bearer(ctx);
    if (bearer != null) {
      return users.byToken(bearer);
    }
    return session(ctx).map(Session::user);
  }

  /**
   * The user allowed to make this change, or an {@link HttpError}: 403 on a read-only server, 401
   * without an account, 403 with a missing or wrong CSRF token or too small a role.
   */
  Users.User require(Context ctx, Role role, String action) {
    if (readOnly) {
      throw new HttpError(403, "this synscope runs with --read-only: nothing can be changed");
    }
    Users.User user;
    String bearer = bearer(ctx);
    if (bearer != null) {
      user = users.byToken(bearer).orElseThrow(() -> new HttpError(401, "unknown API token"));
    } else {
      Session s = session(ctx).orElseThrow(() -> new HttpError(401, "log in (or send an API token) to " + action));
      String sent = ctx.header(CSRF_HEADER) != null ? ctx.header(CSRF_HEADER) : RouteParams.formField(ctx, CSRF_FIELD);
      if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), s.csrf().getBytes(StandardCharsets.UTF_8))) {
        throw new HttpError(403, "missing or wrong CSRF token; reload the page and try again");
      }
      user = s.user();
    }
    if (!user.role().atLeast(role)) {
      String article = "aeiou".indexOf(user.role().key().charAt(0)) >= 0 ? " is an " : " is a ";
      throw new HttpError(403, user.name() + article + user.role().key() + "; to " + action + " needs the role "
          + role.key() + (role == Role.ADMIN ? "" : " or higher"));
    }
    return user;
  }

  /** A fresh login-form nonce, also set as a cookie (the form must send it back: no cross-site logins). */
  String loginNonce(Context ctx) {
    String nonce = random();
    ctx.res().addHeader("Set-Cookie", cookie(ctx, LOGIN_COOKIE, nonce, 600));
    return nonce;
  }

  /** Checks a login attempt; on success starts a session (cookie set) and returns it. */
  Session login(Context ctx, String name, String password, String nonce) {
    if (readOnly) {
      throw new HttpError(403, "this synscope runs with --read-only: there is nothing to log in for");
    }
    String cookieNonce = ctx.cookie(LOGIN_COOKIE);
    if (nonce == null || cookieNonce == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
        cookieNonce.getBytes(StandardCharsets.UTF_8))) {
      throw new HttpError(403, "the login form expired or came from another site; open the login page again");
    }
    String user = name == null ? "" : name.strip();
    String[] keys = {"user:" + user, "ip:" + ctx.ip()};
    long wait = throttle.admit(keys); // counts this attempt as a failure until the password proves otherwise
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      throw new HttpError(429, "too many failed logins; try again in " + wait + " s");
    }
    Optional<Users.User> ok = users.authenticate(user, password == null ? new char[0] : password.toCharArray());
    if (ok.isEmpty()) {
      throw new HttpError(401, "wrong user name or password");
    }
    throttle.succeeded(keys);
    Session s = new Session(random(), ok.get(), random(), System.currentTimeMillis() + SESSION_MILLIS);
    sessions.put(s.id(), s);
    ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, s.id(), SESSION_MILLIS / 1000));
    ctx.res().addHeader("Set-Cookie", cookie(ctx, LOGIN_COOKIE, "", 0));
    return s;
  }

  /** Ends the request's session (the logout form carries the CSRF token). */
  void logout(Context ctx) {
    require(ctx, Role.VIEWER, "log out");
    session(ctx).ifPresent(s -> sessions.remove(s.id()));
    ctx.res().addHeader("Set-Cookie", cookie(ctx, SESSION_COOKIE, "", 0));
  }

  private static String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
  }

  private static String cookie(Context ctx, String name, String value, long maxAge) {
    return name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
        + ("https".equals(ctx.scheme()) ? "; Secure" : "");
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
