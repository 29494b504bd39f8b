package org.synscope.audit;

/** A category of a dataset, by its key (normalised label or wnid). */
public record CategoryRef(String dataset, String key) {}
