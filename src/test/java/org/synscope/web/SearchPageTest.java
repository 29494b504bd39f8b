package org.synscope.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synscope.index.PathNode;
import org.synscope.search.HierarchyFacet;
import org.synscope.search.NodeCount;
import org.synscope.search.SearchRequest;
import org.synscope.search.SearchResult;

/** The search page built from a result made by hand (no index): what it lists and what it links. */
class SearchPageTest {

  private static SearchResult withChildren(int n) {
    return withChildren(n, 1000);
  }

  private static SearchResult withChildren(int n, long imagesKnown) {
    List<NodeCount> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      children.add(new NodeCount(String.format("n%08d", i + 1), "child" + i + ".n.01", n - i, 10, 0, 0, false));
    }
    PathNode root = new PathNode("n00001740", "entity.n.01", false);
    HierarchyFacet h = new HierarchyFacet(root, List.of(root), new NodeCount(root.id(), root.name(), 1000, 10_000, 0, 0,
        false), 0, children, 0);
    return new SearchResult(1000, imagesKnown == 0 ? 0 : 10_000, imagesKnown, List.of(), Map.of(), h, null, false, 1.0);
  }

  @Test
  void theHierarchyFacetListsFiftyChildrenAndLinksTheRestToTheTree() {
    SearchPage page = SearchPage.of(SearchRequest.all(), withChildren(62), false);
    SearchPage.HierarchyView h = page.ui().hierarchy();
    assertEquals(62, h.children().size(), "the JSON twin has every child");
    assertEquals(50, h.shown().size());
    assertEquals("child0.n.01", h.shown().get(0).display());
    assertEquals("child49.n.01", h.shown().get(49).display());
    assertEquals(12, h.more());
    assertEquals("/tree", h.treeUrl());
  }

  @Test
  void fewChildrenAreAllListed() {
    SearchPage.HierarchyView h = SearchPage.of(SearchRequest.all(), withChildren(50), false).ui().hierarchy();
    assertEquals(50, h.shown().size());
    assertEquals(0, h.more());
  }

  @Test
  void withoutAnyImageCountTheHierarchySaysUnknownNotZero() {
    // A wnid list (the wordnet dataset) has no counts: the sidebar printed "0 images" at every node.
    assertEquals(false, SearchPage.of(SearchRequest.all(), withChildren(3, 0), false).ui().hierarchy().imagesKnown());
    assertEquals(true, SearchPage.of(SearchRequest.all(), withChildren(3, 1), false).ui().hierarchy().imagesKnown());
  }

  @Test
  void oneViewHasOneLinkWhateverOrderItsValuesWerePickedIn() {
    SearchRequest a = SearchRequest.all().withSelection(org.synscope.search.Facet.FLAG,
        new org.synscope.search.Selection(new java.util.LinkedHashSet<>(List.of("slang", "person")), java.util.Set.of()));
    SearchRequest b = SearchRequest.all().withSelection(org.synscope.search.Facet.FLAG,
        new org.synscope.search.Selection(new java.util.LinkedHashSet<>(List.of("person", "slang")), java.util.Set.of()));
    assertEquals("/search?flag=person&flag=slang", new SearchUrls(a, false).at("/search", a));
    assertEquals(new SearchUrls(a, false).at("/search", a), new SearchUrls(b, false).at("/search", b));
  }

  @Test
  void aHitsPathIsMarkupWithEveryNameAndUrlEscaped() {
    // Printed unescaped (th:utext): the escaping here is all there is.
    Masking.HitView view = new Masking.HitView(null, "/c/d/x", "x", null, false, Map.of(), List.of(
        new Masking.Crumb("n1", "entity.n.01", "/search?dataset=d&under=n1"),
        new Masking.Crumb("n2", "<script>alert('x')</script>\"", "/search?q=\"><b>")));
    assertEquals("<ol><li><a href=\"/search?dataset=d&amp;under=n1\">entity.n.01</a></li>"
        + "<li><a href=\"/search?q=&quot;&gt;&lt;b&gt;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;</a></li></ol>",
        view.crumbsHtml());
  }

  @Test
  void aMaskedQueueRowsReasonsMaskItsWordsToo() {
    // "learnt: label word 'woman'" stood beside the masked y*****_w****.
    assertEquals("learnt: label word '" + Masking.mask("woman") + "' (+0.40)",
        QueuePage.maskWords("learnt: label word 'woman' (+0.40)", "yellow_woman"));
    assertEquals("under " + Masking.mask("slurword") + ".n.01", QueuePage.maskWords("under slurword.n.01", "slurword"));
    assertEquals("gloss word 'womanly'", QueuePage.maskWords("gloss word 'womanly'", "yellow_woman"), "whole words only");
  }
}
