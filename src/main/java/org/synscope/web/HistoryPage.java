package org.synscope.web;

import java.util.List;
import org.synscope.audit.Review;

/**
 * Recent review changes across the index, newest first, filterable by reviewer, dataset and bulk
 * action; and its JSON twin.
 */
public record HistoryPage(String user, String dataset, String bulk, int page, int pages, long total, List<Entry> changes,
    String previous, String next) {

  /** A change with the link to its category. */
  public record Entry(@com.fasterxml.jackson.annotation.JsonUnwrapped Review review, String url, String display) {}

  /** Changes per page. */
  static final int SIZE = 100;
}
