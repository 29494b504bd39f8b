package org.synscope.search;

import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.automaton.RegExp;

/**
 * What a user's query may ask, checked before it is parsed or built, by the label search and the image
 * search alike: its length, nesting, number of terms and boosts, and how large its regular expressions'
 * automata would be. Each limit is named in its 400, where the parser or Lucene would fail less kindly
 * (a stack overflow, too many clauses, a determinization that runs for minutes).
 */
final class QueryLimits {
  private QueryLimits() {}

  /** The largest boost a query term may carry: past it, scores overflow and the query matches nothing. */
  static final double MAX_BOOST = 1_000_000;

  /** The longest query accepted, in characters. */
  static final int MAX_QUERY_CHARS = 2_000;
  /** The deepest nesting of parentheses accepted (the parser recurses once per level). */
  static final int MAX_DEPTH = 20;
  /** The most terms accepted: each expands over four fields, and Lucene stops at 1,024 clauses. */
  static final int MAX_TERMS = 100;

  /** True when the query has wildcards, fuzzy terms or a regular expression: what scans many terms. */
  static boolean expandsTerms(String query) {
    return query != null && (query.indexOf('*') >= 0 || query.indexOf('?') >= 0 || query.indexOf('~') >= 0
        || query.indexOf('/') >= 0);
  }

