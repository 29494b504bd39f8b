package org.synscope.wordnet;

import java.util.regex.Pattern;

/** The ImageNet id convention: {@code n} followed by the 8-digit WordNet offset. */
public final class SynsetIds {
  private static final Pattern NAME = Pattern.compile("(.+)\\.n\\.(\\d{1,3})");

  private SynsetIds() {}

  /** True for {@code n02084071}. */
  public static boolean isId(String text) {
    if (text == null || text.length() != 9 || text.charAt(0) != 'n') {
      return false;
    }
    for (int i = 1; i < 9; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The id of a noun offset: 2084071 becomes {@code n02084071}. */
  public static String of(long offset) {
    if (offset < 0 || offset > 99_999_999) {
      return String.format("n%08d", offset);
    }
    String digits = Long.toString(offset);
    return "n" + "00000000".substring(digits.length()) + digits;
  }

  /** The offset of an id. */
  public static long offset(String id) {
    return Long.parseLong(id.substring(1));
  }

  /** True for an NLTK-style noun name such as {@code dog.n.01}. */
  public static boolean isName(String text) {
    return text != null && NAME.matcher(text).matches();
  }

  /** The lemma part of an NLTK-style name, with spaces: {@code domestic_dog.n.01} gives {@code domestic dog}. */
  static String nameLemma(String name) {
    var m = NAME.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a synset name: " + name);
    }
    return m.group(1).replace('_', ' ');
  }

  /** The sense number of an NLTK-style name: {@code dog.n.01} gives 1. */
  static int nameSense(String name) {
    var m = NAME.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a synset name: " + name);
    }
    return Integer.parseInt(m.group(2));
  }

  /** The NLTK-style name of a synset from its first lemma and that lemma's sense number. */
  static String name(String firstLemma, int senseNumber) {
    return firstLemma.toLowerCase(java.util.Locale.ROOT).replace(' ', '_') + ".n."
        + (senseNumber >= 0 && senseNumber < 10 ? "0" + senseNumber : String.format("%02d", senseNumber));
  }
}
