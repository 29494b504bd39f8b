package org.synscope.web;

import java.util.List;
import org.synscope.index.CategoryDetails;
import org.synscope.index.PathNode;
import org.synscope.search.CategoryView;
import org.synscope.search.Hit;

/**
 * The category page and its JSON twin: one category in full, every path node and count linked.
 *
 * @param category the category as a list shows it (with masking)
 * @param details senses, all paths, flag evidence, metadata
 * @param paths every hypernym path with browse links
 * @param children children of the primary synset with counts and links
 * @param siblings other children of its parents with counts and links
 * @param sameSynset the same synset in this and other datasets
 */
public record CategoryPage(SearchPage.HitView category, CategoryDetails details, List<List<SearchPage.Crumb>> paths,
    List<SearchPage.NodeView> children, List<SearchPage.NodeView> siblings, List<SearchPage.HitView> sameSynset,
    String json, String revealUrl) {

  /** Builds the page; {@code reveal} unmasks labels. */
  public static CategoryPage of(CategoryView view, boolean reveal) {
    Hit hit = view.hit();
    Masking masking = new Masking(reveal);
    SearchUrls browse = new SearchUrls(org.synscope.search.SearchRequest.all(), reveal);
    String dataset = hit.dataset();
    List<List<SearchPage.Crumb>> paths = view.details().paths().stream()
        .map(p -> p.stream().map(n -> crumb(n, dataset, reveal)).toList()).toList();
    String self = SearchUrls.category(dataset, hit.key());
    return new CategoryPage(masking.view(hit), view.details(), paths,
        nodes(view.children(), dataset, reveal), nodes(view.siblings(), dataset, reveal),
        view.sameSynset().stream().map(masking::view).toList(),
        self + ".json" + (reveal ? "?reveal=1" : ""), browse.reveal(self, !reveal));
  }

  private static SearchPage.Crumb crumb(PathNode n, String dataset, boolean reveal) {
    return new SearchPage.Crumb(n.id(), n.name(), browseUrl(dataset, n.id(), reveal));
  }

  private static List<SearchPage.NodeView> nodes(List<org.synscope.search.NodeCount> nodes, String dataset,
      boolean reveal) {
    return nodes.stream().map(c -> new SearchPage.NodeView(c, browseUrl(dataset, c.synset(), reveal))).toList();
  }

  /** The search view of one dataset below a node. */
  static String browseUrl(String dataset, String synset, boolean reveal) {
    return "/search?dataset=" + SearchUrls.encode(dataset) + "&under=" + synset + (reveal ? "&reveal=1" : "");
  }
}
