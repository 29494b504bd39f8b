package org.synscope.dataset;

/**
 * A rejected line, printed as {@code file:line: reason} (compiler style, so editors can jump to it).
 * Line 0 means the file as a whole.
 */
public record LineProblem(String file, int line, String reason) {
  /** Line order, whole-file problems last. */
  public static final java.util.Comparator<LineProblem> IN_FILE_ORDER =
      java.util.Comparator.comparingInt(p -> p.line() == 0 ? Integer.MAX_VALUE : p.line());

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }
}
