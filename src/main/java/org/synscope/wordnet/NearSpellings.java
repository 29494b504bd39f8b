package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lemmas one edit (insert, delete, substitute or swap two neighbours) from a label, with as many words. */
final class NearSpellings {
  private final Lexicon lexicon;
  private volatile Map<Integer, List<String>> byLength;

  NearSpellings(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The lemmas one edit from {@code label} that have its number of words, in sorted order. */
  List<String> oneEdit(String label) {
    int words = label.split(" ").length;
    List<String> out = new ArrayList<>();
    for (int len = label.length() - 1; len <= label.length() + 1; len++) {
      for (String lemma : index().getOrDefault(len, List.of())) {
        if (!lemma.equals(label) && oneEdit(label, lemma) && lemma.split(" ").length == words) {
          out.add(lemma);
        }
      }
    }
    out.sort(null);
    return out;
  }

  /** The lemmas that fit a label where one character ({@code ?} position) is an unknown letter. */
  List<String> withUnknownLetter(String label, int at) {
    List<String> out = new ArrayList<>();
    for (String lemma : index().getOrDefault(label.length(), List.of())) {
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

  private Map<Integer, List<String>> index() {
    Map<Integer, List<String>> idx = byLength;
    if (idx == null) {
      Map<Integer, List<String>> built = new HashMap<>();
      for (String lemma : lexicon.lemmas()) {
        built.computeIfAbsent(lemma.length(), k -> new ArrayList<>()).add(lemma);
      }
      byLength = idx = built;
    }
    return idx;
  }
}
