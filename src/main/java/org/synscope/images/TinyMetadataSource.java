package org.synscope.images;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.synscope.config.BadInput;

/**
 * Tiny Images' {@code tiny_metadata.bin}: one 768-byte record per image, printable ASCII, fields space
 * padded at fixed offsets. The keyword names the class. Every field is kept as metadata under the key
 * of {@link #FIELDS}, plus {@code domain} (host of the source URL) and {@code year} (of the date).
 */
final class TinyMetadataSource extends FixedRecordSource {
  static final int RECORD = 768;
  /** Records read at a time. */
  private static final int BATCH = 512;

  /** A fixed-width field: its metadata key and byte range {@code [from, to)}. */
  record Field(String key, int from, int to) {}

  /** The fields in record order; they cover all 768 bytes. */
  static final Field[] FIELDS = {
      new Field("keyword", 0, 80),
      new Field("filename", 80, 175),
      new Field("image_spec", 175, 180), // width, height and colours as digits: 32323 is 32x32x3
      new Field("date", 180, 212),
      new Field("engine", 212, 222),
      new Field("thumbnail_url", 222, 422),
      new Field("source_url", 422, 750),
      new Field("page", 750, 754),
      new Field("page_position", 754, 758),
      new Field("engine_position", 758, 762),
      new Field("keyword_position", 762, 766),
      new Field("label_code", 766, 768),
  };

  private final FixedRecords file;
  private final PixelFile pixels;

  TinyMetadataSource(Path path, boolean guessed, Path pixelFile) {
    super(path, guessed, BATCH);
    this.file = new FixedRecords(path, RECORD);
    try {
      this.pixels = pixelFile == null ? null : PixelFile.tiny(pixelFile, path, file.count());
    } catch (BadInput e) {
      file.close();
      throw e;
    }
  }

  @Override
  public ImageFormat format() {
    return ImageFormat.TINY;
  }

  @Override
  FixedRecords file() {
    return file;
  }

  @Override
  int parsedBytes() {
    return RECORD;
  }

  @Override
  ImageRecord parse(long n, byte[] bytes, int offset) {
    return parse(path(), n, bytes, offset);
  }

  @Override
  public Optional<PixelFile> pixels() {
    return Optional.ofNullable(pixels);
  }

  @Override
  public void close() {
    try {
      file.close();
    } finally {
      if (pixels != null) {
        pixels.close();
      }
    }
  }

  /** The record {@code n} (0-based) at {@code offset} of {@code bytes}. */
  static ImageRecord parse(Path file, long n, byte[] bytes, int offset) {
    for (int i = 0; i < RECORD; i++) {
      int b = bytes[offset + i] & 0xff;
      if (b < 0x20 || b > 0x7e) {
        Field f = fieldAt(i);
        throw new BadInput(String.format(java.util.Locale.ROOT, "%s:%d: byte 0x%02X at byte %d of the record, in field %s (bytes %d-%d),"
            + " is not printable ASCII; a record is 768 ASCII bytes, space padded", file, n + 1, b, i, f.key(),
            f.from(), f.to()));
      }
    }
    Map<String, String> metadata = new LinkedHashMap<>(32);
    for (Field f : FIELDS) {
      String value = trimmed(bytes, offset + f.from(), offset + f.to());
      if (value != null) {
        metadata.put(f.key(), value);
      }
    }
    String keyword = metadata.get("keyword");
    if (keyword == null) {
      throw new BadInput(file + ":" + (n + 1) + ": empty keyword (bytes 0-80); the keyword names the image's class");
    }
    String source = metadata.get("source_url");
    String domain = Provenance.domain(source);
    if (domain != null) {
      metadata.put("domain", domain);
    }
    Integer year = Provenance.year(metadata.get("date"));
    if (year != null) {
      metadata.put("year", year.toString());
    }
    return new ImageRecord(n, keyword, null, metadata, null, source != null ? source : metadata.get("thumbnail_url"));
  }

  private static Field fieldAt(int index) {
    for (Field f : FIELDS) {
      if (index < f.to()) {
        return f;
      }
    }
    throw new IllegalStateException("byte " + index + " is past the record");
  }

  /** The bytes {@code [from, to)} without surrounding spaces, or {@code null} when all are spaces. */
  private static String trimmed(byte[] bytes, int from, int to) {
    while (from < to && bytes[from] == ' ') {
      from++;
    }
    while (to > from && bytes[to - 1] == ' ') {
      to--;
    }
    // Checked printable ASCII already: Latin-1 decodes it by a plain copy.
    return from == to ? null : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
