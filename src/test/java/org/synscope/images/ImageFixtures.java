package org.synscope.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Hand-made dataset files for the image readers' tests, written byte by byte. */
final class ImageFixtures {
  private ImageFixtures() {}

  /** A 768-byte Tiny Images metadata record: the given values at the fixed offsets, spaces elsewhere. */
  static byte[] tinyRecord(String keyword, String filename, String spec, String date, String engine, String thumbnail,
      String source, String page, String pagePosition, String enginePosition, String keywordPosition, String label) {
    byte[] r = new byte[768];
    Arrays.fill(r, (byte) ' ');
    put(r, 0, 80, keyword);
    put(r, 80, 175, filename);
    put(r, 175, 180, spec);
    put(r, 180, 212, date);
    put(r, 212, 222, engine);
    put(r, 222, 422, thumbnail);
    put(r, 422, 750, source);
    put(r, 750, 754, page);
    put(r, 754, 758, pagePosition);
    put(r, 758, 762, enginePosition);
    put(r, 762, 766, keywordPosition);
    put(r, 766, 768, label);
    return r;
  }

  /** A record with just a keyword and a source URL. */
  static byte[] tinyRecord(String keyword, String source) {
    return tinyRecord(keyword, "", "", "", "", "", source, "", "", "", "", "");
  }

  private static void put(byte[] record, int from, int to, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length > to - from) {
      throw new IllegalArgumentException("'" + value + "' does not fit in bytes " + from + "-" + to);
    }
    System.arraycopy(bytes, 0, record, from, bytes.length);
  }

  /** Three planes of zeros. */
  static byte[] blackPixels() {
    return new byte[Layout.BYTES];
  }

  /** Concatenates byte arrays. */
  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  static Path write(Path file, byte[]... parts) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, concat(parts));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String text) {
    return write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Every record of {@code path} read as {@code format}. */
  static List<ImageRecord> read(Path path, ImageFormat format) {
    try (ImageSource source = ImageSource.open(path, format, null); Stream<ImageRecord> records = source.records()) {
      return records.toList();
    }
  }

  /** Makes a FIFO with mkfifo; false where there is none. */
  static boolean mkfifo(Path fifo) {
    try {
      return new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
