package org.synscope.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.synscope.config.BadInput;

/**
 * Per-image records read from a dataset's own files, one implementation per {@link ImageFormat}.
 * Knows nothing of WordNet or Lucene. Every problem with the input is a {@link BadInput} whose message
 * names the file and, for a single record, its 1-based number: {@code FILE:RECORD: reason}.
 *
 * <pre>{@code
 * try (ImageSource source = ImageSource.open(path, null, null);
 *     Stream<ImageRecord> records = source.records()) {
 *   records.forEach(index::add);
 * }
 * }</pre>
 */
public interface ImageSource extends AutoCloseable {

  /**
   * Opens {@code path} as {@code format}, or guesses the format from the path when it is {@code null}.
   * Fixed-size binary files are checked whole here (a truncated last record fails before any record
   * is read). {@code pixels} names Tiny Images' {@code tiny_images.bin}; when {@code null},
   * {@code tiny_images.bin} beside a {@code tiny_metadata.bin} is used if present.
   */
  static ImageSource open(Path path, ImageFormat format, Path pixels) {
    ImageFormat f = format != null ? format : ImageFormat.guess(path);
    if (pixels != null && f != ImageFormat.TINY) {
      throw new BadInput(pixels + ": a pixel file goes with format tiny only (CIFAR's pixels are in its .bin,"
          + " a folder's and a table's images are files), not with format " + f);
    }
    return switch (f) {
      case TINY -> new TinyMetadataSource(path, format == null,
          pixels != null ? pixels : existing(path.resolveSibling(PixelFile.TINY_PIXELS)));
      case CIFAR -> new CifarSource(path, format == null);
      case FOLDER -> new FolderSource(path, format == null);
      case CSV, TSV, JSONL -> new TableSource(path, f, format == null);
      case SYNTHETIC -> SyntheticTiny.load(path, null).source();
    };
  }

  /**
   * Opens an imported source again to read its records by number (see {@link #byNumber()}), without its
   * pixels; {@code records} is how many the import read, and a source that now holds another number has
   * changed since (a synthetic one is made again with that many).
   */
  static ImageSource reopen(ImageFormat format, Path path, long records) {
    ImageSource source = switch (format) {
      case TINY -> new TinyMetadataSource(path, false, null);
      case CIFAR -> new CifarSource(path, false);
      case SYNTHETIC -> SyntheticTiny.load(path, records).source();
      case FOLDER, CSV, TSV, JSONL -> throw new IllegalArgumentException(format + " records are read in order only");
    };
    if (source.count().orElse(-1) != records) {
      source.close();
      throw new BadInput(String.format(java.util.Locale.ROOT, "%s holds %,d records but %,d were imported from it:"
          + " it changed since the import; import it again", path, source.count().orElse(-1), records));
    }
    return source;
  }

  private static Path existing(Path file) {
    return Files.exists(file) ? file : null;
  }

  /** The format read. */
  ImageFormat format();

  /** True when the format was guessed from the path. */
  boolean guessed();

  /** The file or folder read. */
  Path path();

  /** The number of records, when known before reading (the fixed-size binary formats); empty by default. */
  default OptionalLong count() {
    return OptionalLong.empty();
  }

  /**
   * The records in order, read lazily; close the stream (or this source) when done. Reading them again
   * starts over. Throws {@link BadInput} at the first bad record.
   */
  Stream<ImageRecord> records();

  /**
   * Records {@code from} (inclusive) to {@code to} (exclusive) by image number. The fixed-size binary
   * formats read only that range, so an importer can split a file between threads; the others read
   * from the start and skip.
   */
  default Stream<ImageRecord> records(long from, long to) {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("records " + from + " to " + to);
    }
    return records().skip(from).limit(to - from);
  }

  /**
   * True when {@link #record(long)} reads any one record by its number (fixed-size binary files and the
   * synthetic generator): an index of these records needs to keep none of them.
   */
  default boolean byNumber() {
    return false;
  }

  /** Record {@code n} (0-based), read on its own; only when {@link #byNumber()}. Safe to call from many threads. */
  default ImageRecord record(long n) {
    throw new UnsupportedOperationException(format() + " records are read in order only");
  }

  /** The 32x32 pixels by image number, for formats that hold them (Tiny Images with its pixel file, CIFAR). */
  default Optional<PixelFile> pixels() {
    return Optional.empty();
  }

  /** The directory that records' relative {@link ImageRecord#path()}s resolve against. */
  Path base();

  /** The files that gave no record (image folders); complete once {@link #records()} has been read through. */
  default Skips skipped() {
    return Skips.NONE;
  }

  /** Closes the files this source holds open. */
  @Override
  void close();
}
