package org.synscope.search;

/**
 * What an export makes of a hit's values that are fixed in a snapshot: everything a {@link Hit} holds
 * except the audit record's lists (in its flags), review, inheritance, risk and signals, which change
 * without a new snapshot. The searcher keeps each category's encoding until the snapshot is closed (the
 * next import or sense correction), so a second export of the same categories does not redo it; the
 * encoding instance is the key, so it should be a constant.
 */
@FunctionalInterface
public interface FixedEncoding<T> {
  /** The encoding of {@code hit}'s snapshot-fixed values; it must read no other. */
  T encode(Hit hit);
}
