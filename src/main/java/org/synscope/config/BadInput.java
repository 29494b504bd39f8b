package org.synscope.config;

/**
 * Input a user gave (an option, a URL parameter, a form or JSON field, a line of a file) that synscope
 * refuses; the message says what is wrong and what to give instead. The web answers it with 400 and
 * the message, the CLI with the message and exit code 2. Any other exception that reaches either is a
 * bug: answered "internal error" with an id, its message and stack trace only in the log.
 *
 * <p>It is an {@link IllegalArgumentException} so that code which turns a rejected value into a
 * per-line problem or a query error by catching that keeps doing so.
 */
public class BadInput extends IllegalArgumentException {
  public BadInput(String message) {
    super(message);
  }
}
