package org.synscope.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.synscope.audit.BuiltInFlags;
import org.synscope.dataset.CategoryKeys;
import org.synscope.dataset.LabelRecord;
import org.synscope.wordnet.HypernymPaths;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.MappingStatus;
import org.synscope.wordnet.NounSynset;
import org.synscope.wordnet.SenseMapping;
import org.synscope.wordnet.SenseResolver;

/** Turns a label-list row into a {@link Category}: senses, paths, ancestors, depth, flags. */
public final class CategoryEnricher {
  private final Lexicon lexicon;
  private final HypernymPaths paths;
  private final SenseResolver resolver;
  private final BuiltInFlags flags;

  public CategoryEnricher(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.paths = new HypernymPaths(lexicon);
    this.resolver = new SenseResolver(lexicon);
    this.flags = new BuiltInFlags(lexicon, paths);
  }

  /** The lexicon this enricher reads. */
  public Lexicon lexicon() {
    return lexicon;
  }

  /**
   * Enriches one row.
   *
   * @param pinnedWnid a sense-override wnid for this label, or {@code null}
   * @throws IllegalArgumentException with the reason when the row gives a wnid that is not a noun
   *     synset of this WordNet (the caller reports it as a bad line)
   */
  public Category enrich(String dataset, LabelRecord row, String pinnedWnid) {
    SenseMapping mapping;
    String word;
    if (row.wnid() != null) {
      mapping = resolver.byId(row.wnid());
      if (mapping.status() == MappingStatus.UNMAPPED) {
        throw new IllegalArgumentException(mapping.reason()
            + (lexicon.version().equals("3.0") ? "" : " (ImageNet ids are WordNet 3.0 offsets: try --wordnet 3.0)"));
      }
      word = null; // the category is the synset: every one of its words names it
    } else {
      mapping = resolver.byLabel(row.label(), pinnedWnid);
      word = mapping.lemma() != null ? mapping.lemma() : row.label();
    }
    String label = row.label() != null ? row.label() : mapping.primary().map(NounSynset::headword).orElse(row.wnid());
    List<List<PathNode>> named = new ArrayList<>();
    Set<String> ancestors = Set.of();
    int depth = -1;
    if (mapping.primary().isPresent()) {
      String id = mapping.primary().get().id();
      for (List<String> path : paths.paths(id)) {
        named.add(path.stream().map(this::node).toList());
      }
      ancestors = paths.ancestors(id);
      depth = paths.depth(id);
    }
    return new Category(dataset, CategoryKeys.of(row), label, row.line(), row.images(), mapping, named, ancestors,
        depth, flags.evaluate(mapping.senses(), word), row.metadata());
  }

  private PathNode node(String id) {
    return PathNode.of(lexicon, id);
  }
}
