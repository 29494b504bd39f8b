package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.synscope.index.IndexFields;

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

  StoredHits(IndexReader reader) {
    this.reader = reader;
    List<LeafReaderContext> leaves = reader.leaves();
    this.cores = new Core[leaves.size()][];
    for (LeafReaderContext leaf : leaves) {
      cores[leaf.ord] = new Core[leaf.reader().maxDoc()];
    }
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
