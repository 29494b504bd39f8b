package org.synscope.dataset;

import java.util.List;

/** A label list that cannot be imported; carries every problem found, each naming file and line. */
public class DatasetException extends RuntimeException {
  /** What failed when an import did: nothing was published. */
  public static final String IMPORT = "import failed";
  /** What failed when a gold file of {@code eval-senses} did. */
  public static final String GOLD = "the gold file was not read";
  /** What failed when a signal definitions file did. */
  public static final String SIGNALS = "the signal definitions were not loaded";

  private final List<LineProblem> problems;
  private final String failed;
  private final boolean skippable;

  public DatasetException(List<LineProblem> problems) {
    this(problems, IMPORT);
  }

  /** {@code failed}: what did not happen, said first ({@link #IMPORT}, {@link #SIGNALS}). */
  public DatasetException(List<LineProblem> problems, String failed) {
    this(problems, failed, false);
  }

  /**
   * @param skippable true when the import would go ahead without these lines ({@code --skip-bad-lines}
   *     was not given and would skip them); false when skipping cannot help (a limit, a missing header)
   */
  public DatasetException(List<LineProblem> problems, String failed, boolean skippable) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
    this.failed = failed;
    this.skippable = skippable;
  }

  /** True when {@code --skip-bad-lines} would import the good lines. */
  public boolean skippable() {
    return skippable;
  }

  /** What did not happen because of the problems. */
  public String failed() {
    return failed;
  }

  /** True when the file as a whole is the problem (missing, unreadable, empty), not some of its lines. */
  public boolean wholeFile() {
    return problems.stream().allMatch(p -> p.line() == 0);
  }

  public DatasetException(LineProblem problem) {
    this(List.of(problem));
  }

  /** Every problem, in line order. */
  public List<LineProblem> problems() {
    return problems;
  }

  private static String summary(List<LineProblem> problems) {
    if (problems.size() == 1) {
      return problems.get(0).toString();
    }
    return problems.size() + " bad lines, first: " + problems.get(0);
  }
}
