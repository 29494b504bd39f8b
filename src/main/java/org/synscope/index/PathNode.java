package org.synscope.index;

/** One node of a hypernym path: synset id and NLTK-style name. */
public record PathNode(String id, String name) {}
