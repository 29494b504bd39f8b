package org.synscope.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.synscope.config.BadInput;

/**
 * One search: query text, filters and paging. Validates itself, so a bad page size never reaches
 * Lucene.
 *
 * @param query Lucene query syntax over label, lemmas and glosses; blank matches everything
 * @param under a synset id or NLTK-style name: only categories below it (inclusive); may be null
 * @param selections per facet, the values kept and dropped
 * @param meta metadata filters, all of which must hold
 * @param sort result order
 * @param page 1-based page
 * @param size hits per page
 */
public record SearchRequest(String query, String under, Map<Facet, Selection> selections, List<MetaFilter> meta,
    SortOrder sort, int page, int size) {
  /** Largest page size. */
  public static final int MAX_SIZE = 500;
  /** Deepest hit a page may reach; whole results are exported, not paged. */
  public static final int MAX_DEPTH = 10_000;
  /** Page size when none is given. */
  public static final int DEFAULT_SIZE = 50;

  public SearchRequest {
    query = query == null ? "" : query.strip();
    under = under == null || under.isBlank() ? null : under.strip();
    var copy = new EnumMap<Facet, Selection>(Facet.class);
    selections.forEach((f, s) -> {
      if (!s.isEmpty()) {
        copy.put(f, s);
      }
    });
    selections = java.util.Collections.unmodifiableMap(copy);
    meta = List.copyOf(meta);
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    if (size < 1 || size > MAX_SIZE) {
      throw new BadInput("size must be 1 to " + MAX_SIZE + ", was " + size);
    }
    if (page < 1) {
      throw new BadInput("page must be 1 or more, was " + page);
    }
    if ((long) (page - 1) * size >= MAX_DEPTH) { // the last page may stop short at MAX_DEPTH
      throw new BadInput("page " + page + " of size " + size + " starts past hit " + MAX_DEPTH
          + "; narrow the search, or export the whole result as CSV or JSONL");
    }
  }

  /** Everything, first page. */
  public static SearchRequest all() {
    return new SearchRequest("", null, Map.of(), List.of(), SortOrder.RELEVANCE, 1, DEFAULT_SIZE);
  }

  /** The same request with another query, back on page 1. */
  public SearchRequest withQuery(String q) {
    return new SearchRequest(q, under, selections, meta, sort, 1, size);
  }

  /** The same request below another node ({@code null}: the whole hierarchy), back on page 1. */
  public SearchRequest withUnder(String node) {
    return new SearchRequest(query, node, selections, meta, sort, 1, size);
  }

  /** The same request with one facet's selection replaced, back on page 1. */
  public SearchRequest withSelection(Facet facet, Selection selection) {
    var all = new EnumMap<Facet, Selection>(Facet.class);
    all.putAll(selections);
    all.put(facet, selection);
    return new SearchRequest(query, under, all, meta, sort, 1, size);
  }

  /** The same request with other metadata filters, back on page 1. */
  public SearchRequest withMeta(List<MetaFilter> filters) {
    return new SearchRequest(query, under, selections, filters, sort, 1, size);
  }

  /** The same request in another order, back on page 1. */
  public SearchRequest withSort(SortOrder order) {
    return new SearchRequest(query, under, selections, meta, order, 1, size);
  }

  /** Another page of the same request. */
  public SearchRequest withPage(int newPage) {
    return new SearchRequest(query, under, selections, meta, sort, newPage, size);
  }

  /** The same request with another page size. */
  public SearchRequest withSize(int newSize) {
    return new SearchRequest(query, under, selections, meta, sort, page, newSize);
  }

  /** The selection of a facet (empty when it has none). */
  public Selection selection(Facet facet) {
    return selections.getOrDefault(facet, Selection.NONE);
  }
}
