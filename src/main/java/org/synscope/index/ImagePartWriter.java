package org.synscope.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.synscope.images.ImageRecord;
import org.synscope.images.ImageSource;

/**
 * Writes the documents of an image build in image-number order. A large source that reads any record by
 * number (Tiny Images' metadata, CIFAR, the synthetic generator) is cut into contiguous ranges written at
 * once, each into its own index on disk; their segments are then appended in range order, so a document's
 * place in the index is its image number whatever the number of threads. Merges keep neighbouring segments
 * together ({@link LogDocMergePolicy}) for the same reason.
 */
final class ImagePartWriter {
  /** A source with fewer records than two parts of this size is written by one thread. */
  static final long MIN_PART = 250_000;
  /** Lucene's indexing buffer per part: larger buffers flush fewer, larger segments (fewer merges). */
  private static final double BUFFER_MB = 320;
  /** Progress is counted in batches of this many records. */
  private static final int BATCH = 1024;

  private final int threads;
  private final long minPart;
  private final String dataset;
  /** The dataset's category keys: an image naming another is an error with its record. */
  private final Set<String> known;

  ImagePartWriter(int threads, long minPart, String dataset, Set<String> known) {
    this.threads = Math.max(1, threads);
    this.minPart = minPart;
    this.dataset = dataset;
    this.known = known;
  }

  /** What was written: the images, the distinct categories they name and the facets their metadata filled. */
  record Written(long images, long categories, List<String> facets) {}

  /** One part's figures. */
  private record Part(long images, Set<String> keys, Set<String> facets) {}

  Written write(Path dir, ImageSource source, ProgressListener progress) {
    boolean slim = source.byNumber();
    long count = source.count().orElse(-1);
    int parts = slim && count > 0 ? (int) Math.max(1, Math.min(threads, count / minPart)) : 1;
    Part[] written = new Part[parts];
    AtomicLong done = new AtomicLong();
    AtomicBoolean failed = new AtomicBoolean();
    progress.start("writing images", count);
    try (FSDirectory directory = FSDirectory.open(dir)) {
      if (parts == 1) {
        Workers.run(1, p -> written[0] = part(directory, source.records(), 0, slim, source, done, failed), done,
            progress);
        commitMerged(directory, List.of());
      } else {
        List<Path> partDirs = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
          partDirs.add(Files.createDirectories(dir.resolve("parts").resolve("part-" + p)));
        }
        Workers.run(parts, p -> {
          long from = count * p / parts;
          long to = count * (p + 1) / parts;
          try (FSDirectory partDir = FSDirectory.open(partDirs.get(p))) {
            written[p] = part(partDir, source.records(from, to), from, slim, source, done, failed);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, done, progress);
        commitMerged(directory, partDirs);
        IndexCatalog.deleteQuietly(dir.resolve("parts"));
      }
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new IndexException("cannot write the images at " + dir + ": " + cause.getMessage(), cause);
    }
    progress.finish();
    long images = 0;
    Set<String> keys = new HashSet<>();
    Set<String> facets = new LinkedHashSet<>();
    for (Part p : written) {
      images += p.images();
      keys.addAll(p.keys());
      facets.addAll(p.facets());
    }
    return new Written(images, keys.size(), List.copyOf(facets));
  }

  /** With parts: appends them in order to the build's own index (a file copy, no merge); then commits. */
  private static void commitMerged(FSDirectory directory, List<Path> partDirs) throws IOException {
    if (partDirs.isEmpty()) {
      return;
    }
    Directory[] parts = new Directory[partDirs.size()];
    try (IndexWriter writer = new IndexWriter(directory, config())) {
      for (int p = 0; p < parts.length; p++) {
        parts[p] = FSDirectory.open(partDirs.get(p));
      }
      writer.addIndexes(parts);
      writer.commit();
    } finally {
      for (Directory d : parts) {
        if (d != null) {
          d.close();
        }
      }
    }
  }

  /** One part: the records in order, numbered from {@code first} when slim (the number is the document's place). */
  private Part part(Directory directory, Stream<ImageRecord> records, long first, boolean slim,
      ImageSource source, AtomicLong done, AtomicBoolean failed) {
    Set<String> keys = new HashSet<>();
    Set<String> facets = new LinkedHashSet<>();
    ImageWords words = slim ? new ImageWords() : null;
    long n = 0;
    try (IndexWriter writer = new IndexWriter(directory, config()); records) {
      var it = records.iterator();
      int pending = 0;
      while (it.hasNext()) {
        ImageRecord r = it.next();
        if (slim && r.n() != first + n) {
          throw new IllegalStateException(source.path() + ": record " + r.n() + " came where " + (first + n)
              + " was expected; a source read by number must give its records in order");
        }
        String key = ImageIndexer.key(r);
        if (!known.contains(key)) {
          throw new org.synscope.config.BadInput(ImageIndexer.where(source.path(), source.format(), r) + ": "
              + (r.label() != null ? "label '" + r.label() + "'" : "wnid " + r.wnid()) + " names no category of"
              + " dataset '" + dataset + "' (import a label list that has it, or import the images into a new dataset)");
        }
        keys.add(key);
        writer.addDocument(ImageIndexer.document(r, key, source.format(), facets, words));
        n++;
        if (++pending == BATCH) {
          done.addAndGet(pending);
          pending = 0;
          if (failed.get()) {
            return new Part(n, keys, facets); // another part failed: the import is lost anyway
          }
        }
      }
      done.addAndGet(pending);
      writer.commit();
    } catch (IOException e) {
      failed.set(true);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      failed.set(true);
      throw e;
    }
    return new Part(n, keys, facets);
  }

  private static IndexWriterConfig config() {
    return new IndexWriterConfig(Analyzers.forIndex())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(BUFFER_MB)
        .setUseCompoundFile(false)
        .setMergePolicy(new LogDocMergePolicy())
        .setCommitOnClose(false);
  }
}
