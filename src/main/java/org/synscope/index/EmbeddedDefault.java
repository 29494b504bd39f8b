package org.synscope.index;

import java.util.ArrayList;
import java.util.List;
import org.synscope.dataset.LabelRecord;
import org.synscope.wordnet.Lexicon;

/**
 * The embedded default dataset {@code wordnet}: every noun synset of the lexicon as a category
 * (images unknown), built on first use so a fresh install has something real to browse.
 */
public final class EmbeddedDefault {
  /** The default dataset's name. */
  public static final String NAME = "wordnet";

  private EmbeddedDefault() {}

  /** True when the index holds no dataset yet. */
  public static boolean needed(IndexCatalog catalog) {
    return catalog.meta().map(m -> m.datasets().isEmpty()).orElse(true);
  }

  /** Builds the default dataset. */
  public static ImportReport build(IndexCatalog catalog, Lexicon lexicon, ProgressListener progress) {
    List<LabelRecord> rows = new ArrayList<>();
    lexicon.forEachNoun(s -> rows.add(LabelRecord.ofWnid(rows.size() + 1, s.id(), null)));
    return new DatasetIndexer(catalog, new CategoryEnricher(lexicon))
        .index(NAME, "embedded:WordNet " + lexicon.version() + " nouns", rows, progress);
  }
}
