package org.synscope.wordnet;

import java.util.LinkedHashSet;
import java.util.List;
import org.synscope.dataset.CategoryKeys;

/**
 * Turns a dataset label into the form WordNet lemmas are looked up in: Unicode NFC, lower case,
 * {@code _} as space, typographic apostrophes as {@code '}, single spaces.
 */
public final class LabelNormalizer {
  private LabelNormalizer() {}

  /** The normalised form of a label; also the key that decides whether two labels are duplicates. */
  public static String normalize(String label) {
    return CategoryKeys.ofLabel(label).replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'');
  }

  /** The names a label gives, normalised, in order: the parts of {@code tench, Tinca tinca}, or the label alone. */
  public static java.util.Set<String> names(String label) {
    java.util.Set<String> out = new LinkedHashSet<>();
    for (String part : normalize(label).split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** A synset's distinct names, normalised, first name first. */
  public static java.util.Set<String> names(NounSynset s) {
    java.util.Set<String> out = new LinkedHashSet<>();
    for (String lemma : s.lemmas()) {
      out.add(normalize(lemma));
    }
    return out;
  }

  /**
   * Spellings to try in turn for a normalised label. Initials appear both as {@code a. a. michelson}
   * and {@code a.a. michelson} in WordNet releases, and lists sometimes drop the periods.
   */
  static List<String> variants(String normalized) {
    var out = new LinkedHashSet<String>();
    out.add(normalized);
    if (normalized.indexOf('.') >= 0) {
      out.add(normalized.replaceAll("\\.\\s+(?=\\p{L}\\.)", "."));
      out.add(normalized.replaceAll("\\.(?=\\p{L})", ". "));
      out.add(normalized.replace(".", "").replaceAll("\\s+", " ").strip());
    }
    return List.copyOf(out);
  }
}
