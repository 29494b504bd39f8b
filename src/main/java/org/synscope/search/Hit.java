package org.synscope.search;

import java.util.List;
import java.util.Map;
import org.synscope.index.PathNode;

/**
 * One matching category.
 *
 * @param dataset its dataset
 * @param key its key in the dataset (used in its URL)
 * @param label the label as the list wrote it
 * @param synset primary synset id, or {@code null} when unmapped
 * @param name primary synset name, or {@code null}
 * @param images image count, or {@code null} when unknown
 * @param status mapping status
 * @param match how the label matched its lemma (whole, inflection, apostrophe, lost-letter, list), or null
 * @param sense whether the primary sense is a confident choice ({@code confident}, {@code low}), or null when unmapped
 * @param flags flags holding on any sense
 * @param primaryFlags flags holding on the primary sense
 * @param gloss definition of the primary sense
 * @param path one hypernym path, root first
 * @param highlights matches in the label and gloss as plain-text pieces: see {@link Highlight}
 * @param review the category's effective review status, or null when unreviewed
 * @param reviewFrom when the status is inherited, the category whose review (for its descendants)
 *     decides it, as {@code dataset/key}; otherwise null
 * @param sensitive true when the label as shown is a slur, obscenity or disparagement (lists mask it)
 * @param risk the risk level: {@code high}, {@code medium} or {@code low}
 * @param riskScore the risk score, 0..1 (see RiskWeights)
 * @param signals the sensitive-attribute signals that mark it
 * @param otherSignals the signals that mark it only through another sense of its word that is not a
 *     rare one (the label is the word; they count in the risk score like {@code signals})
 */
public record Hit(String dataset, String key, String label, String synset, String name, Long images, String status,
    String match, String sense, List<String> flags, List<String> primaryFlags, String gloss, List<PathNode> path, Map<String, Highlight> highlights,
    String review, String reviewFrom, boolean sensitive, String risk, double riskScore, List<String> signals,
    List<String> otherSignals) {}
