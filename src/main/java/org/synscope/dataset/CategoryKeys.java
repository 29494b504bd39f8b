package org.synscope.dataset;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key that identifies a category inside its dataset: the normalised label (case, {@code _} and
 * spaces folded) or, for a wnid-only row, the wnid. Two rows with the same key are duplicates.
 */
public final class CategoryKeys {
  private CategoryKeys() {}

  private static final java.util.regex.Pattern WNID = java.util.regex.Pattern.compile("n\\d{8}");

  /** True for the ImageNet id shape, {@code n} and 8 digits ({@code n02084071}). */
  public static boolean isWnid(String text) {
    return text != null && WNID.matcher(text).matches();
  }

  /** The key of a record. */
  public static String of(LabelRecord record) {
    return record.label() != null ? ofLabel(record.label()) : record.wnid();
  }

  /** The key of a label. */
  public static String ofLabel(String label) {
    if (alreadyKey(label)) {
      return label; // most labels and lemmas: skip the normaliser and the regex (called for every one)
    }
    String s = Normalizer.normalize(label, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    return s.replace('_', ' ').replaceAll("\\s+", " ");
  }

  /**
   * True when the slow path would return the label unchanged: printable ASCII (which NFC keeps as
   * it is) without upper case, {@code _}, surrounding spaces or two spaces in a row.
   */
  private static boolean alreadyKey(String label) {
    int n = label.length();
    if (n == 0 || label.charAt(0) == ' ' || label.charAt(n - 1) == ' ') {
      return n == 0;
    }
    for (int i = 0; i < n; i++) {
      char c = label.charAt(i);
      if (c < ' ' || c > '~' || (c >= 'A' && c <= 'Z') || c == '_' || (c == ' ' && label.charAt(i - 1) == ' ')) {
        return false;
      }
    }
    return true;
  }
}
