package org.synscope.wordnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One WordNet noun synset as synscope uses it, free of extJWNL types.
 *
 * @param id the ImageNet-style id, {@code n} and the 8-digit offset
 * @param name the NLTK-style name, e.g. {@code dog.n.01}
 * @param lemmas the words of the synset in WordNet order, with spaces ({@code domestic dog})
 * @param definition the gloss without its examples
 * @param examples the quoted usage examples of the gloss
 * @param lexFile the lexicographer file, e.g. {@code noun.animal}
 * @param hypernyms ids of the (class) hypernyms
 * @param instanceHypernyms ids of the instance hypernyms ({@code @i}: Einstein is an instance of physicist)
 * @param domains usage, topic and region pointers, per word where WordNet gives them per word
 */
public record NounSynset(
    String id,
    String name,
    List<String> lemmas,
    String definition,
    List<String> examples,
    String lexFile,
    List<String> hypernyms,
    List<String> instanceHypernyms,
    List<DomainPointer> domains) {

  /** WordNet's 26 noun lexicographer files (the same in 2.1, 3.0 and 3.1). */
  public static final List<String> NOUN_LEX_FILES = List.of("noun.Tops", "noun.act", "noun.animal", "noun.artifact",
      "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food",
      "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant",
      "noun.possession", "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state",
      "noun.substance", "noun.time");

  public NounSynset {
    Objects.requireNonNull(id, "id");
    if (!SynsetIds.isId(id)) {
      throw new IllegalArgumentException("synset id must be n + 8 digits: " + id);
    }
    Objects.requireNonNull(name, "name");
    lemmas = List.copyOf(lemmas);
    if (lemmas.isEmpty()) {
      throw new IllegalArgumentException("synset " + id + " has no lemma");
    }
    definition = definition == null ? "" : definition;
    examples = List.copyOf(examples);
    lexFile = lexFile == null ? "" : lexFile;
    hypernyms = List.copyOf(hypernyms);
    instanceHypernyms = List.copyOf(instanceHypernyms);
    domains = List.copyOf(domains);
  }

  /** Hypernyms and instance hypernyms together: every edge towards entity.n.01. */
  public List<String> parents() {
    if (instanceHypernyms.isEmpty()) {
      return hypernyms;
    }
    List<String> all = new ArrayList<>(hypernyms);
    all.addAll(instanceHypernyms);
    return all;
  }

  /** The first lemma, the synset's usual display word. */
  public String headword() {
    return lemmas.get(0);
  }
}
