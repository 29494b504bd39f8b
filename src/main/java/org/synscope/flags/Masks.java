package org.synscope.flags;

/**
 * How a slur is masked for display: the first letter of every word kept, the rest starred
 * ({@code chicken_taco} becomes {@code c******_t***}; a synset name keeps its {@code .n.01}).
 */
public final class Masks {
  private Masks() {}

  /** Masks a label. */
  public static String mask(String label) {
    StringBuilder out = new StringBuilder(label.length());
    boolean wordStart = true;
    for (int i = 0; i < label.length(); ) {
      int cp = label.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        if (wordStart) {
          out.appendCodePoint(cp);
        } else {
          out.append('*');
        }
        wordStart = false;
      } else {
        out.appendCodePoint(cp);
        wordStart = true;
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /** Masks the word of a synset name and keeps its part of speech and number: {@code k***.n.01}. */
  public static String maskName(String name) {
    int dot = name.indexOf(".n.");
    return dot < 0 ? mask(name) : mask(name.substring(0, dot)) + name.substring(dot);
  }
}
