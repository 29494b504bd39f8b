package org.synscope.web;

/**
 * An error as a page (HTML) or a body (JSON): status, what went wrong, and what to do; {@code id} names
 * an internal error in the server log (null for every other error).
 */
public record ErrorPage(int status, String title, String error, String hint, String id) {

  static ErrorPage of(int status, String message, String id) {
    String title = switch (status) {
      case 400 -> "This request cannot be answered";
      case 401 -> "Log in first";
      case 403 -> "Not allowed";
      case 404 -> "Not found";
      case 405 -> "Not a method this address takes";
      case 409 -> "The data changed";
      case 413 -> "Too large";
      case 414 -> "The address is too long";
      case 429 -> "Too many attempts";
      case 503 -> "The index is not available";
      default -> "Something went wrong";
    };
    String hint = switch (status) {
      case 400 -> message.startsWith("cannot parse the query")
          ? "Plain words always work. In Lucene syntax, put phrases in double quotes (\"hot dog\"), escape special"
              + " characters with a backslash (a\\-bomb), and close every ( and \"."
          : "Check the parameters in the address bar; the message says which one is wrong.";
      case 401 -> "Reading needs no account; recording reviews does. Log in, or send an API token.";
      case 403 -> "Ask an admin for the role this needs, or reload the page if its form has expired.";
      case 404 -> "Search for it instead, or browse the hierarchy from the top.";
      case 405 -> "Pages are read with GET; changes are sent with POST from their forms or the JSON API.";
      case 409 -> "Nothing was recorded. Go back and confirm again with the current numbers.";
      case 429 -> "Wait, then try again.";
      default -> id == null ? "Try again; if it keeps failing, the server log says why."
          : "Try again; if it keeps failing, give the admin the error id " + id + ": the server log has the details under it.";
    };
    return new ErrorPage(status, title, message, hint, id);
  }
}
