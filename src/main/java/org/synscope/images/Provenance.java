package org.synscope.images;

import java.util.Locale;

/**
 * Facets derived from where an image came from: the domain of its URL and the year of its date. Both
 * are hand-parsed (no {@code java.net.URI}, no formatter): they run once per record over 79 million
 * Tiny Images records, and a value that does not parse is simply left out.
 */
public final class Provenance {
  private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};
  /** Years outside this range are no crawl or upload date. */
  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2099;

  private Provenance() {}

  /**
   * The host of an absolute URL ({@code scheme://[user@]host[:port]/...}), lower case, without a
   * leading {@code www.} or a trailing dot; {@code null} when {@code url} has no scheme or no host.
   */
  public static String domain(String url) {
    if (url == null) {
      return null;
    }
    int colon = url.indexOf("://");
    if (colon <= 0 || !scheme(url, colon)) {
      return null;
    }
    int start = colon + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at >= start) {
      start = at + 1;
    }
    int hostEnd;
    if (start < end && url.charAt(start) == '[') {
      int close = url.indexOf(']', start);
      hostEnd = close < 0 || close >= end ? end : close + 1; // an IPv6 literal keeps its brackets
    } else {
      int port = url.indexOf(':', start);
      hostEnd = port < 0 || port >= end ? end : port;
    }
    String host = url.substring(start, hostEnd).toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    return host.isEmpty() ? null : host;
  }

  /** True when {@code url} has an absolute URL's scheme ({@code http://}, {@code https://}, ...). */
  public static boolean isUrl(String text) {
    int colon = text.indexOf("://");
    return colon > 0 && scheme(text, colon);
  }

  private static boolean scheme(String url, int end) {
    if (!Character.isLetter(url.charAt(0))) {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = url.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The year of a date in one of these forms, else {@code null} (any time and zone after the date are
   * ignored; the year must lie in 1900-2099):
   * <ul>
   *   <li>{@code 15 May 2006 12:39:30 +0000}: day, English month (three-letter abbreviation or full name, any
   *       case), year, as Tiny Images' crawl dates; also after a weekday, {@code Mon, 15 May 2006 ...}
   *       (RFC 1123)</li>
   *   <li>{@code 2006-05-15}, {@code 2006-05-15T12:39:30Z}, {@code 2006/05/15}: ISO 8601 year first</li>
   *   <li>{@code 2006}: a year alone</li>
   * </ul>
   */
  public static Integer year(String date) {
    if (date == null) {
      return null;
    }
    String[] words = words(date, 4);
    if (words.length == 0) {
      return null;
    }
    int i = words.length > 3 && words[0].length() >= 3 && letters(words[0]) ? 1 : 0; // a weekday
    if (words.length >= i + 3 && digits(words[i], 1, 2) && month(words[i + 1]) && digits(words[i + 2], 4, 4)) {
      int day = Integer.parseInt(words[i]);
      return day >= 1 && day <= 31 ? inRange(Integer.parseInt(words[i + 2])) : null;
    }
    String first = words[0];
    if (digits(first, 4, 4)) {
      return words.length == 1 ? inRange(Integer.parseInt(first)) : null;
    }
    if (first.length() >= 10 && digits(first.substring(0, 4), 4, 4) && (first.charAt(4) == '-' || first.charAt(4) == '/')
        && first.charAt(7) == first.charAt(4) && digits(first.substring(5, 7), 2, 2)
        && digits(first.substring(8, 10), 2, 2) && (first.length() == 10 || first.charAt(10) == 'T')) {
      int month = Integer.parseInt(first.substring(5, 7));
      int day = Integer.parseInt(first.substring(8, 10));
      return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? inRange(Integer.parseInt(first.substring(0, 4))) : null;
    }
    return null;
  }

  /** The first {@code max} words of {@code text}, split at whitespace and commas (no regex: one call per record). */
  private static String[] words(String text, int max) {
    String[] words = new String[max];
    int n = 0;
    int i = 0;
    int length = text.length();
    while (n < max) {
      while (i < length && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
        i++;
      }
      if (i == length) {
        break;
      }
      int start = i;
      while (i < length && text.charAt(i) != ',' && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      words[n++] = text.substring(start, i);
    }
    return java.util.Arrays.copyOf(words, n);
  }

  private static boolean letters(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isLetter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static Integer inRange(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
  }

  private static boolean digits(String s, int min, int max) {
    if (s.length() < min || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** An English month: its three-letter abbreviation or full name, any case. */
  private static boolean month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (String m : MONTHS) {
      if (w.equals(m) || w.length() == 3 && m.startsWith(w)) {
        return true;
      }
    }
    return false;
  }
}
