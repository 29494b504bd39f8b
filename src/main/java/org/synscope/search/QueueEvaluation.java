package org.synscope.search;

import java.util.Map;

/**
 * How fast an auditor answering the queue from a truth list finds the unsafe categories.
 *
 * @param dataset the dataset
 * @param pool categories in the pool (the dataset, or the part under a synset)
 * @param unsafe of them, how many the truth list names
 * @param found unsafe found by the learning queue after each number of reviews
 * @param alphabetical the same for label order
 * @param staticOrder the same for the static risk order
 * @param aucStatic ROC AUC of the static risk score over the pool
 * @param transferred decisions from other datasets and lists the queue started from
 */
public record QueueEvaluation(String dataset, int pool, int unsafe, Map<String, Integer> found,
    Map<String, Integer> alphabetical, Map<String, Integer> staticOrder, double aucStatic, int transferred) {}
