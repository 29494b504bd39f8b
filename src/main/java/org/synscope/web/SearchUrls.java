package org.synscope.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.synscope.search.Facet;
import org.synscope.search.SearchRequest;
import org.synscope.search.Selection;
import org.synscope.search.SortOrder;

/**
 * Builds every URL in Java, in one canonical parameter order ({@code q, dataset, under, flag,
 * not_flag, lexfile, status, sort, page}, then the rest), without defaults, so two people looking at
 * the same view share the same string. Facet toggles are computed here; templates only print them.
 */
public final class SearchUrls {
  private final SearchRequest request;
  private final boolean reveal;

  public SearchUrls(SearchRequest request, boolean reveal) {
    this.request = request;
    this.reveal = reveal;
  }

  /** The query string of the current view (no leading {@code ?}; empty when there is none). */
  public String query() {
    return query(request, reveal);
  }

  /** {@code path} plus the query string of {@code r} (keeping this view's reveal setting). */
  public String at(String path, SearchRequest r) {
    return with(path, query(r, reveal));
  }

  /** The same view with one facet value added (or removed when already kept); back to page 1. */
  public String toggle(Facet facet, String value) {
    Selection s = request.selection(facet);
    Set<String> include = new LinkedHashSet<>(s.include());
    Set<String> exclude = new LinkedHashSet<>(s.exclude());
    if (!include.remove(value)) {
      include.add(value);
      exclude.remove(value);
    }
    return at("/search", request.withSelection(facet, new Selection(include, exclude)));
  }

  /** The same view with a facet value dropped (or no longer dropped); back to page 1. */
  public String exclude(Facet facet, String value) {
    Selection s = request.selection(facet);
    Set<String> include = new LinkedHashSet<>(s.include());
    Set<String> exclude = new LinkedHashSet<>(s.exclude());
    if (!exclude.remove(value)) {
      exclude.add(value);
      include.remove(value);
    }
    return at("/search", request.withSelection(facet, new Selection(include, exclude)));
  }

  /** The same view below another node ({@code null} = the whole hierarchy); back to page 1. */
  public String under(String path, String synset) {
    return at(path, request.withUnder(synset));
  }

  /** The same view in another order, back to page 1. */
  public String sort(SortOrder order) {
    return at("/search", request.withSort(order));
  }

  /** Another page of the same view. */
  public String page(int page) {
    return at("/search", request.withPage(page));
  }

  /** The same view on another path with masked labels revealed or masked again. */
  public String reveal(String path, boolean on) {
    return with(path, query(request, on));
  }

  /** The category page of a hit. */
  public String category(String dataset, String key) {
    return with(categoryPath(dataset, key), reveal ? "reveal=1" : "");
  }

  /**
   * The path of a category page. Keys fold {@code _} into spaces, so spaces are written back as
   * {@code _} ({@code /c/tiny-images/chicken_taco}): readable, and it finds the same category.
   */
  public static String categoryPath(String dataset, String key) {
    return "/c/" + pathSegment(dataset) + "/" + pathSegment(key.replace(' ', '_'));
  }

  /** The search listing a dataset's categories whose primary sense is {@code synset} ({@code q=synset:ID}). */
  static String bySynset(String path, String dataset, String synset, boolean reveal) {
    return path + "?q=" + encode("synset:" + synset) + "&dataset=" + encode(dataset) + (reveal ? "&reveal=1" : "");
  }

  static String query(SearchRequest r, boolean reveal) {
    List<String> parts = new ArrayList<>();
    add(parts, "q", r.query());
    addAll(parts, "dataset", r.selection(Facet.DATASET).include());
    add(parts, "under", r.under());
    addAll(parts, "flag", r.selection(Facet.FLAG).include());
    addAll(parts, "not_flag", r.selection(Facet.FLAG).exclude());
    addAll(parts, "lexfile", r.selection(Facet.LEXFILE).include());
    addAll(parts, "status", r.selection(Facet.STATUS).include());
    addAll(parts, "sense", r.selection(Facet.SENSE).include());
    addAll(parts, "signal", r.selection(Facet.SIGNAL).include());
    addAll(parts, "risk", r.selection(Facet.RISK).include());
    add(parts, "sort", r.sort() == SortOrder.RELEVANCE ? null : r.sort().key());
    add(parts, "page", r.page() == 1 ? null : Integer.toString(r.page()));
    addAll(parts, "not_dataset", r.selection(Facet.DATASET).exclude());
    addAll(parts, "not_lexfile", r.selection(Facet.LEXFILE).exclude());
    addAll(parts, "not_status", r.selection(Facet.STATUS).exclude());
    addAll(parts, "not_sense", r.selection(Facet.SENSE).exclude());
    addAll(parts, "not_signal", r.selection(Facet.SIGNAL).exclude());
    addAll(parts, "not_risk", r.selection(Facet.RISK).exclude());
    addAll(parts, "images", r.selection(Facet.IMAGES).include());
    addAll(parts, "not_images", r.selection(Facet.IMAGES).exclude());
    addAll(parts, "review", r.selection(Facet.REVIEW).include());
    addAll(parts, "not_review", r.selection(Facet.REVIEW).exclude());
    r.meta().forEach(m -> add(parts, "meta", m.toString()));
    add(parts, "size", r.size() == SearchRequest.DEFAULT_SIZE ? null : Integer.toString(r.size()));
    add(parts, "reveal", reveal ? "1" : null);
    return String.join("&", parts);
  }

  private static void add(List<String> parts, String name, String value) {
    if (value != null && !value.isEmpty()) {
      parts.add(name + "=" + encode(value));
    }
  }

  /** A facet's values in sorted order: one view, one link, whatever order the values were picked in. */
  private static void addAll(List<String> parts, String name, Set<String> values) {
    values.stream().sorted().forEach(v -> add(parts, name, v));
  }

  static String with(String path, String query) {
    return query.isEmpty() ? path : path + "?" + query;
  }

  /** Query-value encoding that keeps {@code :} and {@code /} readable (both are legal in a query). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%3A", ":").replace("%2F", "/");
  }

  /** Path-segment encoding: spaces as %20, never {@code +}. */
  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
