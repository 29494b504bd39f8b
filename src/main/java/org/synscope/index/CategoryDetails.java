package org.synscope.index;

import java.util.List;
import java.util.Map;
import org.synscope.audit.Flag;

/**
 * What a category page shows beyond the searchable fields, stored with the document as JSON so the
 * page never needs WordNet at read time.
 *
 * @param line the source line
 * @param lemma the lemma the label matched (its base form when morphology was used)
 * @param reason why it is unmapped, or a note on how it was mapped
 * @param senses primary first
 * @param paths every hypernym path of the primary sense
 * @param flags every flag with its evidence
 * @param metadata the list's other columns
 */
public record CategoryDetails(int line, String lemma, String reason, List<SenseInfo> senses, List<List<PathNode>> paths,
    List<Flag> flags, Map<String, Object> metadata) {}
