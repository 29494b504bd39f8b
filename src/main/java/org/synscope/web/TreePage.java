package org.synscope.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import org.synscope.search.NodeCount;
import org.synscope.search.SearchRequest;
import org.synscope.search.TreeResult;

/**
 * The tree page and its JSON twin: the hierarchy two levels below a node, with categories, images and
 * flagged categories at every node, and a bar chart of images per child (server-rendered SVG). Children
 * come a page at a time ({@code size} per page, most categories first), each with its first
 * {@value #GRANDCHILDREN_SHOWN} children and a link to the rest: person.n.01 alone has 402 children.
 *
 * @param imagesKnown how many of its categories have a known image count (0: the image sums print as unknown)
 * @param childCount how many children hold matches, on every page
 */
public record TreePage(String query, Masking.Crumb node, List<Masking.Crumb> breadcrumbs, long categories, long images,
    long imagesKnown, long flagged, long here, long unmapped, int page, int pages, int childCount, int first, List<Branch> children,
    Links links, boolean reveal, @JsonIgnore BarChart chart) {

  /** A child with its own children. */
  public record Branch(Masking.NodeView node, String treeUrl, List<Masking.NodeView> children, List<String> childTreeUrls,
      int more) {
    /** The children shown, each with the URL of its own tree (for the page; the JSON keeps the two lists). */
    @JsonIgnore
    public List<Grandchild> grandchildren() {
      List<Grandchild> out = new ArrayList<>(children.size());
      for (int i = 0; i < children.size(); i++) {
        out.add(new Grandchild(children.get(i), childTreeUrls.get(i)));
      }
      return out;
    }
  }

  /** A child's child and the URL of its tree. */
  public record Grandchild(Masking.NodeView node, String treeUrl) {}

  /** This view as search, JSON, with masking toggled, one level up, and the previous and next pages of children. */
  public record Links(String search, String json, String reveal, String up, String previous, String next) {}

  private static final int CHART_BARS = 30;
  /** Grandchildren listed under each child; the child's own tree page lists them all. */
  static final int GRANDCHILDREN_SHOWN = 10;

  /** Builds the page. */
  public static TreePage of(SearchRequest request, TreeResult tree, boolean reveal) {
    SearchUrls urls = new SearchUrls(request, reveal);
    Masking masking = new Masking(reveal, urls, null);
    int count = tree.children().size();
    int pages = Math.max(1, (count + request.size() - 1) / request.size());
    // A page past the last is empty, as on the search page: the link says the page it shows.
    int page = request.page();
    int from = (int) Math.min((long) (page - 1) * request.size(), count);
    List<Branch> branches = new ArrayList<>();
    for (TreeResult.Branch b : tree.children().subList(from, Math.min(count, from + request.size()))) {
      List<NodeCount> shown = b.children().subList(0, Math.min(b.children().size(), GRANDCHILDREN_SHOWN));
      branches.add(new Branch(masking.node(b.node(), null), urls.under("/tree", b.node().synset()),
          shown.stream().map(c -> masking.node(c, null)).toList(),
          shown.stream().map(c -> urls.under("/tree", c.synset())).toList(), b.more() + b.children().size() - shown.size()));
    }
    String up = tree.breadcrumbs().size() > 1
        ? urls.under("/tree", tree.breadcrumbs().get(tree.breadcrumbs().size() - 2).id()) : null;
    String q = urls.query();
    return new TreePage(q, masking.crumb(tree.node(), null),
        tree.breadcrumbs().stream().map(n -> new Masking.Crumb(n.id(), masking.name(n.name(), n.sensitive()),
            urls.under("/tree", n.id()))).toList(),
        tree.total().categories(), tree.total().images(), tree.imagesKnown(), tree.total().flagged(), tree.here(), tree.unmapped(), page, pages,
        count, from < count ? from + 1 : 0, branches, new Links(urls.at("/search", request.withPage(1)), SearchUrls.with("/tree.json", q),
            urls.reveal("/tree", !reveal), up, page > 1 ? urls.at("/tree", request.withPage(page - 1)) : null,
            page < pages ? urls.at("/tree", request.withPage(page + 1)) : null),
        reveal, tree.imagesKnown() == 0 ? BarChart.of(List.of(), 230) : chart(tree, masking, urls));
  }

  private static BarChart chart(TreeResult tree, Masking masking, SearchUrls urls) {
    List<BarChart.Item> items = tree.children().stream().map(TreeResult.Branch::node)
        .sorted((a, b) -> Long.compare(b.images(), a.images())).limit(CHART_BARS)
        .map(c -> {
          String label = masking.name(c.name(), c.sensitive());
          return new BarChart.Item(label, urls.under("/tree", c.synset()), String.format("%s: %,d images in %,d categories,"
              + " %,d of them in offensive-flagged categories", label, c.images(), c.categories(), c.flaggedImages()),
              c.images(), c.flaggedImages());
        }).toList();
    return BarChart.of(items, 230);
  }
}
