package org.synscope.web;

/** An error as a page (HTML) or a body (JSON): status, what went wrong, and what to do. */
public record ErrorPage(int status, String title, String error, String hint) {

  static ErrorPage of(int status, String message) {
    String title = switch (status) {
      case 400 -> "This request cannot be answered";
      case 404 -> "Not found";
      case 503 -> "The index is not available";
      default -> "Something went wrong";
    };
    String hint = switch (status) {
      case 400 -> message.startsWith("cannot parse the query")
          ? "Plain words always work. In Lucene syntax, put phrases in double quotes (\"hot dog\"), escape special"
              + " characters with a backslash (a\\-bomb), and close every ( and \"."
          : "Check the parameters in the address bar; the message says which one is wrong.";
      case 404 -> "Search for it instead, or browse the hierarchy from the top.";
      default -> "Try again; if it keeps failing, the server log says why.";
    };
    return new ErrorPage(status, title, message, hint);
  }
}
