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

  private Redactor(Set<String> words) {
    if (words.isEmpty()) {
      terms = null;
      return;
    }
    StringBuilder alternatives = new StringBuilder();
    words.stream().sorted(Comparator.comparingInt(String::length).reversed()).forEach(w -> {
      alternatives.append(alternatives.isEmpty() ? "" : "|");
      alternatives.append(Pattern.quote(w).replace("\\ ", "[ _]").replace(" ", "[ _]"));
    });
    terms = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
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

  /** True when it masks anything. */
  boolean active() {
    return terms != null;
  }

  /** A sense correction with its label, synset names and rationale masked. */
  org.synscope.audit.SenseCorrection correction(org.synscope.audit.SenseCorrection c) {
    return new org.synscope.audit.SenseCorrection(c.seq(), c.id(), c.at(), c.user(), c.dataset(), c.category(),
        apply(c.label()), c.before(), apply(c.beforeName()), c.after(), apply(c.afterName()), apply(c.rationale()));
  }

  /** The text with every sensitive word masked. */
  String apply(String text) {
    if (terms == null || text == null) {
      return text;
    }
    Matcher m = terms.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Masking.mask(m.group())));
    }
    m.appendTail(out);
    return out.toString();
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
