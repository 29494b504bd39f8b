package org.synscope.flags;

import java.util.Objects;

/**
 * One reason to look at a category, with its evidence.
 *
 * @param name the flag, e.g. {@code ethnic-slur}, {@code offensive-gloss}, {@code person}
 * @param source where it comes from: {@code wordnet-usage}, {@code gloss} or {@code hierarchy}
 * @param synset the sense it holds on (id)
 * @param synsetName that sense's NLTK-style name
 * @param primary true when it holds on the category's primary sense, false when only on another
 *     sense of an ambiguous label
 * @param word the word WordNet marks, for per-word usage pointers; otherwise {@code null}
 * @param evidence a sentence saying what was found, e.g. the gloss phrase
 */
public record Flag(String name, String source, String synset, String synsetName, boolean primary,
    String word, String evidence) {

  public Flag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(evidence, "evidence");
  }
}
