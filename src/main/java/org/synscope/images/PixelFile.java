package org.synscope.images;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import org.synscope.config.BadInput;

/**
 * The 32x32 RGB pixels of a binary dataset file by image number, each read on its own with one
 * positional read (safe to share between threads). {@link #pixels(long)} gives the three 1,024-byte
 * colour planes in the file's {@link Layout}; {@link Thumbnails} turns them into PNG.
 */
public final class PixelFile implements AutoCloseable {
  /** The name of Tiny Images' pixel file. */
  public static final String TINY_PIXELS = "tiny_images.bin";
  /** A CIFAR record: coarse label, fine label, pixels. */
  static final int CIFAR_RECORD = 2 + Layout.BYTES;

  private final FixedRecords records;
  private final int offset;
  private final Layout layout;

  private PixelFile(FixedRecords records, int offset, Layout layout) {
    this.records = records;
    this.offset = offset;
    this.layout = layout;
  }

  /**
   * Opens Tiny Images' {@code tiny_images.bin} (3,072 bytes an image, column-major planes) and checks that
   * it holds exactly one image per record of {@code metadata} ({@code tiny_metadata.bin}).
   */
  public static PixelFile tiny(Path pixels, Path metadata) {
    long records;
    try (FixedRecords meta = new FixedRecords(metadata, TinyMetadataSource.RECORD)) {
      records = meta.count();
    }
    return tiny(pixels, metadata, records);
  }

  static PixelFile tiny(Path pixels, Path metadata, long metadataRecords) {
    FixedRecords file = new FixedRecords(pixels, Layout.BYTES);
    if (file.count() != metadataRecords) {
      file.close();
      throw new BadInput(String.format(Locale.ROOT, "%s holds %,d images but %s holds %,d records; the n-th record"
          + " of each is image n, so they must hold as many", pixels, file.count(), metadata, metadataRecords));
    }
    return new PixelFile(file, 0, Layout.COLUMN_MAJOR);
  }

  /** Opens a CIFAR binary file ({@code train.bin}, {@code test.bin}): 2 label bytes, then row-major planes. */
  public static PixelFile cifar(Path bin) {
    return new PixelFile(new FixedRecords(bin, CIFAR_RECORD), 2, Layout.ROW_MAJOR);
  }

  /** The records underneath (CIFAR's reader shares them). */
  FixedRecords records() {
    return records;
  }

  /** The file read. */
  public Path file() {
    return records.file();
  }

  /** How the planes returned by {@link #pixels(long)} are laid out. */
  public Layout layout() {
    return layout;
  }

  /** The number of images. */
  public long count() {
    return records.count();
  }

  /** The R, G and B planes (1,024 bytes each) of image {@code n} (0-based), reading only that record. */
  public byte[] pixels(long n) {
    if (n < 0 || n >= records.count()) {
      throw new BadInput(String.format(Locale.ROOT, "image %d is out of range: %s holds %,d images"
          + " (numbered from 0)", n, records.file(), records.count()));
    }
    byte[] planes = new byte[Layout.BYTES];
    records.read(n, offset, ByteBuffer.wrap(planes));
    return planes;
  }

  @Override
  public void close() {
    records.close();
  }
}
