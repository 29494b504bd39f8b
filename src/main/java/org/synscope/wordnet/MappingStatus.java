package org.synscope.wordnet;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.synscope.config.BadInput;

/** How a dataset category was tied to WordNet. */
public enum MappingStatus {
  /** The category gave a wnid and it names a noun synset. */
  EXACT,
  /** The whole label is a noun lemma (see {@link LemmaMatch}) with exactly one sense. */
  UNIQUE,
  /** The whole label is a noun lemma with several senses; the policy chose the primary, all are kept. */
  AMBIGUOUS,
  /** The label is a personal name that is no WordNet individual: placed at person.n.01 itself. */
  PERSON_NAME,
  /** One edit away from exactly one lemma (a low-confidence repair, e.g. {@code tea_cosey}). */
  SPELLING,
  /** A modifier with a sense under the head noun ({@code maple_tree} is maple.n.02, the tree): low confidence. */
  COMPOUND,
  /** An auditor pinned the sense (a {@code --senses} file or a recorded correction). */
  OVERRIDDEN,
  /** No noun synset: kept, searchable, shown as unmapped with the reason and suggestions. */
  UNMAPPED;

  /** The lower-case name used in URLs, JSON and the index ({@code person-name}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for the repairs an auditor should check ({@code spelling}, {@code compound}). */
  public boolean lowConfidence() {
    return this == SPELLING || this == COMPOUND;
  }

  /** Every key, in declaration order, comma separated (for messages). */
  public static String keys() {
    return Arrays.stream(values()).map(MappingStatus::key).collect(Collectors.joining(", "));
  }

  /** Parses the lower-case key. */
  public static MappingStatus parse(String key) {
    for (MappingStatus s : values()) {
      if (s.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new BadInput("unknown mapping status '" + key + "' (use " + keys() + ")");
  }
}
