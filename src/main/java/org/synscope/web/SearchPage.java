package org.synscope.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synscope.search.Facet;
import org.synscope.search.FacetValue;
import org.synscope.search.HierarchyFacet;
import org.synscope.search.MetaFilter;
import org.synscope.search.SearchRequest;
import org.synscope.search.SearchResult;
import org.synscope.search.SortOrder;

/**
 * The search page and its JSON twin, built from the same data: the result plus every URL the page
 * needs (facet toggles, drill-down, chips, sorting, paging, exports), all computed here.
 *
 * @param query the canonical query string of this view (what a share link carries)
 * @param q the query text
 * @param total categories matched
 * @param images sum of their images
 * @param imagesKnown how many matched categories have a known image count
 * @param hits this page's hits
 * @param facets {@code hierarchy} and one list per flat facet, as the JSON twin shows them
 * @param suggestion "did you mean" (the query it links to) when nothing matched, or null
 * @param suggestionDisplay the suggestion as the page shows it: masked, like a label, when it names a slur
 * @param suggestionMasked true when {@code suggestionDisplay} is masked
 */
public record SearchPage(String query, String q, long total, long images, long imagesKnown, int page, int size,
    int pages, List<Masking.HitView> hits, Map<String, Object> facets, String suggestion, String suggestionDisplay,
    boolean suggestionMasked, String suggestionUrl, double tookMs, Links links, boolean reveal, String revealUrl, int masked, @JsonIgnore Ui ui) {

  /** A facet value with its ready-made toggle URLs. */
  public record ValueView(@JsonUnwrapped FacetValue value, String label, String toggleUrl, String excludeUrl) {
    // What the facet list prints, made here rather than by template expressions for each of some 50 values.

    /** The value's CSS class: selected, excluded or none. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String css() {
      return value.selected() ? "selected" : value.excluded() ? "excluded" : null;
    }

    /** Categories, as the list prints them. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String countText() {
      return Numbers.grouped(value.categories());
    }

    /** The exclude link's text. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String excludeText() {
      return value.excluded() ? "undo" : "not";
    }

    /** The exclude link's label for screen readers. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String excludeLabel() {
      return (value.excluded() ? "stop excluding " : "exclude ") + label;
    }
  }

  /**
   * The hierarchy facet with URLs. The JSON twin has every child; the page lists the first
   * {@value #CHILDREN_SHOWN} ({@code shown}) and links the rest to the tree ({@code treeUrl}).
   */
  public record HierarchyView(Masking.Crumb node, List<Masking.Crumb> breadcrumbs, long categories, long images,
      long flagged, long here, long unmapped, List<Masking.NodeView> children, String clearUrl,
      @JsonIgnore List<Masking.NodeView> shown, @JsonIgnore String treeUrl, @JsonIgnore boolean imagesKnown) {

    /** Children the page does not list. */
    @JsonIgnore
    public int more() {
      return children.size() - shown.size();
    }
  }

  /** Children the hierarchy facet lists on the page (most categories first); the tree pages through all. */
  static final int CHILDREN_SHOWN = 50;

  /** This view in every representation. */
  public record Links(String html, String json, String csv, String jsonl, String tree, String bulkReview) {}

  /** One facet of the sidebar. */
  public record FacetGroup(String name, String title, List<ValueView> values) {}

  /** An applied filter with the URL that removes it. */
  public record Chip(String label, String removeUrl) {}

  /** A form parameter to carry over when the query changes. */
  public record Param(String name, String value) {}

  /** What only the HTML page needs. */
  public record Ui(List<FacetGroup> groups, HierarchyView hierarchy, List<Chip> chips, String clearUrl,
      List<Link> sorts, List<Link> pagination, String previous, String next, List<Param> keep, int first, int last,
      String lastPage) {}

  private static final Map<Facet, String> TITLES = Map.of(Facet.DATASET, "Dataset", Facet.FLAG, "Flags",
      Facet.LEXFILE, "Lexicographer file", Facet.STATUS, "Mapping status", Facet.SENSE, "Sense choice",
      Facet.IMAGES, "Images per category", Facet.REVIEW, "Review", Facet.SIGNAL, "Signals", Facet.RISK, "Risk");

  /** Builds the page. */
  public static SearchPage of(SearchRequest given, SearchResult result, boolean reveal) {
    // One view, one link: under=dog.n.01 is linked as the id every breadcrumb and facet uses.
    SearchRequest request = given.under() != null && result.hierarchy() != null && result.hierarchy().node() != null
        ? given.withUnder(result.hierarchy().node().id()) : given;
    SearchUrls urls = new SearchUrls(request, reveal);
    Masking masking = new Masking(reveal, urls, null);
    List<Masking.HitView> hits = result.hits().stream().map(masking::view).toList();
    Map<String, Object> facets = new LinkedHashMap<>();
    // Exports hold the whole result, and the tree's size counts children: neither takes the page's size.
    SearchRequest export = request.withPage(1).withSize(SearchRequest.DEFAULT_SIZE);
    String treeUrl = urls.at("/tree", export);
    HierarchyView hierarchy = hierarchy(result.hierarchy(), masking, urls, treeUrl, result.imagesKnown() > 0);
    facets.put("hierarchy", hierarchy);
    List<FacetGroup> groups = new ArrayList<>();
    result.facets().forEach((facet, values) -> {
      List<ValueView> views = values.stream().map(v -> new ValueView(v, label(facet, v.value()),
          urls.toggle(facet, v.value()), urls.exclude(facet, v.value()))).toList();
      facets.put(facet.param(), views);
      groups.add(new FacetGroup(facet.param(), TITLES.get(facet), views));
    });
    int pages = (int) Math.max(1, Math.min((result.total() + request.size() - 1) / request.size(),
        (SearchRequest.MAX_DEPTH + request.size() - 1) / request.size()));
    String suggestionUrl = result.suggestion() == null ? null : urls.at("/search", request.withQuery(result.suggestion()));
    boolean suggestionMasked = result.suggestion() != null && result.suggestionSensitive() && !reveal;
    String q = urls.query();
    Links links = new Links(SearchUrls.with("/search", q), SearchUrls.with("/search.json", q),
        SearchUrls.with("/search.csv", SearchUrls.query(export, false)),
        SearchUrls.with("/search.jsonl", SearchUrls.query(export, false)), treeUrl,
        SearchUrls.with("/review/bulk", SearchUrls.query(export, false)));
    int masked = (int) hits.stream().filter(Masking.HitView::masked).count();
    int first = result.total() == 0 ? 0 : (request.page() - 1) * request.size() + 1;
    Ui ui = new Ui(groups, hierarchy, chips(request, urls, hierarchy.node().name()), urls.at("/search", SearchRequest.all()),
        sorts(request, urls), pagination(request.page(), pages, urls),
        request.page() > 1 ? urls.page(request.page() - 1) : null, request.page() < pages ? urls.page(request.page() + 1) : null,
        keep(request, reveal), hits.isEmpty() ? 0 : first, hits.isEmpty() ? 0 : first + hits.size() - 1,
        hits.isEmpty() && result.total() > 0 ? urls.page(pages) : null);
    return new SearchPage(q, request.query(), result.total(), result.images(), result.imagesKnown(), request.page(),
        request.size(), pages, hits, facets, result.suggestion(),
        suggestionMasked ? Masking.mask(result.suggestion()) : result.suggestion(), suggestionMasked, suggestionUrl,
        Math.round(result.tookMillis() * 100) / 100.0, links, reveal, urls.reveal("/search", !reveal), masked, ui);
  }

  /** {@code imagesKnown}: false when no matched category has an image count (the sums would print as 0). */
  private static HierarchyView hierarchy(HierarchyFacet h, Masking masking, SearchUrls urls, String treeUrl,
      boolean imagesKnown) {
    List<Masking.Crumb> crumbs = h.breadcrumbs().stream().map(n -> masking.crumb(n, null)).toList();
    List<Masking.NodeView> children = h.children().stream().map(c -> masking.node(c, null)).toList();
    return new HierarchyView(masking.crumb(h.node(), null), crumbs, h.total().categories(), h.total().images(),
        h.total().flagged(), h.here(), h.unmapped(), children, urls.under("/search", null),
        children.subList(0, Math.min(children.size(), CHILDREN_SHOWN)), treeUrl, imagesKnown);
  }

  /** Human labels for facet values (image buckets read better with separators). */
  static String label(Facet facet, String value) {
    if (facet != Facet.IMAGES) {
      return value;
    }
    return switch (value) {
      case "1000-9999" -> "1,000–9,999";
      case "10000+" -> "10,000 or more";
      case "100-999" -> "100–999";
      case "1-99" -> "1–99";
      case "0" -> "none";
      default -> value;
    };
  }

  /** The selections as removable chips; {@code underName} is the node's name as the page shows it (person.n.01, not n00007846). */
  private static List<Chip> chips(SearchRequest r, SearchUrls urls, String underName) {
    List<Chip> chips = new ArrayList<>();
    if (!r.query().isEmpty()) {
      chips.add(new Chip("query: " + r.query(), urls.at("/search", r.withQuery(""))));
    }
    if (r.under() != null) {
      chips.add(new Chip("under: " + underName, urls.under("/search", null)));
    }
    r.selections().forEach((facet, s) -> {
      for (String v : s.include()) {
        chips.add(new Chip(facet.param() + ": " + label(facet, v), urls.toggle(facet, v)));
      }
      for (String v : s.exclude()) {
        chips.add(new Chip("not " + facet.param() + ": " + label(facet, v), urls.exclude(facet, v)));
      }
    });
    for (MetaFilter m : r.meta()) {
      List<MetaFilter> rest = new ArrayList<>(r.meta());
      rest.remove(m);
      chips.add(new Chip("meta: " + m, urls.at("/search", r.withMeta(rest))));
    }
    return chips;
  }

  private static List<Link> sorts(SearchRequest r, SearchUrls urls) {
    List<Link> out = new ArrayList<>();
    for (SortOrder o : SortOrder.values()) {
      String label = switch (o) {
        case RELEVANCE -> "relevance";
        case IMAGES -> "most images";
        case LABEL -> "label A–Z";
        case RISK -> "highest risk";
      };
      out.add(new Link(label, urls.sort(o), o == r.sort()));
    }
    return out;
  }

  /** Page links: the first, the last, and two either side of the current one, with gaps. */
  static List<Link> pagination(int page, int pages, SearchUrls urls) {
    List<Link> out = new ArrayList<>();
    int last = 0;
    for (int p = 1; p <= pages; p++) {
      if (p == 1 || p == pages || Math.abs(p - page) <= 2) {
        if (last != 0 && p - last > 1) {
          out.add(new Link("…", null, false));
        }
        out.add(new Link(Integer.toString(p), urls.page(p), p == page));
        last = p;
      }
    }
    return out;
  }

  /** Every parameter of the view but the query and page, so a new query keeps the filters. */
  private static List<Param> keep(SearchRequest r, boolean reveal) {
    List<Param> out = new ArrayList<>();
    String query = SearchUrls.query(r.withQuery(""), reveal);
    if (query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      out.add(new Param(pair.substring(0, eq),
          java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** The values of one facet, for templates and tests. */
  @SuppressWarnings("unchecked")
  public List<ValueView> values(String facet) {
    return (List<ValueView>) facets.getOrDefault(facet, List.of());
  }

  /** The hierarchy facet. */
  public HierarchyView hierarchy() {
    return (HierarchyView) facets.get("hierarchy");
  }
}
