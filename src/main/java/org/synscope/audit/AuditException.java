package org.synscope.audit;

/** The audit record (journal, users, lists) cannot be read or written; the message says what to do. */
public class AuditException extends RuntimeException {
  public AuditException(String message) {
    super(message);
  }

  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
