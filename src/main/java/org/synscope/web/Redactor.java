package org.synscope.web;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synscope.flags.Flag;
import org.synscope.index.CategoryDetails;
import org.synscope.index.SenseInfo;

/**
 * Masks the words a category page must not show unasked: the words its primary sense is flagged for
 * (a per-word slur is that word; a synset-level slur is every word of the synset), wherever they
 * occur in lemmas, names and evidence. Words flagged only on another sense stay readable: the label
 * itself is not that reading; but a sense whose very name is such a word (cunt.n.01 among bitch's
 * senses) has that name masked, as trees and paths mask it.
 */
final class Redactor {
  private final Pattern terms;
  /** Words masked wherever they stand: see {@link #withWords}. */
  private final MaskedWords anywhere;
  /** A word of {@link #anywhere} left readable: the page's own label, when the page shows it. */
  private final String shown;

  private Redactor(Set<String> words) {
    this(pattern(words), MaskedWords.NONE, null);
  }

  private Redactor(Pattern terms, MaskedWords anywhere, String shown) {
    this.terms = terms;
    this.anywhere = anywhere;
    this.shown = shown;
  }

  private static Pattern pattern(Set<String> words) {
    if (words.isEmpty()) {
      return null;
    }
    StringBuilder alternatives = new StringBuilder();
    words.stream().sorted(Comparator.comparingInt(String::length).reversed()).forEach(w -> {
      alternatives.append(alternatives.isEmpty() ? "" : "|");
      alternatives.append(Pattern.quote(w).replace("\\ ", "[ _]").replace(" ", "[ _]"));
    });
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** Masks these words (a masked label in an image's path: {@code kike/k.png}). */
  static Redactor ofWords(Set<String> words) {
    return new Redactor(words);
  }

  /** Nothing to mask (revealed views, unflagged categories). */
  static Redactor none() {
    return new Redactor(Set.of());
  }

  /** The redactor of a category's page. */
  static Redactor of(String label, boolean labelMasked, CategoryDetails details) {
    Set<String> words = new LinkedHashSet<>();
    if (labelMasked) {
      words.add(label.replace('_', ' '));
    }
    for (Flag f : details.flags()) {
      if (!f.primary() || !org.synscope.flags.BuiltInFlags.marksWords(f)) {
        continue;
      }
      if (f.word() != null) {
        words.add(f.word());
      } else {
        details.senses().stream().filter(s -> s.id().equals(f.synset())).findFirst()
            .ifPresent(s -> words.addAll(s.lemmas()));
      }
    }
    String shown = org.synscope.dataset.CategoryKeys.ofLabel(label);
    for (SenseInfo s : details.senses()) {
      // A sense's masked words, wherever they are shown (trees and paths mask the names too); but not the
      // page's own label when that is shown (suit.n.03, the businessman, disparages a rare sense of suit).
      for (String w : s.maskedWords()) {
        if (!org.synscope.dataset.CategoryKeys.ofLabel(w).equals(shown)) {
          words.add(w);
        }
      }
    }
    return new Redactor(words);
  }

  /**
   * This redactor that also masks, in every text, each word a label would be masked for ({@code words},
   * from {@link org.synscope.flags.BuiltInFlags#maskedWords}): a signal's reason names runts and
   * hillbillies on pages whose own words are not those. {@code shown} (may be null) stays readable.
   */
  Redactor withWords(MaskedWords words, String shown) {
    return new Redactor(terms, words, shown == null ? null : shown.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
  }

  /** True when it masks anything: the page's own words, or a word of {@link #withWords} it met in a text. */
  boolean active() {
    return terms != null || maskedAnywhere;
  }

  /** Set when {@link #maskAnywhere} masked a word (a redactor is made per page, and used by one thread). */
  private boolean maskedAnywhere;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}\\p{N}]+)*");

  /** Masks each run of 1 to {@code anywhere.longest()} words (joined by a space, _ or -) that it holds. */
  private String maskAnywhere(String text) {
    if (anywhere.words().isEmpty() || text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = WORD.matcher(text);
    List<int[]> spans = new java.util.ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < spans.size(); i++) {
      for (int n = Math.min(anywhere.longest(), spans.size() - i); n >= 1; n--) {
        if (!joined(text, spans, i, n)) {
          continue;
        }
        String phrase = text.substring(spans.get(i)[0], spans.get(i + n - 1)[1]);
        String key = phrase.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (held(key) && !key.equals(shown)) {
          if (out == null) {
            out = new StringBuilder(text.length());
          }
          out.append(text, copied, spans.get(i)[0]).append(Masking.mask(phrase));
          maskedAnywhere = true;
          copied = spans.get(i + n - 1)[1];
          i += n - 1;
          break;
        }
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * True when {@link #anywhere} holds the phrase (its words joined by spaces or hyphens), or its last word
   * without a plural or possessive ending: a user's cue or evidence says "niggers" and "runt's".
   */
  private boolean held(String key) {
    String spaced = key.replace('-', ' ');
    for (String k : new String[] {key, spaced}) {
      if (anywhere.words().contains(k)) {
        return true;
      }
      for (String ending : new String[] {"'s", "\u2019s", "es", "s"}) {
        if (k.endsWith(ending) && k.length() > ending.length() + 2
            && anywhere.words().contains(k.substring(0, k.length() - ending.length()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when words i to i + n - 1 are separated by one space, _ or - each. */
  private static boolean joined(String text, List<int[]> spans, int i, int n) {
    for (int k = i; k < i + n - 1; k++) {
      int gap = spans.get(k + 1)[0] - spans.get(k)[1];
      char c = text.charAt(spans.get(k)[1]);
      if (gap != 1 || (c != ' ' && c != '_' && c != '-')) {
        return false;
      }
    }
    return true;
  }

  /** A sense correction with its label, synset names and rationale masked. */
  org.synscope.audit.SenseCorrection correction(org.synscope.audit.SenseCorrection c) {
    return new org.synscope.audit.SenseCorrection(c.seq(), c.id(), c.at(), c.user(), c.dataset(), c.category(),
        apply(c.label()), c.before(), apply(c.beforeName()), c.after(), apply(c.afterName()), apply(c.rationale()));
  }

  /** The text with every sensitive word masked. */
  String apply(String text) {
    if (terms == null || text == null) {
      return maskAnywhere(text);
    }
    Matcher m = terms.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Masking.mask(m.group())));
    }
    m.appendTail(out);
    return maskAnywhere(out.toString());
  }

  List<String> apply(List<String> texts) {
    return texts.stream().map(this::apply).toList();
  }

  Masking.HitView hit(Masking.HitView h) {
    return terms == null ? h : new Masking.HitView(h.hit(), h.url(), apply(h.display()), apply(h.displayName()), h.masked(),
        h.highlighted(), h.breadcrumbs());
  }

  Masking.NodeView node(Masking.NodeView n) {
    return terms == null ? n : new Masking.NodeView(n.count(), apply(n.display()), n.url());
  }

  SenseInfo apply(SenseInfo s) {
    return new SenseInfo(s.id(), apply(s.name()), apply(s.lemmas()), apply(s.definition()), apply(s.examples()),
        s.lexFile(), s.maskedWords());
  }
}
