package org.synscope.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.search.CategoryView;
import org.synscope.search.Facet;
import org.synscope.search.FacetValue;
import org.synscope.search.Hit;
import org.synscope.search.NodeCount;
import org.synscope.search.SearchResult;
import org.synscope.search.TreeResult;

/**
 * Checks that synscope and a peer gave the same answer: the same totals, the same facet values with
 * the same counts, the same children with the same counts, the same hits in the same order. A
 * benchmark whose two sides disagree measures nothing, so any difference stops it.
 */
final class Agreement {
  /** The facets a peer computes (the audit record's facets are synscope's alone). */
  static final Set<Facet> COMPARED = Set.of(Facet.DATASET, Facet.FLAG, Facet.LEXFILE, Facet.STATUS, Facet.SENSE,
      Facet.IMAGES);

  private Agreement() {}

  /** synscope's search result in the peer's terms. */
  static Peer.Answer of(SearchResult r) {
    Map<String, Map<String, Peer.Count>> facets = new LinkedHashMap<>();
    for (Facet f : COMPARED) {
      Map<String, Peer.Count> values = new LinkedHashMap<>();
      for (FacetValue v : r.facets().getOrDefault(f, List.of())) {
        if (v.categories() > 0) {
          values.put(v.value(), new Peer.Count(v.categories(), v.images()));
        }
      }
      facets.put(f.param(), values);
    }
    Map<String, Peer.NodeTotals> children = new LinkedHashMap<>();
    r.hierarchy().children().forEach(c -> children.put(c.synset(), totals(c)));
    return new Peer.Answer(r.total(), r.images(), facets, totals(r.hierarchy().total()), children,
        r.hits().stream().map(h -> Peer.shown(org.synscope.web.HitCsv.values(h))).toList());
  }

  static Peer.NodeTotals totals(NodeCount c) {
    return new Peer.NodeTotals(c.categories(), c.images(), c.flagged(), c.flaggedImages());
  }

  static void check(String what, Peer.Answer ours, Peer.Answer peer) {
    List<String> diffs = new ArrayList<>();
    same(diffs, "total", ours.total(), peer.total());
    same(diffs, "images", ours.images(), peer.images());
    ours.facets().forEach((f, values) -> same(diffs, "facet " + f, values, peer.facets().get(f)));
    same(diffs, "node totals", ours.node(), peer.node());
    same(diffs, "children", ours.children(), peer.children());
    same(diffs, "hits", ours.hits(), peer.hits());
    fail(what, diffs);
  }

  static void check(String what, CategoryView ours, Peer.CategoryAnswer peer) {
    List<String> diffs = new ArrayList<>();
    Map<String, Peer.NodeTotals> children = new LinkedHashMap<>();
    ours.children().forEach(c -> children.put(c.synset(), totals(c)));
    Map<String, Peer.NodeTotals> siblings = new LinkedHashMap<>();
    ours.siblings().forEach(c -> siblings.put(c.synset(), totals(c)));
    same(diffs, "children", children, peer.children());
    same(diffs, "siblings", siblings, peer.siblings());
    same(diffs, "same synset", ours.sameSynset().stream().map(Hit::dataset).toList().size(), peer.sameSynset().size());
    same(diffs, "same synset", ours.sameSynset().stream().map(h -> h.dataset() + "/" + h.key()).toList(),
        peer.sameSynset());
    fail(what, diffs);
  }

  /** A tree lists every child and the first grandchildren of each: each shown count must be the peer's. */
  static void check(String what, TreeResult ours, Map<String, Map<String, Peer.NodeTotals>> peer) {
    List<String> diffs = new ArrayList<>();
    Map<String, Peer.NodeTotals> children = new LinkedHashMap<>();
    ours.children().forEach(b -> children.put(b.node().synset(), totals(b.node())));
    same(diffs, "children", children.keySet(), peer.keySet());
    for (TreeResult.Branch b : ours.children()) {
      Map<String, Peer.NodeTotals> theirs = peer.getOrDefault(b.node().synset(), Map.of());
      same(diffs, b.node().synset() + " grandchildren", (long) b.children().size() + b.more(), (long) theirs.size());
      for (NodeCount g : b.children()) {
        same(diffs, b.node().synset() + " > " + g.synset(), totals(g), theirs.get(g.synset()));
      }
    }
    fail(what, diffs);
  }

  static void same(List<String> diffs, String what, Object ours, Object theirs) {
    if (!java.util.Objects.equals(normal(ours), normal(theirs))) {
      diffs.add(what + ": synscope " + ours + ", peer " + theirs);
    }
  }

  /** Maps compare without regard to order; lists keep theirs. */
  private static Object normal(Object o) {
    return o instanceof Map<?, ?> m ? new java.util.TreeMap<>(m) : o instanceof Set<?> s ? new java.util.TreeSet<>(s) : o;
  }

  /** Two texts line by line: the line count and the first line that differs, if any. */
  static List<String> text(String ours, String theirs) {
    String[] a = ours.split("\r\n", -1);
    String[] b = theirs.split("\r\n", -1);
    List<String> diffs = new java.util.ArrayList<>();
    if (a.length != b.length) {
      diffs.add("lines: synscope " + (a.length - 1) + ", peer " + (b.length - 1));
    }
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        diffs.add("line " + (i + 1) + ": synscope " + a[i] + "\n    peer     " + b[i]);
        break;
      }
    }
    return diffs;
  }

  static void fail(String what, List<String> diffs) {
    if (!diffs.isEmpty()) {
      throw new IllegalStateException("synscope and the peer disagree on " + what + ":\n  "
          + String.join("\n  ", diffs.subList(0, Math.min(diffs.size(), 10))));
    }
  }
}
