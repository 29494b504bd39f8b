package org.synscope.search;

/** A request that cannot be answered: {@code status} is 400 (bad request) or 404 (not found). */
public class SearchException extends RuntimeException {
  private final int status;

  public SearchException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status that fits. */
  public int status() {
    return status;
  }

  /** A request that cannot be parsed or is too expensive. */
  public static SearchException badRequest(String message) {
    return new SearchException(400, message);
  }

  /** An unknown dataset, category or synset. */
  public static SearchException notFound(String message) {
    return new SearchException(404, message);
  }
}
