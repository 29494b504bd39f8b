package org.synscope.dataset;

import java.util.List;

/** A label list that cannot be imported; carries every problem found, each naming file and line. */
public class DatasetException extends RuntimeException {
  private final List<LineProblem> problems;

  public DatasetException(List<LineProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
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
