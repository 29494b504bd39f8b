package org.synscope.cli;

/**
 * Text for a terminal: control characters and bidirectional-text controls in labels (a list may hold
 * them by mistake or by malice: U+202E turns a line around, ESC sequences recolour or clear the screen)
 * are shown as visible escapes such as {@code \\u202e}. JSON and CSV output keeps the data as it is.
 */
final class Terminal {
  private Terminal() {}

  /** The text with every control and bidi-control character written as {@code \\uXXXX}. */
  static String safe(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hidden = Character.isISOControl(c) || c == '\u061c' || c == '\u200e' || c == '\u200f'
          || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
      if (hidden && out == null) {
        out = new StringBuilder(text.substring(0, i));
      }
      if (out != null) {
        if (hidden) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
