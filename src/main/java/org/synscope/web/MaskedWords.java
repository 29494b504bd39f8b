package org.synscope.web;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.synscope.flags.BuiltInFlags;
import org.synscope.wordnet.Lexicon;

/**
 * The words a label would be masked for (lower case, spaces between their words), per lexicon, made once:
 * pages mask them in free text.
 *
 * @param words the words
 * @param longest the most words one of them has, how far a text is scanned ahead
 */
record MaskedWords(Set<String> words, int longest) {
  private static final Map<Lexicon, MaskedWords> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

  /** None: a page that masks only its own words. */
  static final MaskedWords NONE = of(Set.of());

  static MaskedWords of(Lexicon lexicon) {
    return CACHE.computeIfAbsent(lexicon, l -> of(BuiltInFlags.maskedWords(l)));
  }

  static MaskedWords of(Set<String> words) {
    return new MaskedWords(Set.copyOf(words), words.stream().mapToInt(w -> w.split(" ").length).max().orElse(0));
  }
}
