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

  /**
   * True for a file named that is not there, or is a directory, a device or a FIFO: a usage error, not a
   * failed import.
   */
  public boolean missingFile() {
    return line == 0 && (reason.equals(NO_SUCH_FILE) || reason.equals(A_DIRECTORY) || reason.startsWith(NOT_REGULAR));
  }

  private static final String NO_SUCH_FILE = "no such file";
  private static final String A_DIRECTORY = "is a directory, not a file";
  private static final String NOT_REGULAR = "not a regular file (";

  /** A device or FIFO named as a list: it may never end, so it is refused before it is read. */
  public static LineProblem notRegularFile(java.nio.file.Path file) {
    return new LineProblem(file.toString(), 0, NOT_REGULAR + "a device, FIFO or directory cannot be imported; save the"
        + " list to a file first)");
  }

  /** The same, for a file read whole as {@code what} ("signal definitions"). */
  public static LineProblem notRegularFile(java.nio.file.Path file, String what) {
    return new LineProblem(file.toString(), 0, NOT_REGULAR + "a device or FIFO cannot be read as " + what + ")");
  }

  /** A file that cannot be read, said plainly: no such file, a directory, no permission, not UTF-8. */
  public static LineProblem unreadable(java.nio.file.Path file, java.io.IOException e) {
    String why;
    if (e instanceof java.nio.file.NoSuchFileException) {
      why = NO_SUCH_FILE;
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof java.nio.charset.CharacterCodingException) {
      why = "is not valid UTF-8; save it as UTF-8";
    } else if (java.nio.file.Files.isDirectory(file)) {
      why = A_DIRECTORY;
    } else {
      why = "cannot read it: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return new LineProblem(file.toString(), 0, why);
  }
}
