package org.synscope.web;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.synscope.flags.BuiltInFlags;
import org.synscope.wordnet.Lexicon;

/** The words a label would be masked for, per lexicon, made once: pages mask them in free text. */
final class MaskedWords {
  private static final Map<Lexicon, Set<String>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

  private MaskedWords() {}

  static Set<String> of(Lexicon lexicon) {
    return CACHE.computeIfAbsent(lexicon, BuiltInFlags::maskedWords);
  }
}
