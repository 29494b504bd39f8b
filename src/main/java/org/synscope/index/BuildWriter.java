package org.synscope.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes the documents of one build into a new index directory. Lucene fills a segment from one
 * thread, so a large build is cut into contiguous parts written at once, each into its own segment in
 * memory; the parts are then appended in row order, so the index holds the same documents in the same
 * order as one written on a single core. They are not merged into one segment: that merge cost about a
 * fifth of the build, and searches read several segments (several datasets make several anyway).
 */
final class BuildWriter {
  /** Builds with fewer than two parts of this size are written as one segment, by one thread. */
  private static final int MIN_PART = 5_000;
  /** Each part is a segment every search visits: on a machine with many cores, a few parts are enough. */
  private static final int MAX_PARTS = 4;

  private final Workers workers;
  private final int minPart;

  BuildWriter(Workers workers) {
    this(workers, MIN_PART);
  }

  BuildWriter(Workers workers, int minPart) {
    this.workers = workers;
    this.minPart = minPart;
  }

  /** Writes the categories, in order, into a new index at {@code dir} and commits it. */
  void write(Path dir, List<Category> categories, ProgressListener progress) {
    int n = categories.size();
    int parts = Math.max(1, Math.min(Math.min(workers.threads(), MAX_PARTS), n / minPart));
    progress.start("writing index", n);
    AtomicLong done = new AtomicLong();
    try (FSDirectory directory = FSDirectory.open(dir)) {
      if (parts == 1) {
        Workers.run(1, p -> write(directory, categories, done, true), done, progress);
      } else {
        Directory[] written = new Directory[parts];
        for (int p = 0; p < parts; p++) {
          written[p] = new ByteBuffersDirectory();
        }
        try {
          Workers.run(parts, p -> write(written[p], categories.subList(n * p / parts, n * (p + 1) / parts), done,
              false), done, progress);
          try (IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE))) {
            writer.addIndexes(written); // appended in part order
            writer.commit();
          }
        } finally {
          for (Directory d : written) {
            d.close();
          }
        }
      }
      progress.finish();
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new IndexException("cannot write the index at " + dir + ": " + cause.getMessage(), cause);
    }
  }

  /** One part: its documents in order, into one segment unless it outgrows the RAM buffer. */
  private static void write(Directory directory, List<Category> categories, AtomicLong done, boolean merge) {
    try (IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE))) {
      int pending = 0;
      for (Category c : categories) {
        writer.addDocument(CategoryDocuments.toDocument(c));
        if (++pending == 256) {
          done.addAndGet(pending);
          pending = 0;
        }
      }
      done.addAndGet(pending);
      if (merge) {
        merge(writer);
      } else {
        writer.commit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A build is read-only once published: one segment makes every search and count cheaper. */
  private static void merge(IndexWriter writer) throws IOException {
    writer.forceMerge(1);
    writer.commit();
  }

  private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
    // LogDocMergePolicy merges neighbouring segments only, so merging keeps the documents in row order.
    return new IndexWriterConfig(Analyzers.forIndex())
        .setOpenMode(mode)
        .setRAMBufferSizeMB(256)
        .setUseCompoundFile(false)
        .setMergePolicy(new LogDocMergePolicy())
        .setCommitOnClose(false);
  }
}
