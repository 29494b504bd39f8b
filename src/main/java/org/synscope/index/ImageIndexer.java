package org.synscope.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.synscope.dataset.CategoryKeys;
import org.synscope.dataset.LabelRecord;
import org.synscope.images.ImageFormat;
import org.synscope.images.ImageRecord;
import org.synscope.images.ImageSource;

/**
 * Imports a dataset's images: one document per image, written aside in {@code images/<dataset>/<build>}
 * and published in meta.json beside the dataset's categories, which it points at by category key. A
 * dataset with no category import yet gets one first, made from the image labels and their counts.
 * As with categories, a bad record fails the import and nothing is published.
 */
public final class ImageIndexer {
  /** Metadata columns a table may turn into facets (beyond the built-in ones). */
  static final int MAX_TABLE_FACETS = 50;

  private final IndexCatalog catalog;
  private final DatasetIndexer categories;

  public ImageIndexer(IndexCatalog catalog, DatasetIndexer categories) {
    this.catalog = catalog;
    this.categories = categories;
  }

  /** What to import: a file or folder, its format (null: guessed) and, for Tiny Images, the pixel file. */
  public record Request(String dataset, Path path, ImageFormat format, Path pixels) {}

  /** What an import did. */
  public record Report(ImageSetMeta meta, boolean guessed, ImportReport categoriesCreated) {}

  public Report index(Request request, ProgressListener progress) {
    DatasetIndexer.checkName(request.dataset());
    long started = System.nanoTime();
    try (ImageSource source = ImageSource.open(request.path(), request.format(), request.pixels())) {
      ImportReport created = null;
      boolean hasCategories = catalog.meta().map(m -> m.datasets().containsKey(request.dataset())).orElse(false);
      if (!hasCategories) {
        created = categories.index(request.dataset(), request.path().toAbsolutePath().normalize().toString(),
            "images:" + source.format().key(), labelCounts(source, progress), progress);
      }
      Set<String> known = categoryKeys(request.dataset());
      ImageSetMeta meta = write(request, source, known, started, progress);
      return new Report(meta, source.guessed(), created);
    }
  }

