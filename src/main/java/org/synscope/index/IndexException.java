package org.synscope.index;

/** The index cannot be read or written as asked; the message says why and what to do. */
public class IndexException extends RuntimeException {
  public IndexException(String message) {
    super(message);
  }

  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
