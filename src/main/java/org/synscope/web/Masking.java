package org.synscope.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.search.Highlight;
import org.synscope.search.Hit;

/**
 * Harm-aware display: labels whose primary sense is flagged as a slur or obscenity are masked in
 * lists (first letter kept: {@code n****r}) unless the view asks to reveal them. Search still finds
 * them; the flag is shown beside the mask.
 */
public final class Masking {
  /** Flags whose words are masked by default. */
  public static final Set<String> MASKED_FLAGS = Set.of("ethnic-slur", "obscenity", "disparagement");

  private final boolean reveal;

  public Masking(boolean reveal) {
    this.reveal = reveal;
  }

  /** True when a hit's label is to be masked in this view. */
  public boolean masks(Hit hit) {
    return !reveal && hit.primaryFlags().stream().anyMatch(MASKED_FLAGS::contains);
  }

  /** A hit as a list shows it. */
  public SearchPage.HitView view(Hit hit) {
    boolean masked = masks(hit);
    String display = masked ? mask(hit.label()) : hit.label();
    Map<String, List<String>> highlighted = new java.util.LinkedHashMap<>();
    hit.highlights().forEach((field, h) -> highlighted.put(field, pieces(field, h, masked)));
    return new SearchPage.HitView(hit, SearchUrls.category(hit.dataset(), hit.key()), display, masked, highlighted);
  }

  private static List<String> pieces(String field, Highlight h, boolean masked) {
    if (!masked || !field.equals("label")) {
      return h.pieces();
    }
    return h.pieces().stream().map(Masking::mask).toList();
  }

  /** Keeps the first letter of every word and stars the rest: {@code chicken_taco} becomes {@code c******_t***}. */
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
}
