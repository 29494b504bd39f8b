package org.synscope.wordnet;

/**
 * A WordNet domain pointer ({@code ;u} usage, {@code ;c} topic, {@code ;r} region).
 *
 * @param kind {@code usage}, {@code topic} or {@code region}
 * @param targetId id of the domain synset, e.g. the id of {@code ethnic slur}
 * @param domain the domain's headword, e.g. {@code ethnic slur}, {@code slang}, {@code Mexico}
 * @param word the lemma the pointer starts from when WordNet marks one word only (a lexical
 *     pointer: in {Black, Black person, blackamoor, ...} only blackamoor is an ethnic slur), or
 *     {@code null} when it holds for the whole synset
 */
public record DomainPointer(String kind, String targetId, String domain, String word) {

  /** True when the pointer holds for the whole synset rather than one of its words. */
  public boolean synsetLevel() {
    return word == null;
  }
}
