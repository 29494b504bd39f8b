package org.synscope.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.synscope.index.PathNode;
import org.synscope.wordnet.HypernymPaths;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.NounSynset;

/** WordNet's noun hierarchy as pages name it: synsets resolved from ids or names, their first paths. */
final class Nodes {
  final Lexicon lexicon;
  final HypernymPaths paths;
  /** entity.n.01, the hierarchy's root. */
  final String root;
  /** First hypernym paths by synset: fixed by the lexicon, so shared by every snapshot. */
  private final Map<String, List<PathNode>> firstPaths = new ConcurrentHashMap<>();
  /**
   * Path nodes by synset id, fixed by the lexicon: whether a name is masked reads the word's other
   * senses and their counts, which a tree page would otherwise redo for each of its thousand nodes.
   */
  private final Map<String, PathNode> pathNodes = new ConcurrentHashMap<>();

  Nodes(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.paths = new HypernymPaths(lexicon);
    this.root = lexicon.resolve("entity.n.01").map(NounSynset::id)
        .orElseThrow(() -> new IllegalStateException("the lexicon has no entity.n.01 root"));
  }

  /**
   * The noun synset an id or name names, in any case: {@code under=}, a query's {@code synset:} and a
   * category's URL all take {@code N02084071} and {@code DOG.N.01} (each was "no noun synset" once).
   */
  Optional<NounSynset> resolve(String idOrName) {
    return lexicon.resolve(idOrName).or(() -> lexicon.resolve(idOrName.toLowerCase(java.util.Locale.ROOT)));
  }

  /** A synset id or name as a path node; 404 when WordNet has no such noun. */
  PathNode node(String idOrName) {
    return resolve(idOrName).map(s -> pathNode(s.id()))
        .orElseThrow(() -> SearchException.notFound("no noun synset '" + idOrName + "' in WordNet " + lexicon.version()
            + " (use an id such as n02084071 or a name such as dog.n.01)"));
  }

  /** The id of a request's {@code under} node, or null for the whole hierarchy. */
  String under(String idOrName) {
    return idOrName == null ? null : node(idOrName).id();
  }

  /** A synset id as a path node with its name. */
  PathNode pathNode(String id) {
    PathNode known = pathNodes.get(id);
    return known != null ? known : pathNodes.computeIfAbsent(id, n -> PathNode.of(lexicon, n));
  }

  /** The first hypernym path of a synset, root first, as the category page and every hit show it. */
  List<PathNode> firstPath(String synset) {
    return firstPaths.computeIfAbsent(synset, id -> paths.paths(id).get(0).stream().map(this::pathNode).toList());
  }

  /** A node's children that hold matches, with their counts, most categories first. */
  List<NodeCount> childCounts(MatchCounter counter, String nodeId) {
    List<NodeCount> out = new ArrayList<>();
    for (String child : lexicon.hyponyms(nodeId)) {
      MatchCounter.NodeTotals c = counter.node(child);
      if (c.categories() > 0) {
        out.add(nodeCount(child, c));
      }
    }
    out.sort(Comparator.comparingLong(NodeCount::categories).reversed().thenComparing(NodeCount::name));
    return out;
  }

  /** A node with its counted totals. */
  NodeCount nodeCount(String id, MatchCounter.NodeTotals c) {
    PathNode node = pathNode(id);
    return new NodeCount(id, node.name(), c.categories(), c.images(), c.flagged(), c.flaggedImages(), node.sensitive());
  }
}
