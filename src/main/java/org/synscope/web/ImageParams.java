package org.synscope.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.synscope.config.BadInput;
import org.synscope.index.ImageFields;
import org.synscope.search.ImageRequest;
import org.synscope.search.SearchException;

/**
 * The images view's URL, both ways: {@code /images?dataset=D&q=&under=&category=&engine=&domain=&year=
 * &meta=name:value&page=&size=&reveal=1}. Built-in metadata facets have their own parameter; any other
 * (CIFAR's coarse class is built in; a table's column is not) goes through {@code meta=name:value}.
 * Unknown parameters are an error, as on search.
 */
final class ImageParams {
  private static final List<String> SCALARS = List.of("dataset", "q", "under", "category", "meta", "page", "size",
      "reveal");

  private ImageParams() {}

  static ImageRequest parse(Map<String, List<String>> params) {
    for (String name : params.keySet()) {
      if (!SCALARS.contains(name) && !ImageFields.BUILT_IN_FACETS.contains(name)) {
        throw SearchException.badRequest("unknown parameter '" + name + "' (known: dataset, q, under, category, "
            + String.join(", ", ImageFields.BUILT_IN_FACETS) + ", meta=name:value, page, size, reveal)");
      }
    }
    String dataset = SearchParams.one(params, "dataset");
    if (dataset == null) {
      throw SearchException.badRequest("dataset is required: /images?dataset=NAME");
    }
    Map<String, Set<String>> filters = new TreeMap<>();
    for (String facet : ImageFields.BUILT_IN_FACETS) {
      Set<String> v = SearchParams.values(params, facet);
      if (!v.isEmpty()) {
        filters.put(facet, v);
      }
    }
    for (String m : SearchParams.values(params, "meta")) {
      int colon = m.indexOf(':');
      if (colon <= 0 || colon == m.length() - 1) {
        throw SearchException.badRequest("meta must be name:value (e.g. meta=license:cc-by), was '" + m + "'");
      }
      filters.computeIfAbsent(m.substring(0, colon), k -> new LinkedHashSet<>()).add(m.substring(colon + 1));
    }
    try {
      return new ImageRequest(dataset, SearchParams.one(params, "q"), SearchParams.one(params, "under"),
          SearchParams.one(params, "category"), filters, SearchParams.number(params, "page", 1),
          SearchParams.number(params, "size", ImageRequest.DEFAULT_SIZE));
    } catch (BadInput e) {
      throw SearchException.badRequest(e.getMessage());
    }
  }

  /** The canonical query string of a request (what a share link carries). */
  static String query(ImageRequest r, boolean reveal) {
    List<String> parts = new ArrayList<>();
    parts.add("dataset=" + SearchUrls.encode(r.dataset()));
    if (!r.query().isEmpty()) {
      parts.add("q=" + SearchUrls.encode(r.query()));
    }
    if (r.under() != null) {
      parts.add("under=" + SearchUrls.encode(r.under()));
    }
    if (r.category() != null) {
      parts.add("category=" + SearchUrls.encode(r.category()));
    }
    r.filters().forEach((facet, values) -> values.forEach(v -> parts.add(ImageFields.BUILT_IN_FACETS.contains(facet)
        ? facet + "=" + SearchUrls.encode(v) : "meta=" + SearchUrls.encode(facet + ":" + v))));
    if (r.page() > 1) {
      parts.add("page=" + r.page());
    }
    if (r.size() != ImageRequest.DEFAULT_SIZE) {
      parts.add("size=" + r.size());
    }
    if (reveal) {
      parts.add("reveal=1");
    }
    return String.join("&", parts);
  }

  /** The request with one facet value kept or, when kept already, dropped; back to page 1. */
  static ImageRequest toggle(ImageRequest r, String facet, String value) {
    Map<String, Set<String>> filters = new TreeMap<>();
    r.filters().forEach((f, v) -> filters.put(f, new LinkedHashSet<>(v)));
    Set<String> values = filters.computeIfAbsent(facet, f -> new LinkedHashSet<>());
    if (!values.remove(value)) {
      values.add(value);
    }
    if (values.isEmpty()) {
      filters.remove(facet);
    }
    return new ImageRequest(r.dataset(), r.query(), r.under(), r.category(), filters, 1, r.size());
  }

  /** The request at another node (null: the whole hierarchy), back to page 1. */
  static ImageRequest under(ImageRequest r, String node) {
    return new ImageRequest(r.dataset(), r.query(), node, r.category(), r.filters(), 1, r.size());
  }

  /** The request on another page. */
  static ImageRequest page(ImageRequest r, int page) {
    return new ImageRequest(r.dataset(), r.query(), r.under(), r.category(), r.filters(), page, r.size());
  }
}
