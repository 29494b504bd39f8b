package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.synscope.images.ImageFormat;
import org.synscope.images.ImageSource;
import org.synscope.index.DatasetMeta;
import org.synscope.index.IndexCatalog;
import org.synscope.index.IndexException;
import org.synscope.index.ImageSetMeta;
import org.synscope.index.IndexMeta;

/**
 * The datasets' current builds opened together: one reader per dataset build (shared with the next
 * snapshot when the build did not change), combined in a {@link MultiReader}. Reference counted, so
 * a request that started on an old snapshot finishes on it while new requests use the new one.
 */
final class IndexSnapshot {
  final IndexMeta meta;
  final IndexSearcher searcher;
  /** The audit record's overlay on this snapshot (computed lazily, replaced when the record changes). */
  volatile Overlay overlay;
  /** What is derived once per snapshot and cannot change until the next build (queue features per dataset). */
  final java.util.concurrent.ConcurrentHashMap<String, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, DirectoryReader> readers;
  /** Per dataset with an image import, its image build's reader and searcher. */
  private final Map<String, DirectoryReader> imageReaders;
  final Map<String, IndexSearcher> images = new LinkedHashMap<>();
  private volatile CategoryColumns columns;
  private volatile LabelOrder labelOrder;
  private final StoredHits stored;
  /** Per dataset with a slim image build, its source opened on first use to read records by number. */
  private final Map<String, ImageSource> imageSources = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger refs = new AtomicInteger(1);

  private IndexSnapshot(IndexMeta meta, Map<String, DirectoryReader> readers, Map<String, DirectoryReader> imageReaders)
      throws IOException {
    this.meta = meta;
    this.readers = readers;
    this.imageReaders = imageReaders;
    for (var e : imageReaders.entrySet()) {
      images.put(e.getKey(), new IndexSearcher(ExitableDirectoryReader.wrap(e.getValue(), Deadline.INSTANCE)));
    }
    List<IndexReader> wrapped = new ArrayList<>();
    for (DirectoryReader r : readers.values()) {
      wrapped.add(ExitableDirectoryReader.wrap(r, Deadline.INSTANCE));
    }
    this.searcher = new IndexSearcher(new MultiReader(wrapped.toArray(IndexReader[]::new), false));
    this.stored = new StoredHits(searcher.getIndexReader());
  }

