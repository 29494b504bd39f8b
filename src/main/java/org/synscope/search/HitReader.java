package org.synscope.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.synscope.risk.RiskWeights;

/** Hits as pages show them: a document's stored values, the audit record's lists and review, highlights. */
final class HitReader {
  private final Nodes nodes;
  private final Highlighting highlighting = new Highlighting();
  private final java.util.function.Function<String, List<org.synscope.index.PathNode>> firstPath;

  HitReader(Nodes nodes) {
    this.nodes = nodes;
    this.firstPath = nodes::firstPath;
  }

  /** The hits of these documents in order; with {@code highlight}, the words it matched are marked. */
  List<Hit> hits(IndexSnapshot s, Overlay overlay, ScoreDoc[] docs, Query highlight) throws IOException {
    Map<Integer, Map<String, Highlight>> marks = highlight == null || docs.length == 0 ? Map.of()
        : highlighting.highlight(s.searcher, highlight, docs, doc -> {
          LeafReaderContext leaf = s.leaf(doc);
          return s.stored().get(leaf, doc - leaf.docBase);
        });
    List<Hit> out = new ArrayList<>(docs.length);
    for (ScoreDoc sd : docs) {
      out.add(hit(s, overlay, sd.doc, marks.getOrDefault(sd.doc, Map.of())));
    }
    return out;
  }

  /** A hit from its stored fields (decoded once per snapshot), with the audit record's lists and review added. */
  Hit hit(IndexSnapshot s, Overlay overlay, int globalDoc, Map<String, Highlight> highlights) {
    LeafReaderContext leaf = s.leaf(globalDoc);
    int local = globalDoc - leaf.docBase;
    StoredHits.Core c = s.stored().get(leaf, local);
    List<String> lists = overlay.listsOf(leaf.ord, local);
    List<String> flags = c.flags();
    List<String> primary = c.primaryFlags();
    if (!lists.isEmpty()) {
      flags = new ArrayList<>(flags);
      primary = new ArrayList<>(primary);
      flags.addAll(lists);
      primary.addAll(lists); // lists name the category's primary synset (or label)
    }
    var review = overlay.status(leaf.ord, local);
    var from = overlay.inheritedFrom(leaf.ord, local);
    float risk = overlay.risk(leaf.ord, local);
    return new Hit(c.dataset(), c.key(), c.label(), c.synset(), c.name(), c.images(), c.status(), c.match(),
        c.certainty(), flags, primary, c.gloss(), c.synset() == null ? List.of() : s.stored().path(leaf, local, c.synset(), firstPath),
        highlights == null ? Map.of() : highlights, review == null ? null : review.key(),
        from == null ? null : from.dataset() + "/" + from.category(), c.sensitive(), RiskWeights.level(risk),
        Math.round(risk * 1000) / 1000.0, overlay.signalsOf(leaf.ord, local), overlay.otherSignalsOf(leaf.ord, local));
  }
}
