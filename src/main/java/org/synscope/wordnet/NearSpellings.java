package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Lemmas one edit (insert, delete, substitute or swap two neighbours) from a label, with as many words. */
final class NearSpellings {
  /**
   * Lemmas are looked up by length and their first or last {@value} characters. One edit of a label
   * of at least {@code 2 * ENDS + 1} characters leaves its first or its last {@value} characters as
   * they are, so the lemmas one edit away lie in those two buckets (a few dozen, not every lemma of
   * three lengths).
   */
  private static final int ENDS = 2;

  private final Lexicon lexicon;
  private volatile Index index;

  NearSpellings(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The lemmas by length, and by length with their first or last characters. */
  private record Index(Map<Integer, List<String>> byLength, Map<String, List<String>> byEnds) {}

  /** The lemmas one edit from {@code label} that have its number of words, in sorted order. */
  List<String> oneEdit(String label) {
    int words = label.split(" ").length;
    TreeSet<String> out = new TreeSet<>();
    for (int len = label.length() - 1; len <= label.length() + 1; len++) {
      for (String lemma : candidates(label, len)) {
        if (!lemma.equals(label) && oneEdit(label, lemma) && lemma.split(" ").length == words) {
          out.add(lemma);
        }
      }
    }
    return List.copyOf(out);
  }

  /** Lemmas of length {@code len} that can be one edit from the label: every one, or those of its two buckets. */
  private List<String> candidates(String label, int len) {
    Index idx = index();
    if (label.length() < 2 * ENDS + 1) {
      return idx.byLength().getOrDefault(len, List.of());
    }
    List<String> both = new ArrayList<>(idx.byEnds().getOrDefault(first(len, label), List.of()));
    both.addAll(idx.byEnds().getOrDefault(last(len, label), List.of()));
    return both;
  }

  /** The lemmas that fit a label where one character ({@code ?} position) is an unknown letter. */
  List<String> withUnknownLetter(String label, int at) {
    List<String> out = new ArrayList<>();
    for (String lemma : index().byLength().getOrDefault(label.length(), List.of())) {
      if (Character.isLetter(lemma.charAt(at)) && lemma.regionMatches(0, label, 0, at)
          && lemma.regionMatches(at + 1, label, at + 1, label.length() - at - 1)) {
        out.add(lemma);
      }
    }
    return out;
  }

  static boolean oneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      if (i == la) {
        return false;
      }
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
        return true; // substitution
      }
      return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2); // swap
    }
    return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
  }

  /** The bucket of lemmas of length {@code len} that start like {@code text}. */
  private static String first(int len, String text) {
    return len + "<" + text.substring(0, ENDS);
  }

  /** The bucket of lemmas of length {@code len} that end like {@code text}. */
  private static String last(int len, String text) {
    return len + ">" + text.substring(text.length() - ENDS);
  }

  private Index index() {
    Index idx = index;
    if (idx != null) {
      return idx;
    }
    synchronized (this) {
      if (index != null) {
        return index;
      }
      Map<Integer, List<String>> byLength = new HashMap<>();
      Map<String, List<String>> byEnds = new HashMap<>();
      for (String lemma : lexicon.lemmas()) {
        byLength.computeIfAbsent(lemma.length(), k -> new ArrayList<>()).add(lemma);
        if (lemma.length() >= ENDS) {
          byEnds.computeIfAbsent(first(lemma.length(), lemma), k -> new ArrayList<>()).add(lemma);
          byEnds.computeIfAbsent(last(lemma.length(), lemma), k -> new ArrayList<>()).add(lemma);
        }
      }
      index = idx = new Index(byLength, byEnds);
      return idx;
    }
  }
}