  /** True when some category document holds {@code value} in {@code field}. */
  boolean hasTerm(String field, String value) {
    try {
      return searcher.getIndexReader().docFreq(new org.apache.lucene.index.Term(field, value)) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether some term of {@code field}, in any segment, passes {@code test} (a scan of the field's terms). */
  boolean anyTerm(String field, java.util.function.Predicate<String> test) {
    try {
      org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(searcher.getIndexReader(), field);
      if (terms == null) {
        return false;
      }
      org.apache.lucene.index.TermsEnum it = terms.iterator();
      for (org.apache.lucene.util.BytesRef t = it.next(); t != null; t = it.next()) {
        if (test.test(t.utf8ToString())) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the builds {@code meta} names, reusing the readers of {@code previous} where the build is the same. */
  static IndexSnapshot open(IndexCatalog catalog, IndexMeta meta, IndexSnapshot previous) {
    Map<String, DirectoryReader> readers = new LinkedHashMap<>();
    Map<String, DirectoryReader> imageReaders = new LinkedHashMap<>();
    try {
      for (DatasetMeta d : meta.sorted().values()) {
        DirectoryReader reuse = previous == null ? null : previous.reusable(d);
        readers.put(d.name(), reuse != null ? incRef(reuse) : open(catalog.root().resolve(d.directory())));
      }
      for (ImageSetMeta d : new java.util.TreeMap<>(meta.images()).values()) {
        ImageSetMeta before = previous == null ? null : previous.meta.images().get(d.name());
        DirectoryReader reuse = before != null && before.directory().equals(d.directory())
            ? previous.imageReaders.get(d.name()) : null;
        imageReaders.put(d.name(), reuse != null ? incRef(reuse) : open(catalog.root().resolve(d.directory())));
      }
      return new IndexSnapshot(meta, readers, imageReaders);
    } catch (IOException e) {
      readers.values().forEach(IndexSnapshot::decRef);
      imageReaders.values().forEach(IndexSnapshot::decRef);
      throw new IndexException("cannot open the index at " + catalog.root() + ": " + e.getMessage(), e);
    }
  }

  private static DirectoryReader incRef(DirectoryReader r) {
    r.incRef();
    return r;
  }

  private static DirectoryReader open(java.nio.file.Path path) throws IOException {
    Directory dir = FSDirectory.open(path);
    DirectoryReader reader = DirectoryReader.open(dir);
    reader.getReaderCacheHelper().addClosedListener(key -> dir.close());
    return reader;
  }

  private DirectoryReader reusable(DatasetMeta d) {
    DatasetMeta before = meta.datasets().get(d.name());
    return before != null && before.directory().equals(d.directory()) ? readers.get(d.name()) : null;
  }

  /** The segment a top-level document id lies in (its {@code ord} and {@code docBase}). */
  org.apache.lucene.index.LeafReaderContext leaf(int globalDoc) {
    List<org.apache.lucene.index.LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    return leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(globalDoc, leaves));
  }

  /** The number of segments. */
  int leaves() {
    return searcher.getIndexReader().leaves().size();
  }

  /** The hits' stored values, decoded once per document. */
  StoredHits stored() {
    return stored;
  }

  /** The dense columns counting reads, built on first use (once per snapshot). */
  CategoryColumns columns() {
    CategoryColumns c = columns;
    if (c == null) {
      synchronized (this) {
        c = columns;
        if (c == null) {
          // Read the raw readers (same segments, same order), so no query deadline can interrupt the build.
          try (MultiReader raw = new MultiReader(readers.values().toArray(IndexReader[]::new), false)) {
            c = columns = CategoryColumns.build(raw, org.synscope.flags.BuiltInFlags.OFFENSIVE);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    }
    return c;
  }

  /** Every live category in label order, built on first use (once per snapshot). */
  LabelOrder labelOrder() {
    LabelOrder o = labelOrder;
    if (o == null) {
      synchronized (this) {
        o = labelOrder;
        if (o == null) {
          try (MultiReader raw = new MultiReader(readers.values().toArray(IndexReader[]::new), false)) {
            o = labelOrder = LabelOrder.build(raw);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    }
    return o;
  }

  /**
   * The source a slim image build reads its records from, opened once per snapshot and closed with it;
   * an error names the file when it is gone or has changed since the import.
   */
  ImageSource imageSource(String dataset) {
    return imageSources.computeIfAbsent(dataset, d -> {
      ImageSetMeta set = meta.images().get(d);
      try {
        return ImageSource.reopen(ImageFormat.parse(set.format()), java.nio.file.Path.of(set.source()), set.images());
      } catch (org.synscope.config.BadInput e) {
        throw new IndexException("the images of '" + d + "' are read from their source, which cannot be read: "
            + e.getMessage(), e);
      }
    });
  }

  /** Takes a reference; false when the snapshot is already closed. */
  boolean tryAcquire() {
    while (true) {
      int n = refs.get();
      if (n <= 0) {
        return false;
      }
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** The references held (0 once closed). */
  int refCount() {
    return refs.get();
  }

  /** Drops a reference; the last one closes the readers no later snapshot shares. */
  void release() {
    if (refs.decrementAndGet() == 0) {
      readers.values().forEach(IndexSnapshot::decRef);
      imageReaders.values().forEach(IndexSnapshot::decRef);
      imageSources.values().forEach(ImageSource::close);
    }
  }

  private static void decRef(DirectoryReader r) {
    try {
      r.decRef();
    } catch (IOException ignored) {
      // Closing a read-only reader can only fail on I/O errors that no caller could act on.
    }
  }
}
