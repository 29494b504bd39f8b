package org.synscope.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synscope.index.PathNode;
import org.synscope.search.Facet;
import org.synscope.search.FacetValue;
import org.synscope.search.HierarchyFacet;
import org.synscope.search.Hit;
import org.synscope.search.NodeCount;
import org.synscope.search.SearchRequest;
import org.synscope.search.SearchResult;

/**
 * The search page and its JSON twin: the result plus every URL the page needs (facet toggles,
 * drill-down, paging, exports), all computed here.
 *
 * @param query the canonical query string of this view
 * @param total categories matched
 * @param images sum of their images
 * @param imagesKnown how many matched categories have a known image count
 * @param hits this page's hits
 * @param facets {@code hierarchy} and one list per flat facet
 */
public record SearchPage(String query, long total, long images, long imagesKnown, int page, int size, int pages, List<HitView> hits,
    Map<String, Object> facets, String suggestion, String suggestionUrl, double tookMs, Links links) {

  /** A hit with its category URL and masking. */
  public record HitView(@JsonUnwrapped Hit hit, String url, String display, boolean masked,
      Map<String, List<String>> highlighted) {}

  /** A facet value with its ready-made toggle URLs. */
  public record ValueView(@JsonUnwrapped FacetValue value, String toggleUrl, String excludeUrl) {}

  /** A hierarchy node with the URL that drills into it. */
  public record NodeView(@JsonUnwrapped NodeCount count, String url) {}

  /** A breadcrumb. */
  public record Crumb(String synset, String name, String url) {}

  /** The hierarchy facet with URLs. */
  public record HierarchyView(Crumb node, List<Crumb> breadcrumbs, long categories, long images, long flagged,
      long here, long unmapped, List<NodeView> children) {}

  /** This view in every representation. */
  public record Links(String html, String json, String csv, String jsonl) {}

  /** Builds the page. */
  public static SearchPage of(SearchRequest request, SearchResult result, boolean reveal) {
    SearchUrls urls = new SearchUrls(request, reveal);
    Masking masking = new Masking(reveal);
    List<HitView> hits = result.hits().stream().map(h -> masking.view(h)).toList();
    Map<String, Object> facets = new LinkedHashMap<>();
    facets.put("hierarchy", hierarchy(result.hierarchy(), urls, request));
    result.facets().forEach((facet, values) -> facets.put(facet.param(), values.stream()
        .map(v -> new ValueView(v, urls.toggle(facet, v.value()), urls.exclude(facet, v.value()))).toList()));
    int pages = (int) Math.max(1, Math.min((result.total() + request.size() - 1) / request.size(),
        SearchRequest.MAX_DEPTH / request.size()));
    String suggestionUrl = result.suggestion() == null ? null : SearchUrls.with("/search",
        SearchUrls.query(new SearchRequest(result.suggestion(), request.under(), request.selections(), request.meta(),
            request.sort(), 1, request.size()), reveal));
    String q = urls.query();
    return new SearchPage(q, result.total(), result.images(), result.imagesKnown(), request.page(), request.size(), pages, hits, facets,
        result.suggestion(), suggestionUrl, Math.round(result.tookMillis() * 100) / 100.0,
        new Links(SearchUrls.with("/search", q), SearchUrls.with("/search.json", q),
            SearchUrls.with("/search.csv", exportQuery(request)), SearchUrls.with("/search.jsonl", exportQuery(request))));
  }

  /** The facet values of one facet, as the template iterates them. */
  @SuppressWarnings("unchecked")
  public List<ValueView> values(String facet) {
    return (List<ValueView>) facets.getOrDefault(facet, List.of());
  }

  /** The hierarchy facet. */
  public HierarchyView hierarchy() {
    return (HierarchyView) facets.get("hierarchy");
  }

  private static String exportQuery(SearchRequest r) {
    // Exports are the whole result: paging parameters do not belong in them.
    return SearchUrls.query(new SearchRequest(r.query(), r.under(), r.selections(), r.meta(), r.sort(), 1,
        SearchRequest.DEFAULT_SIZE), false);
  }

  private static HierarchyView hierarchy(HierarchyFacet h, SearchUrls urls, SearchRequest request) {
    List<Crumb> crumbs = h.breadcrumbs().stream().map(n -> crumb(n, urls)).toList();
    List<NodeView> children = h.children().stream()
        .map(c -> new NodeView(c, urls.under("/search", c.synset()))).toList();
    return new HierarchyView(crumb(h.node(), urls), crumbs, h.total().categories(), h.total().images(),
        h.total().flagged(), h.here(), h.unmapped(), children);
  }

  private static Crumb crumb(PathNode n, SearchUrls urls) {
    return new Crumb(n.id(), n.name(), urls.under("/search", n.id()));
  }
}
