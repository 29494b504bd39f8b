package org.synscope.search;

import java.util.List;
import org.synscope.audit.Review;
import org.synscope.flags.Flag;
import org.synscope.index.CategoryDetails;

/**
 * One category in full, as the category page and {@code show} present it.
 *
 * @param hit the category's searchable summary
 * @param details senses, every path, flags with evidence, metadata
 * @param children the primary synset's children with this dataset's counts
 * @param siblings the other children of the primary synset's parents that hold categories of this dataset
 * @param sameSynset categories of every dataset (this one included) whose senses include the primary synset
 * @param review the category's effective review and where it comes from
 * @param history the category's own reviews, oldest first
 * @param listFlags the imported flag lists it is on, then the signals that mark it, each with its evidence
 * @param risk the risk score and every piece of evidence with its weight
 */
public record CategoryView(Hit hit, CategoryDetails details, List<NodeCount> children, List<NodeCount> siblings,
    List<Hit> sameSynset, ReviewState review, List<Review> history, List<Flag> listFlags, Risk risk) {

  /** The risk of a category: its level, its score, and why (each piece of evidence with its weight). */
  public record Risk(String level, double score, List<org.synscope.risk.RiskWeights.Evidence> because) {}

  /**
   * The effective review: its status ({@code null}: unreviewed), the review that decides it, and
   * whether that review is an ancestor's, holding for its descendants.
   */
  public record ReviewState(String status, Review decidedBy, boolean inherited) {
    static final ReviewState NONE = new ReviewState(null, null, false);
  }
}
