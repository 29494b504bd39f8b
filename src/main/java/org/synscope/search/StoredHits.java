package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.synscope.index.IndexFields;
import org.synscope.index.PathNode;

/**
 * The stored fields a hit shows, decoded once per document and snapshot. Reading a stored document
 * decompresses its block (LZ4 with a preset dictionary), which was most of a CSV export's time and
 * much of every result page's; a snapshot's documents never change, so each is decoded on first use
 * and kept until the snapshot is closed (a few hundred bytes per category shown).
 */
final class StoredHits {
  /** A category's own stored values, as a hit shows them. */
  record Core(String dataset, String key, String label, String synset, String name, Long images, String status,
      String match, String certainty, List<String> flags, List<String> primaryFlags, String gloss, boolean sensitive) {}

  private final IndexReader reader;
  private final Core[][] cores;
  private final Map<FixedEncoding<?>, Object[][]> encoded = new ConcurrentHashMap<>();
  /** Each document's first hypernym path, found on first use (a lookup by synset id for every row of an export was a sixth of its time). */
  private final Object[][] paths;

  StoredHits(IndexReader reader) {
    this.reader = reader;
    List<LeafReaderContext> leaves = reader.leaves();
    this.cores = new Core[leaves.size()][];
    for (LeafReaderContext leaf : leaves) {
      cores[leaf.ord] = new Core[leaf.reader().maxDoc()];
    }
    this.paths = slots();
  }

  /** One empty slot per document, by segment, shaped as {@link #cores}. */
  private Object[][] slots() {
    Object[][] slots = new Object[cores.length][];
    for (int i = 0; i < cores.length; i++) {
      slots[i] = new Object[cores[i].length];
    }
    return slots;
  }

  /** The core of a document (a racing first read decodes it twice; both results are equal). */
  Core get(LeafReaderContext leaf, int doc) {
    Core c = cores[leaf.ord][doc];
    if (c == null) {
      try {
        c = decode(leaf.reader().storedFields(), doc);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cores[leaf.ord][doc] = c;
    }
    return c;
  }

  /** The document's first hypernym path from the root to {@code synset}, its primary sense. */
  @SuppressWarnings("unchecked") // a slot holds only a path
  List<PathNode> path(LeafReaderContext leaf, int doc, String synset, Function<String, List<PathNode>> firstPath) {
    Object p = paths[leaf.ord][doc];
    if (p == null) {
      p = firstPath.apply(synset);
      paths[leaf.ord][doc] = p;
    }
    return (List<PathNode>) p;
  }

  /**
   * The slots, by segment and document, where this snapshot keeps each category's {@code encoding} (null
   * until made; a racing first export makes it twice, with equal results).
   */
  Object[][] encoded(FixedEncoding<?> encoding) {
    return encoded.computeIfAbsent(encoding, e -> slots());
  }

  IndexReader reader() {
    return reader;
  }

  static Core decode(StoredFields stored, int doc) throws IOException {
    Document d = stored.document(doc);
    IndexableField images = d.getField(IndexFields.IMAGES);
    String gloss = d.get(IndexFields.GLOSS);
    return new Core(d.get(IndexFields.DATASET), d.get(IndexFields.KEY), d.get(IndexFields.LABEL),
        d.get(IndexFields.SYNSET), d.get(IndexFields.NAME), images == null ? null : images.numericValue().longValue(),
        d.get(IndexFields.STATUS), d.get(IndexFields.MATCH), d.get(IndexFields.CERTAINTY),
        List.of(d.getValues(IndexFields.FLAG)), List.of(d.getValues(IndexFields.FLAG_PRIMARY)),
        gloss == null ? "" : gloss, d.get(IndexFields.SENSITIVE) != null);
  }
}