  /** Refuses a query past one of the limits, naming it; the parser and Lucene would fail less kindly. */
  static void checkLimits(String query) {
    int depth = 0;
    int deepest = 0;
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        deepest = Math.max(deepest, ++depth);
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && c == '^') {
        checkBoost(query, i + 1);
      }
    }
    if (deepest > MAX_DEPTH) {
      throw SearchException.badRequest("the query nests parentheses " + deepest + " deep; the limit is " + MAX_DEPTH);
    }
    long terms = java.util.Arrays.stream(query.replaceAll("[()]", " ").strip().split("\\s+"))
        .filter(t -> !t.isEmpty() && !List.of("AND", "OR", "NOT", "&&", "||", "!").contains(t)).count();
    if (terms > MAX_TERMS) {
      throw SearchException.badRequest("the query has " + terms + " terms; the limit is " + MAX_TERMS);
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw SearchException.badRequest(String.format(java.util.Locale.ROOT,
          "the query is %,d characters long; the limit is %,d", query.length(), MAX_QUERY_CHARS));
    }
  }

  /**
   * A 400 for a boost the parser would misread or that passes {@link #MAX_BOOST}. The parser takes digits
   * and one point as the boost, so {@code dog^1e6} was {@code dog^1} followed by the word {@code e6}, and
   * matched nothing (its other clauses neither): an audit reads "none here".
   */
  private static void checkBoost(String query, int from) {
    int end = from;
    while (end < query.length() && "0123456789.eE+-".indexOf(query.charAt(end)) >= 0) {
      end++;
    }
    String written = query.substring(from, end);
    if (written.isEmpty() || !Character.isDigit(written.charAt(0))) {
      return; // no number at all: the parser's own message says what is wrong
    }
    if (!written.matches("[0-9]+(\\.[0-9]+)?")) {
      throw SearchException.badRequest("the boost ^" + written + " is not a plain number: write it with digits and"
          + " at most one point, from 0 to " + String.format(java.util.Locale.ROOT, "%,.0f", MAX_BOOST) + " (^2, ^0.5)");
    }
    if (Double.parseDouble(written) > MAX_BOOST) {
      throw SearchException.badRequest("the boost ^" + written + " is out of range: a boost is a number from 0 to "
          + String.format(java.util.Locale.ROOT, "%,.0f", MAX_BOOST));
    }
  }

  /** The most states a regular expression may expand to before it is turned into an automaton. */
  static final long MAX_REGEXP_STATES = 10_000;

  /**
   * A 400 for a regular expression whose automaton would pass {@link #MAX_REGEXP_STATES}, before it
   * is built (every parser that reads user queries calls it: the label search and the image search).
   * A syntax error is left to Lucene's own message.
   */
  static void checkRegexp(String termStr) {
    long states;
    try {
      states = states(new RegExp(termStr, RegExp.ALL));
    } catch (IllegalArgumentException e) {
      return;
    }
    String shown = termStr.length() > 60 ? termStr.substring(0, 60) + "..." : termStr;
    if (states > MAX_REGEXP_STATES) {
      throw SearchException.badRequest(String.format(java.util.Locale.ROOT, "the regular expression /%s/ expands to"
          + " about %,d states; the limit is %,d", shown, states, MAX_REGEXP_STATES));
    }
    long loops = loops(new RegExp(termStr, RegExp.ALL));
    if (loops > MAX_REGEXP_LOOPS) {
      throw SearchException.badRequest(String.format(java.util.Locale.ROOT, "the regular expression /%s/ repeats an"
          + " open-ended loop (*, + or {n,}) about %,d times; the limit is %,d", shown, loops, MAX_REGEXP_LOOPS));
    }
  }

  /**
   * The most open-ended loops a regular expression may hold once its repetitions are spelt out. Lucene
   * builds a concatenation of loops in time that grows with the square of their number, whatever the
   * states: {@code /(.*.*.*.*){900}/} (7,200 states, 3,600 loops) took 13 s and ran a server out of
   * memory under eight clients; 1,000 loops take about half a second, 100 a few milliseconds.
   */
  static final long MAX_REGEXP_LOOPS = 100;

  /** About how many open-ended loops ({@code *}, {@code +}, {@code {n,}}) a regular expression spells out. */
  static long loops(RegExp r) {
    if (r == null) {
      return 0;
    }
    long a = loops(r.exp1);
    long b = loops(r.exp2);
    return switch (r.kind) {
      case REGEXP_REPEAT, REGEXP_REPEAT_MIN -> plus(times(a, r.kind == RegExp.Kind.REGEXP_REPEAT_MIN ? (long) r.min + 1
          : 1), 1);
      case REGEXP_REPEAT_MINMAX -> times(a, Math.max(r.max, 1));
      case REGEXP_OPTIONAL, REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> a;
      case REGEXP_ANYSTRING -> 1;
      default -> plus(a, b);
    };
  }

  /**
   * About how many states a regular expression's automaton has before determinization (saturating
   * at {@code Long.MAX_VALUE}): a repetition multiplies its body, an intersection the two sides.
   */
  static long states(RegExp r) {
    if (r == null) {
      return 0;
    }
    long a = states(r.exp1);
    long b = states(r.exp2);
    return switch (r.kind) {
      case REGEXP_UNION, REGEXP_CONCATENATION -> plus(a, b);
      case REGEXP_INTERSECTION -> times(Math.max(a, 1), Math.max(b, 1));
      case REGEXP_OPTIONAL, REGEXP_REPEAT -> times(a, 1) + 1;
      case REGEXP_REPEAT_MIN -> times(a, (long) r.min + 1);
      case REGEXP_REPEAT_MINMAX -> times(a, Math.max(r.max, 1));
      case REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> Math.max(a, 1);
      case REGEXP_STRING -> r.s == null ? 1 : r.s.length() + 1;
      case REGEXP_INTERVAL -> 10L * Math.max(r.digits, String.valueOf(r.max).length());
      default -> 1;
    };
  }

  /** A sum that saturates rather than overflows (each side is capped at half of {@code Long.MAX_VALUE}). */
  private static long plus(long a, long b) {
    return Math.min(Long.MAX_VALUE / 2, a) + Math.min(Long.MAX_VALUE / 2, b);
  }

  private static long times(long a, long b) {
    return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
  }

  static final String TOO_COMPLEX = "the regular expression in the query is too complex to run; simplify it";

  static String tooManyClauses() {
    return "the query expands to more than " + IndexSearcher.getMaxClauseCount() + " clauses; use fewer terms, or"
        + " wildcards that match fewer words";
  }
}
