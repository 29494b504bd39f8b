package org.synscope.search;

import java.util.List;
import java.util.Map;

/**
 * One indexed category as plain values: everything another engine needs to answer the same questions
 * as synscope (the benchmark loads these into its peer, so both answer over identical data).
 *
 * @param labelSort the sort key of label order
 * @param sense {@code confident} or {@code low} (the sense facet), or null
 * @param senses every sense, primary first
 * @param ancestors the primary sense and all its ancestors, each once (empty when unmapped)
 * @param offensive whether a built-in flag calls it offensive (the hierarchy's flagged column)
 * @param terms per searchable field (label, lemmas, gloss, other_glosses), its analysed terms in order
 */
public record CategoryRecord(String dataset, String key, String label, String labelSort, String synset, String lexfile,
    String status, String sense, Long images, List<String> flags, List<String> senses, List<String> ancestors,
    boolean offensive, Map<String, List<String>> terms) {}
