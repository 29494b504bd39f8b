package org.synscope.search;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.synscope.config.BadInput;

/**
 * A search of a dataset's images: words (filename, URL words, text metadata), a node of the
 * hierarchy, one category, and metadata facet values ({@code engine=google}, {@code domain=flickr.com},
 * {@code year=2007}, a table's column), one page of them.
 *
 * @param filters per facet name, the values kept (any of them)
 */
public record ImageRequest(String dataset, String query, String under, String category, Map<String, Set<String>> filters,
    int page, int size) {

  public static final int DEFAULT_SIZE = 100;
  public static final int MAX_SIZE = 500;

  public ImageRequest {
    query = query == null ? "" : query.strip();
    filters = java.util.Collections.unmodifiableMap(new TreeMap<>(filters == null ? Map.of() : filters));
    if (page < 1 || size < 1 || size > MAX_SIZE) {
      throw new BadInput("page must be 1 or more and size 1 to " + MAX_SIZE + " (got page " + page + ", size " + size + ")");
    }
    if ((long) (page - 1) * size >= SearchRequest.MAX_DEPTH) { // the last page may stop short at MAX_DEPTH
      throw new BadInput("page " + page + " of size " + size + " starts past image " + SearchRequest.MAX_DEPTH
          + "; narrow the search instead");
    }
  }

  /** The same request without one facet's filter (its counts drill sideways). */
  ImageRequest without(String facet) {
    Map<String, Set<String>> rest = new TreeMap<>(filters);
    rest.remove(facet);
    return new ImageRequest(dataset, query, under, category, rest, page, size);
  }
}
