package org.synscope.web;

/** A request refused for a reason HTTP has a status for (401, 403, 409, 429); mapped like every error. */
public final class HttpError extends RuntimeException {
  private final int status;

  public HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
