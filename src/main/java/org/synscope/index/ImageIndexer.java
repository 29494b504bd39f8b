package org.synscope.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  private final int threads;
  private final long minPart;

  public ImageIndexer(IndexCatalog catalog, DatasetIndexer categories) {
    this(catalog, categories, Runtime.getRuntime().availableProcessors());
  }

  /** An indexer that writes a large source in {@code threads} parts at once. */
  public ImageIndexer(IndexCatalog catalog, DatasetIndexer categories, int threads) {
    this(catalog, categories, threads, ImagePartWriter.MIN_PART);
  }

  /** As above, cutting sources of {@code 2 * minPart} records or more into parts (tests cut small ones). */
  ImageIndexer(IndexCatalog catalog, DatasetIndexer categories, int threads, long minPart) {
    this.catalog = catalog;
    this.categories = categories;
    this.threads = threads;
    this.minPart = minPart;
  }

  /** What to import: a file or folder, its format (null: guessed) and, for Tiny Images, the pixel file. */
  public record Request(String dataset, Path path, ImageFormat format, Path pixels) {}

  /** What an import did. */
  public record Report(ImageSetMeta meta, boolean guessed, ImportReport categoriesCreated) {}

  public Report index(Request request, ProgressListener progress) {
    DatasetIndexer.checkName(request.dataset());
    try (ImageSource source = ImageSource.open(request.path(), request.format(), request.pixels())) {
      return index(request.dataset(), source, progress);
    }
  }

  /** Imports the records of an open source (the benchmark streams the synthetic generator's this way). */
  public Report index(String dataset, ImageSource source, ProgressListener progress) {
    DatasetIndexer.checkName(dataset);
    long started = System.nanoTime();
    ImportReport created = null;
    boolean hasCategories = catalog.meta().map(m -> m.datasets().containsKey(dataset)).orElse(false);
    if (!hasCategories) {
      String file = source.path().toAbsolutePath().normalize().toString();
      List<LabelRecord> rows = labelCounts(source, progress);
      try {
        created = categories.index(dataset, file, "images:" + source.format().key(), rows, progress);
      } catch (org.synscope.dataset.DatasetException e) {
        // A category row's "line" is its place among the categories, not a line of the file: name the class.
        throw new org.synscope.dataset.DatasetException(e.problems().stream().map(p -> p.line() < 1
            || p.line() > rows.size() ? p : new org.synscope.dataset.LineProblem(file, 0, "class '"
            + CategoryKeys.of(rows.get(p.line() - 1)) + "' (the " + ordinal(p.line()) + " class of the images): "
            + p.reason())).toList());
      }
    }
    ImageSetMeta meta = write(dataset, source, categoryKeys(dataset), started, progress);
    return new Report(meta, source.guessed(), created);
  }

  private static String ordinal(int n) {
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return String.format(java.util.Locale.ROOT, "%,d%s", n, suffix);
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
      // The wnid, when a row gives one, maps the category (as a label list's row with both does); the label names it.
      rows.add(new LabelRecord(++line, r.label(), r.wnid(), e.getValue()[0], Map.of()));
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

  private ImageSetMeta write(String dataset, ImageSource source, Set<String> known, long started,
      ProgressListener progress) {
    try (IndexCatalog.ImportLock lock = catalog.lock()) {
      catalog.collectGarbage(lock);
      Path dir = catalog.newImageBuild(dataset);
      try {
        ImagePartWriter.Written written = new ImagePartWriter(threads, minPart, dataset, known).write(dir, source, progress);
        if (written.images() == 0) {
          throw new IndexException(source.path() + ": no image to import");
        }
        var skipped = source.skipped();
        ImageSetMeta meta = new ImageSetMeta(dataset, catalog.root().relativize(dir).toString(),
            source.path().toAbsolutePath().normalize().toString(), source.format().key(),
            source.pixels().map(p -> p.file().toAbsolutePath().normalize().toString()).orElse(null),
            source.base() == null ? null : source.base().toAbsolutePath().normalize().toString(), written.images(),
            written.categories(), written.facets(), skipped.total(), Instant.now().toString(),
            (System.nanoTime() - started) / 1_000_000,
            source.byNumber() ? ImageSetMeta.FROM_SOURCE : ImageSetMeta.FROM_INDEX);
        catalog.publish(lock, meta);
        return meta;
      } catch (RuntimeException | Error e) {
        IndexCatalog.deleteQuietly(dir);
        throw e;
      }
    }
  }

  /** Where a record is, as an error names it: {@code file:record} for the binary files, else its file or row. */
  static String where(Path source, ImageFormat format, ImageRecord r) {
    return switch (format) {
      case FOLDER -> source.resolve(r.path()).toString();
      case CSV, TSV, JSONL -> source + ": data row " + (r.n() + 1) + " (" + (r.path() != null ? r.path() : r.url()) + ")";
      default -> source + ":" + (r.n() + 1); // the fixed-size binary files and the generator: by record
    };
  }

  /**
   * An image's document in category {@code key}; the facet names it used are added to {@code facets}. With
   * {@code words} (a slim build: a source that reads any record by number) it holds only what search needs:
   * the category, the facet values and the words, once each and with no positions, made by {@code words};
   * the image number is the document's place in the index and the record is read again from the source.
   * Otherwise the number and the whole record are stored too.
   */
  static Document document(ImageRecord r, String key, ImageFormat format, Set<String> facets, ImageWords words) {
    boolean slim = words != null;
    Document doc = new Document();
    if (!slim) {
      doc.add(new LongField(ImageFields.N, r.n(), Field.Store.YES));
    }
    doc.add(new KeywordField(ImageFields.CATEGORY, key, Field.Store.NO));
    List<String> text = new ArrayList<>(8);
    words(text, r.label());
    words(text, r.path());
    words(text, r.url());
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
        words(text, e.getValue());
      }
    }
    String width = r.metadata().get("width");
    String height = r.metadata().get("height");
    if (width != null && height != null && width.matches("\\d{1,9}") && height.matches("\\d{1,9}")) {
      // Read from a folder's headers (or a table's columns): the longer side, bucketed.
      doc.add(new KeywordField(ImageFields.facet("image_size"), ImageFields.sizeBucket(Integer.parseInt(width),
          Integer.parseInt(height)), Field.Store.NO));
      facets.add("image_size");
    }
    if (slim && words.set(text)) {
      doc.add(new Field(ImageFields.TEXT, words.stream(), ImageFields.WORDS));
    } else {
      StringBuilder joined = new StringBuilder();
      text.forEach(v -> append(joined, v));
      doc.add(slim ? new Field(ImageFields.TEXT, joined.toString(), ImageFields.WORDS)
          : new TextField(ImageFields.TEXT, joined.toString(), Field.Store.NO));
    }
    if (!slim) {
      doc.add(new StoredField(ImageFields.RECORD, json(r)));
    }
    return doc;
  }

  /** A value whose words are searched; a value already there (the URL is also the source URL) once. */
  private static void words(List<String> text, String value) {
    if (value != null && !value.isBlank() && !text.contains(value)) {
      text.add(value);
    }
  }

  /**
   * URLs and paths are searched by their words: {@code flickr.com/photos/x.jpg} by flickr, com, photos, x, jpg.
   * Every run of characters that are neither letters nor numbers becomes one space (a loop, not a regex:
   * it runs on three or four values of each of 79 million records).
   */
  static void append(StringBuilder text, String value) {
    if (value == null) {
      return;
    }
    boolean gap = true;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      boolean word = c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          : Character.isLetter(c) || isNumber(c);
      if (word) {
        text.appendCodePoint(c);
        gap = false;
      } else if (!gap) {
        text.append(' ');
        gap = true;
      }
    }
    if (!gap) {
      text.append(' ');
    }
  }

  /** Unicode's {@code \p{N}}: decimal digits, letter numbers (Roman numerals) and other numbers (superscripts). */
  private static boolean isNumber(int c) {
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
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
