package org.synscope.web;

import java.util.List;

/**
 * The confirmation before a review of every category of a view: it states how many categories and
 * images the decision touches, and carries the view's parameters and that count back with the form,
 * so the server refuses the write if the view has changed meanwhile. {@code bulk} is the id the action
 * will be recorded under, made with the page: the same confirmation sent twice (a double click, a resent
 * form) records once.
 */
public record BulkPage(String query, long categories, long images, List<SearchPage.Chip> filters,
    List<SearchPage.Param> params, String backUrl, List<String> sample, String bulk) {

  /** The most categories one bulk review may touch. */
  static final int LIMIT = 20_000;

  /** Whether the view holds more than a bulk review may touch (the page says so instead of offering a doomed form). */
  public boolean tooMany() {
    return categories > LIMIT;
  }

  /** {@link #LIMIT}, for the page. */
  public int limit() {
    return LIMIT;
  }
}
