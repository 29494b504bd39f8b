package org.synscope.dataset;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key that identifies a category inside its dataset: the normalised label (case, {@code _} and
 * spaces folded) or, for a wnid-only row, the wnid. Two rows with the same key are duplicates.
 */
public final class CategoryKeys {
  private CategoryKeys() {}

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\p{Zs}");
  private static final java.util.regex.Pattern WNID = java.util.regex.Pattern.compile("n\\d{8}");

  /** True for the ImageNet id shape, {@code n} and 8 digits ({@code n02084071}). */
  public static boolean isWnid(String text) {
    return text != null && WNID.matcher(text).matches();
  }

  private static final java.util.regex.Pattern ANY_ID = java.util.regex.Pattern.compile("[nvasrNVASR]\\d{8}");

  /**
   * True for anything written as a WordNet id, of any part of speech and in either case ({@code v01926311},
   * {@code N02084071}): never a label, since WordNet would read it as the word n (nitrogen) or v (volt).
   */
  public static boolean looksLikeWnid(String text) {
    return text != null && ANY_ID.matcher(text).matches();
  }

  private static final java.util.regex.Pattern NEAR_ID = java.util.regex.Pattern.compile("[nvasrNVASR]\\d{5,}\\S*");

  /**
   * True for what is written as a WordNet id or nearly one: a part-of-speech letter and five or more digits,
   * maybe more after them ({@code n0208407}, {@code n020840711}, {@code n02084071#x}). No label is written so.
   */
  public static boolean nearWnid(String text) {
    return text != null && NEAR_ID.matcher(text).matches();
  }

  /** The key of a record. */
  public static String of(LabelRecord record) {
    return record.label() != null ? ofLabel(record.label()) : record.wnid();
  }

  /** The key of a label. */
  public static String ofLabel(String label) {
    String key = asciiKey(label);
    if (key != null) {
      return key; // nearly every label and lemma: one pass instead of the normaliser and a regex
    }
    // A no-break or other Unicode space is a space: horse and horse\u00a0 are one category.
    String s = SPACES.matcher(Normalizer.normalize(label, Normalizer.Form.NFC)).replaceAll(" ").strip()
        .toLowerCase(Locale.ROOT);
    return s.replace('_', ' ').replaceAll("\\s+", " ");
  }

  /**
   * The key of an ASCII label in one pass, the same as the general path gives (NFC keeps ASCII as it
   * is): surrounding whitespace stripped, upper case lowered, then {@code _} as a space and every run
   * of {@code \s} characters as one space. Null for other text.
   */
  private static String asciiKey(String label) {
    int n = label.length();
    for (int i = 0; i < n; i++) {
      if (label.charAt(i) > 127) {
        return null;
      }
    }
    int start = 0;
    int end = n;
    while (start < end && Character.isWhitespace(label.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(label.charAt(end - 1))) {
      end--;
    }
    char[] out = new char[end - start];
    int w = 0;
    boolean changed = start > 0 || end < n;
    boolean inRun = false;
    for (int i = start; i < end; i++) {
      char c = label.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
        changed = true;
      } else if (c == '_') {
        c = ' ';
        changed = true;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        if (inRun || c != ' ') {
          changed = true;
        }
        if (!inRun) {
          out[w++] = ' ';
        }
        inRun = true;
      } else {
        out[w++] = c;
        inRun = false;
      }
    }
    return changed ? new String(out, 0, w) : label;
  }
}
