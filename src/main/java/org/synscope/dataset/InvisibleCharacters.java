package org.synscope.dataset;

import java.util.Locale;

/**
 * Characters nobody sees: control characters and format characters (a zero-width space, U+200B; a
 * bidi override, U+202E). In a label they make a category that looks like another; in a rationale they
 * print reversed or as boxes. Labels and rationales with one are refused, naming it.
 */
public final class InvisibleCharacters {
  private InvisibleCharacters() {}

  /**
   * The first such character of {@code text} described ("an invisible character U+200B (ZERO WIDTH
   * SPACE) at position 6"), or null when there is none; {@code allowed} lists control characters that
   * have a meaning where the text comes from.
   */
  public static String first(String text, String allowed) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int type = Character.getType(c);
      // A lone surrogate (half of a pair, from JSON's "\ud800") is no character: written to a UTF-8 journal it
      // became '?', so what was read back differed from what was acknowledged.
      if ((type == Character.CONTROL && allowed.indexOf(c) < 0) || type == Character.FORMAT || type == Character.SURROGATE) {
        String name = Character.getName(c);
        return String.format(Locale.ROOT, "an invisible character U+%04X%s at position %d", c,
            name == null ? "" : " (" + name + ")", text.codePointCount(0, i) + 1);
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /** A rationale as given, or a {@link org.synscope.config.BadInput} naming its invisible character; lines and tabs are fine. */
  public static String visibleRationale(String rationale) {
    String found = rationale == null ? null : first(rationale, "\n\r\t");
    if (found != null) {
      throw new org.synscope.config.BadInput("the rationale has " + found + "; remove it");
    }
    return rationale;
  }
}
