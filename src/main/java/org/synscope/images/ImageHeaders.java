package org.synscope.images;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.synscope.config.BadInput;

/**
 * Reads an image file's format, width and height from its header alone, without decoding it: PNG
 * (IHDR), JPEG (the first SOFn frame marker), GIF (logical screen), BMP (DIB header) and WebP
 * (VP8, VP8L or VP8X). Reads at most the first {@link #MAX_JPEG_SCAN} bytes.
 */
public final class ImageHeaders {
  /** How far into a JPEG its frame header is looked for (past EXIF, ICC and other segments). */
  static final int MAX_JPEG_SCAN = 1 << 20;
  private static final int HEAD = 32;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private ImageHeaders() {}

  /** An image whose header cannot be read; the message is the reason. */
  static final class Unreadable extends Exception {
    Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The header of {@code file}; a {@link BadInput} naming the file when it is no image or its header is bad. */
  public static ImageHeader read(Path file) {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new BadInput(file + ": not a regular file");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ImageHeader header = sniff(channel);
      if (header == null) {
        throw new BadInput(file + ": " + NOT_AN_IMAGE);
      }
      return header;
    } catch (Unreadable e) {
      throw new BadInput(file + ": " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new BadInput(file + ": no such file");
    } catch (IOException e) {
      throw new BadInput(file + ": cannot read: " + e.getMessage());
    }
  }

  /** Why a file that is no image is skipped. */
  static final String NOT_AN_IMAGE = "not an image (no PNG, JPEG, GIF, BMP or WebP signature)";

  /** The header of the image in {@code channel}, or {@code null} when it starts with no image signature. */
  static ImageHeader sniff(FileChannel channel) throws IOException, Unreadable {
    ByteBuffer head = read(channel, 0, HEAD);
    int n = head.limit();
    if (starts(head, PNG)) {
      need(n, 24, "PNG");
      if (head.getInt(12) != 0x49484452) { // "IHDR"
        throw new Unreadable("PNG without an IHDR chunk first");
      }
      return header("png", head.getInt(16) & 0xffffffffL, head.getInt(20) & 0xffffffffL);
    }
    if (n >= 3 && (head.get(0) & 0xff) == 0xff && (head.get(1) & 0xff) == 0xd8 && (head.get(2) & 0xff) == 0xff) {
      return jpeg(channel);
    }
    if (starts(head, "GIF87a".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        || starts(head, "GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      need(n, 10, "GIF");
      return header("gif", le16(head, 6), le16(head, 8));
    }
    if (n >= 18 && head.get(0) == 'B' && head.get(1) == 'M') {
      long dib = le32(head, 14);
      if (dib == 12) { // OS/2 BITMAPCOREHEADER: 16-bit sizes
        need(n, 22, "BMP");
        return header("bmp", le16(head, 18), le16(head, 20));
      }
      if (dib == 16 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124) {
        need(n, 26, "BMP");
        // A negative height means the rows are stored top-down.
        return header("bmp", (int) le32(head, 18), Math.abs((long) (int) le32(head, 22)));
      }
      return null; // "BM" and no DIB header: text, not a bitmap
    }
    if (n >= 16 && starts(head, "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        && head.getInt(8) == 0x57454250) { // "WEBP"
      return webp(head);
    }
    return null;
  }

  private static ImageHeader webp(ByteBuffer head) throws Unreadable {
    int n = head.limit();
    String chunk = new String(head.array(), 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    switch (chunk) {
      case "VP8 " -> {
        need(n, 30, "WebP (VP8)");
        if ((head.get(23) & 0xff) != 0x9d || (head.get(24) & 0xff) != 0x01 || (head.get(25) & 0xff) != 0x2a) {
          throw new Unreadable("WebP (VP8) without the key frame start code");
        }
        return header("webp", le16(head, 26) & 0x3fff, le16(head, 28) & 0x3fff);
      }
      case "VP8L" -> {
        need(n, 25, "WebP (VP8L)");
        if ((head.get(20) & 0xff) != 0x2f) {
          throw new Unreadable("WebP (VP8L) without its signature byte 0x2F");
        }
        long bits = le32(head, 21);
        return header("webp", (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
      }
      case "VP8X" -> {
        need(n, 30, "WebP (VP8X)");
        return header("webp", le24(head, 24) + 1, le24(head, 27) + 1);
      }
      default -> throw new Unreadable("WebP with an unknown first chunk '" + printable(chunk) + "'");
    }
  }

  /** The size from the first SOFn marker, walking the segments before it. */
  private static ImageHeader jpeg(FileChannel channel) throws IOException, Unreadable {
    long pos = 2;
    while (pos < MAX_JPEG_SCAN) {
      ByteBuffer b = read(channel, pos, 2);
      if (b.limit() < 2) {
        throw new Unreadable("JPEG cut short before its frame header (SOFn marker)");
      }
      if ((b.get(0) & 0xff) != 0xff) {
        throw new Unreadable(String.format(Locale.ROOT, "JPEG marker expected at byte %,d, found 0x%02X", pos,
            b.get(0) & 0xff));
      }
      int marker = b.get(1) & 0xff;
      if (marker == 0xff) { // fill byte
        pos++;
        continue;
      }
      pos += 2;
      if (marker == 0x01 || marker >= 0xd0 && marker <= 0xd8) {
        continue; // standalone markers: TEM, RSTn, SOI
      }
      if (marker == 0xd9 || marker == 0xda) {
        throw new Unreadable("JPEG without a frame header (SOFn marker) before its image data");
      }
      ByteBuffer segment = read(channel, pos, 7);
      if (segment.limit() < 2) {
        throw new Unreadable("JPEG cut short before its frame header (SOFn marker)");
      }
      int length = segment.getShort(0) & 0xffff;
      if (length < 2) {
        throw new Unreadable(String.format(Locale.ROOT, "JPEG segment at byte %,d has length %d", pos - 2, length));
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
        need(segment.limit(), 7, "JPEG frame");
        int height = segment.getShort(3) & 0xffff;
        int width = segment.getShort(5) & 0xffff;
        if (height == 0) {
          throw new Unreadable("JPEG height 0 in its frame header (set later by a DNL marker; not supported)");
        }
        return header("jpeg", width, height);
      }
      pos += length;
    }
    throw new Unreadable(String.format(Locale.ROOT, "JPEG without a frame header (SOFn marker) in its first %,d bytes",
        MAX_JPEG_SCAN));
  }

  private static ImageHeader header(String format, long width, long height) throws Unreadable {
    if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new Unreadable(format.toUpperCase(Locale.ROOT) + " header gives " + width + "x" + height + " pixels");
    }
    return new ImageHeader(format, (int) width, (int) height);
  }

  private static void need(int have, int need, String what) throws Unreadable {
    if (have < need) {
      throw new Unreadable(what + " header cut short: " + have + " of " + need + " bytes");
    }
  }

  /** Up to {@code n} bytes at {@code position} (fewer at the end of the file), big-endian, position 0. */
  private static ByteBuffer read(FileChannel channel, long position, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (channel.read(b, position + b.position()) < 0) {
        break;
      }
    }
    return b.flip();
  }

  private static boolean starts(ByteBuffer b, byte[] prefix) {
    if (b.limit() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b.get(i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int le16(ByteBuffer b, int at) {
    return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8;
  }

  private static int le24(ByteBuffer b, int at) {
    return le16(b, at) | (b.get(at + 2) & 0xff) << 16;
  }

  private static long le32(ByteBuffer b, int at) {
    return le16(b, at) | (long) le16(b, at + 2) << 16;
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }
}
