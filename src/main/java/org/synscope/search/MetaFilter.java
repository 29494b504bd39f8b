package org.synscope.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synscope.config.BadInput;

/**
 * A filter on a metadata column, written like a Solr filter query: {@code source:flickr} (text
 * equality) or {@code year:[2000 TO 2010]}, {@code score:{0.5 TO *]} (numeric range; {@code [} and
 * {@code ]} include the bound, curly braces exclude it, {@code *} is open).
 */
public record MetaFilter(String column, String value, Double min, Double max, boolean minInclusive,
    boolean maxInclusive) {
  private static final Pattern RANGE = Pattern.compile("([\\[{])\\s*(\\S+)\\s+TO\\s+(\\S+)\\s*([]}])");
  private static final Pattern SHAPE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]{0,63}):(.+)");

  /** True for a numeric range, false for text equality. */
  public boolean isRange() {
    return value == null;
  }

  /** A range's lowest value it holds ({@code -Infinity} when open): an exclusive bound is the next double up. */
  double lowest() {
    return min == null ? Double.NEGATIVE_INFINITY : minInclusive ? min : Math.nextUp(min);
  }

  /** A range's highest value it holds ({@code Infinity} when open). */
  double highest() {
    return max == null ? Double.POSITIVE_INFINITY : maxInclusive ? max : Math.nextDown(max);
  }

  /** Parses {@code column:value} or {@code column:[lo TO hi]}. */
  public static MetaFilter parse(String text) {
    Matcher m = SHAPE.matcher(text.strip());
    if (!m.matches()) {
      throw new BadInput("metadata filter '" + text + "' must look like column:value or column:[1 TO 10]");
    }
    String column = m.group(1);
    String rest = m.group(2).strip();
    Matcher r = RANGE.matcher(rest);
    if (!r.matches()) {
      return new MetaFilter(column, rest, null, null, true, true);
    }
    return new MetaFilter(column, null, bound(r.group(2), text), bound(r.group(3), text), r.group(1).equals("["),
        r.group(4).equals("]"));
  }

  private static Double bound(String b, String text) {
    if (b.equals("*")) {
      return null;
    }
    try {
      return number(b);
    } catch (NumberFormatException e) {
      throw new BadInput("'" + b + "' in metadata filter '" + text + "' is not a number or *");
    }
  }

  /** A metadata number: a finite double (NaN matched nothing, and Infinity is * spelt otherwise). */
  static double number(String text) {
    double d = Double.parseDouble(text);
    if (!Double.isFinite(d)) {
      throw new NumberFormatException(text);
    }
    return d;
  }

  @Override
  public String toString() {
    if (!isRange()) {
      return column + ":" + value;
    }
    return column + ":" + (minInclusive ? "[" : "{") + (min == null ? "*" : trim(min)) + " TO "
        + (max == null ? "*" : trim(max)) + (maxInclusive ? "]" : "}");
  }

  private static String trim(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
