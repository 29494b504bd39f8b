package org.synscope.web;

/** Counts as pages print them. */
final class Numbers {
  private Numbers() {}

  /** {@code n} grouped, then the noun: {@code 1 category}, {@code 2 categories}. */
  static String of(long n, String one, String many) {
    return grouped(n) + (n == 1 ? " " + one : " " + many);
  }

  /**
   * {@code n} with commas between groups of three digits (1,234,567), as {@code String.format("%,d")} in
   * the root locale writes it, without its format parsing: a tree page prints over a thousand counts.
   */
  static String grouped(long n) {
    String digits = Long.toString(n);
    int start = n < 0 ? 1 : 0;
    int len = digits.length() - start;
    if (len <= 3) {
      return digits;
    }
    StringBuilder b = new StringBuilder(digits.length() + len / 3);
    b.append(digits, 0, start);
    int first = len % 3 == 0 ? 3 : len % 3;
    b.append(digits, start, start + first);
    for (int i = start + first; i < digits.length(); i += 3) {
      b.append(',').append(digits, i, i + 3);
    }
    return b.toString();
  }
}
