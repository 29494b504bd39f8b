package org.synscope.wordnet;

/**
 * One candidate sense as the disambiguation scored it.
 *
 * @param id synset id
 * @param name NLTK-style name
 * @param score the sense's share of the evidence, 0..1 (the candidates' scores sum to 1)
 */
public record SenseScore(String id, String name, double score) {}
