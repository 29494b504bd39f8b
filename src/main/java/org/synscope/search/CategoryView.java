package org.synscope.search;

import java.util.List;
import org.synscope.index.CategoryDetails;

/**
 * One category in full, as the category page and {@code show} present it.
 *
 * @param hit the category's searchable summary
 * @param details senses, every path, flags with evidence, metadata
 * @param children the primary synset's children with this dataset's counts
 * @param siblings the other children of the primary synset's parents that hold categories of this dataset
 * @param sameSynset categories of every dataset (this one included) whose senses include the primary synset
 */
public record CategoryView(Hit hit, CategoryDetails details, List<NodeCount> children, List<NodeCount> siblings,
    List<Hit> sameSynset) {}
