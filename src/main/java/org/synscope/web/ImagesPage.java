package org.synscope.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.audit.ImageDecision;
import org.synscope.flags.Masks;
import org.synscope.search.ImageHit;
import org.synscope.search.ImageRequest;
import org.synscope.search.ImageResult;

/**
 * The images view and its JSON twin: a page of a dataset's images (thumbnails, blurred when their
 * category is flagged or reviewed offensive until {@code reveal=1}), the metadata facets with toggle
 * URLs, and image counts through the hierarchy.
 *
 * @param facets {@code hierarchy} and one list per metadata facet (engine, domain, year, ...)
 */
public record ImagesPage(String query, String dataset, String q, long total, int page, int size, int pages,
    List<ImageView> images, Map<String, Object> facets, Links links, boolean reveal, @JsonIgnore List<FacetGroup> groups,
    int missing) {

  /** The page with the number of its images whose files are gone (they show the placeholder). */
  ImagesPage withMissing(int n) {
    return new ImagesPage(query, dataset, q, total, page, size, pages, images, facets, links, reveal, groups, n);
  }

  /** An image as lists show it. */
  public record ImageView(String dataset, long n, String label, String synset, String name, String category,
      String url, String source, Map<String, String> metadata, boolean blurred, String page, String thumbnail,
      String categoryUrl, String decision) {}

  /** A facet value with its toggle. */
  public record ValueView(String value, long images, boolean selected, String toggleUrl) {}

  /** A facet of the sidebar. */
  public record FacetGroup(String name, List<ValueView> values) {
    /** The facet's name as a heading: {@code image_size} reads "image size". */
    public String title() {
      return name.replace('_', ' ');
    }
  }

  /** A node with its images and the link that drills into it. */
  public record NodeView(String synset, String name, long images, String url) {}

  /** The hierarchy facet: the node, its path, its images, its children. */
  public record HierarchyView(NodeView node, List<NodeView> breadcrumbs, long images, List<NodeView> children,
      long unmapped) {}

  /** This view as HTML and JSON, its neighbouring pages, and with blurring toggled. */
  public record Links(String html, String json, String previous, String next, String reveal) {}

  static ImagesPage of(ImageRequest request, ImageResult result, Map<Long, ImageDecision> marked, boolean reveal) {
    String q = ImageParams.query(request, reveal);
    List<ImageView> images = result.images().stream().map(h -> {
      ImageDecision d = marked.get(h.n());
      return view(h, d != null && d.about(h.category(), h.path()) ? d : null, reveal);
    }).toList();
    Map<String, Object> facets = new LinkedHashMap<>();
    ImageResult.Hierarchy h = result.hierarchy();
    facets.put("hierarchy", new HierarchyView(node(request, h.node().id(), name(h.node().name(), h.node().sensitive(),
        reveal), h.images(), reveal), h.breadcrumbs().stream().map(p -> node(request, p.id(), name(p.name(),
            p.sensitive(), reveal), 0, reveal)).toList(), h.images(),
        h.children().stream().map(c -> node(request, c.synset(), name(c.name(), c.sensitive(), reveal), c.images(), reveal))
            .toList(), h.unmapped()));
    List<FacetGroup> groups = new ArrayList<>();
    result.facets().forEach((facet, values) -> {
      List<ValueView> views = values.stream().map(v -> new ValueView(v.value(), v.images(), v.selected(),
          SearchUrls.with("/images", ImageParams.query(ImageParams.toggle(request, facet, v.value()), reveal)))).toList();
      facets.put(facet, views);
      groups.add(new FacetGroup(facet, views));
    });
    int pages = (int) Math.max(1, Math.min((result.total() + request.size() - 1) / request.size(),
        (org.synscope.search.SearchRequest.MAX_DEPTH + request.size() - 1) / request.size()));
    Links links = new Links(SearchUrls.with("/images", q), SearchUrls.with("/images.json", q),
        request.page() > 1 ? SearchUrls.with("/images", ImageParams.query(ImageParams.page(request, request.page() - 1),
            reveal)) : null,
        request.page() < pages ? SearchUrls.with("/images", ImageParams.query(ImageParams.page(request,
            request.page() + 1), reveal)) : null,
        SearchUrls.with("/images", ImageParams.query(request, !reveal)));
    return new ImagesPage(q, request.dataset(), request.query(), result.total(), request.page(), request.size(), pages,
        images, facets, links, reveal, groups, 0);
  }

  private static NodeView node(ImageRequest request, String id, String name, long images, boolean reveal) {
    return new NodeView(id, name, images, SearchUrls.with("/images", ImageParams.query(ImageParams.under(request, id),
        reveal)));
  }

  private static String name(String name, boolean sensitive, boolean reveal) {
    return sensitive && !reveal ? Masks.maskName(name) : name;
  }

  /** An image with masked label and blurred thumbnail unless revealed, and its standing decision (may be null). */
  static ImageView view(ImageHit h, ImageDecision decision, boolean reveal) {
    String label = h.label() == null ? h.wnid() : h.label();
    String r = reveal ? "?reveal=1" : "";
    boolean mask = h.masked() && !reveal;
    return new ImageView(h.dataset(), h.n(), mask ? Masks.mask(label) : label, h.synset(),
        h.name() == null ? null : mask ? Masks.maskName(h.name()) : h.name(),
        mask && h.category() != null ? Masks.mask(h.category()) : h.category(), h.url(),
        // A folder or a table names files after their class: a masked label is masked in the path shown too.
        mask && label != null ? Redactor.ofWords(Set.of(label.replace('_', ' ')))
            .apply(h.url() != null ? h.url() : h.path()) : h.url() != null ? h.url() : h.path(),
        h.metadata(), h.hurtful() && !reveal,
        "/i/" + SearchUrls.pathSegment(h.dataset()) + "/" + h.n() + r,
        "/i/" + SearchUrls.pathSegment(h.dataset()) + "/" + h.n() + ".png" + r,
        SearchUrls.categoryPath(h.dataset(), h.category()) + r, decision == null ? null : decision.status());
  }
}
