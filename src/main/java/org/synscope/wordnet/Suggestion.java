package org.synscope.wordnet;

/**
 * A synset an unmapped label could be given, one {@code --senses} line (or one click) from applied.
 *
 * @param id synset id
 * @param name NLTK-style name
 * @param why how it was found ({@code head noun of 'police office'}, {@code one edit from 'tea cosy'})
 */
public record Suggestion(String id, String name, String why) {}