  /** One category row per distinct label (or wnid) with its number of images, in first-seen order. */
  private static List<LabelRecord> labelCounts(ImageSource source, ProgressListener progress) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, ImageRecord> first = new LinkedHashMap<>();
    progress.start("counting images per label", source.count().orElse(-1));
    try (Stream<ImageRecord> records = source.records()) {
      long[] n = {0};
      records.forEach(r -> {
        String key = key(r);
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        first.putIfAbsent(key, r);
        if (++n[0] % 100_000 == 0) {
          progress.advance(n[0]);
        }
      });
    }
    progress.finish();
    List<LabelRecord> rows = new ArrayList<>();
    int line = 0;
    for (var e : counts.entrySet()) {
      ImageRecord r = first.get(e.getKey());
      rows.add(new LabelRecord(++line, r.label(), r.label() == null ? r.wnid() : null, e.getValue()[0], Map.of()));
    }
    return rows;
  }

  /** The key of the category an image belongs to, as the category index keys it. */
  public static String key(ImageRecord r) {
    return r.label() != null ? CategoryKeys.ofLabel(r.label()) : r.wnid();
  }

  /** The keys of a dataset's categories as its current build holds them. */
  private Set<String> categoryKeys(String dataset) {
    DatasetMeta d = catalog.meta().orElseThrow().datasets().get(dataset);
    Set<String> keys = new java.util.HashSet<>();
    String prefix = dataset + "/";
    try (FSDirectory dir = FSDirectory.open(catalog.directory(d));
        org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
      for (var leaf : reader.leaves()) {
        var terms = leaf.reader().terms(IndexFields.ID);
        if (terms == null) {
          continue;
        }
        var it = terms.iterator();
        for (var t = it.next(); t != null; t = it.next()) {
          String id = t.utf8ToString();
          if (id.startsWith(prefix)) {
            keys.add(id.substring(prefix.length()));
          }
        }
      }
    } catch (IOException e) {
      throw new IndexException("cannot read the categories of '" + dataset + "': " + e.getMessage(), e);
    }
    return keys;
  }

  private ImageSetMeta write(Request request, ImageSource source, Set<String> known, long started,
      ProgressListener progress) {
    try (IndexCatalog.ImportLock lock = catalog.lock()) {
      catalog.collectGarbage(lock);
      Path dir = catalog.newImageBuild(request.dataset());
      try {
        Set<String> facets = new LinkedHashSet<>();
        Set<String> keys = new java.util.HashSet<>();
        long n = 0;
        progress.start("writing images", source.count().orElse(-1));
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.forIndex()).setRAMBufferSizeMB(256)
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config);
            Stream<ImageRecord> records = source.records()) {
          var it = records.iterator();
          while (it.hasNext()) {
            ImageRecord r = it.next();
            String key = key(r);
            if (!known.contains(key)) {
              throw new org.synscope.config.BadInput(where(request.path(), source.format(), r) + ": "
                  + (r.label() != null ? "label '" + r.label() + "'" : "wnid " + r.wnid()) + " names no category of dataset '"
                  + request.dataset() + "' (import a label list that has it, or import the images into a new dataset)");
            }
            keys.add(key);
            writer.addDocument(document(r, source.format(), facets));
            if (++n % 100_000 == 0) {
              progress.advance(n);
            }
          }
          writer.commit();
        }
        progress.finish();
        if (n == 0) {
          throw new IndexException(request.path() + ": no image to import");
        }
        var skipped = source.skipped();
        ImageSetMeta meta = new ImageSetMeta(request.dataset(), catalog.root().relativize(dir).toString(),
            request.path().toAbsolutePath().normalize().toString(), source.format().key(),
            source.pixels().map(p -> p.file().toAbsolutePath().normalize().toString()).orElse(null),
            source.base() == null ? null : source.base().toAbsolutePath().normalize().toString(), n, keys.size(),
            List.copyOf(facets), skipped.total(), Instant.now().toString(), (System.nanoTime() - started) / 1_000_000);
        catalog.publish(lock, meta);
        return meta;
      } catch (IOException e) {
        IndexCatalog.deleteQuietly(dir);
        throw new UncheckedIOException(e);
      } catch (RuntimeException | Error e) {
        IndexCatalog.deleteQuietly(dir);
        throw e;
      }
    }
  }

  /** Where a record is, as an error names it: {@code file:record} for the binary files, else its file or row. */
  static String where(Path source, ImageFormat format, ImageRecord r) {
    return switch (format) {
      case TINY, CIFAR -> source + ":" + (r.n() + 1);
      case FOLDER -> source.resolve(r.path()).toString();
      case CSV, TSV, JSONL -> source + ": data row " + (r.n() + 1) + " (" + (r.path() != null ? r.path() : r.url()) + ")";
    };
  }

  /** An image's document; the facet names it used are added to {@code facets}. */
  static Document document(ImageRecord r, ImageFormat format, Set<String> facets) {
    Document doc = new Document();
    doc.add(new LongField(ImageFields.N, r.n(), Field.Store.YES));
    doc.add(new KeywordField(ImageFields.CATEGORY, key(r), Field.Store.NO));
    StringBuilder text = new StringBuilder();
    append(text, r.label());
    append(text, r.path());
    append(text, r.url());
    boolean table = format == ImageFormat.CSV || format == ImageFormat.TSV || format == ImageFormat.JSONL;
    for (var e : r.metadata().entrySet()) {
      String name = e.getKey();
      boolean facet = ImageFields.BUILT_IN_FACETS.contains(name)
          || (table && (facets.contains(name) || facets.size() < MAX_TABLE_FACETS + ImageFields.BUILT_IN_FACETS.size()));
      if (facet) {
        String value = e.getValue().length() > ImageFields.MAX_FACET_VALUE
            ? e.getValue().substring(0, ImageFields.MAX_FACET_VALUE) : e.getValue();
        doc.add(new KeywordField(ImageFields.facet(name), value, Field.Store.NO));
        facets.add(name);
      }
      if (name.endsWith("url") || name.equals("filename") || name.equals("caption") || table) {
        append(text, e.getValue());
      }
    }
    doc.add(new TextField(ImageFields.TEXT, text.toString(), Field.Store.NO));
    doc.add(new StoredField(ImageFields.RECORD, json(r)));
    return doc;
  }

  /** URLs and paths are searched by their words: {@code flickr.com/photos/x.jpg} by flickr, com, photos, x, jpg. */
  private static void append(StringBuilder text, String value) {
    if (value != null && !value.isBlank()) {
      text.append(value.replaceAll("[^\\p{L}\\p{N}]+", " ")).append(' ');
    }
  }

  private static String json(ImageRecord r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("label", r.label());
    out.put("wnid", r.wnid());
    out.put("path", r.path());
    out.put("url", r.url());
    out.put("metadata", r.metadata()); // in source order
    try {
      return CategoryDocuments.JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
