package org.synscope.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.synscope.images.ImageFixtures.concat;
import static org.synscope.images.ImageFixtures.write;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.config.BadInput;

class ImageFolderTest {
  @TempDir
  Path root;

  private static Path image(Path file, String format, int width, int height) throws IOException {
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, file.toFile())) {
      throw new IllegalStateException("no " + format + " writer");
    }
    return file;
  }

  /** A lossless WebP's first bytes: RIFF, WEBP, the VP8L chunk and its 14-bit sizes less one. */
  private static byte[] webpLossless(int width, int height) {
    long bits = (width - 1) | (long) (height - 1) << 14;
    return concat("RIFF\0\0\0\0WEBPVP8L\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
        new byte[] {0x2f, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0, 0});
  }

  private static Map<String, String> meta(long bytes, String format, int width, int height) {
    return Map.of("bytes", Long.toString(bytes), "format", format, "width", Integer.toString(width), "height",
        Integer.toString(height));
  }

  @Test
  void oneRecordPerImageWithSizesFromTheHeadersInPathOrder() throws IOException {
    Path bmp = image(root.resolve("cat/d.bmp"), "bmp", 9, 8);
    Path webp = write(root.resolve("cat/sub/e.webp"), webpLossless(300, 200));
    Path png = image(root.resolve("dog/a.png"), "png", 3, 2);
    Path jpeg = image(root.resolve("dog/b.jpg"), "jpeg", 5, 4);
    Path gif = image(root.resolve("n02084071/c.gif"), "gif", 7, 6);
    write(root.resolve("cat/notes.txt"), "BMW, not a bitmap\n");
    write(root.resolve("cat/broken.png"), concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
        new byte[10]));
    write(root.resolve("readme.md"), "# images\n");
    try (ImageSource source = ImageSource.open(root, null, null)) {
      assertEquals(ImageFormat.FOLDER, source.format());
      assertEquals(root, source.base());
      List<ImageRecord> records = source.records().toList();
      assertEquals(List.of(
          new ImageRecord(0, "cat", null, meta(Files.size(bmp), "bmp", 9, 8), "cat/d.bmp", null),
          new ImageRecord(1, "cat", null, meta(Files.size(webp), "webp", 300, 200), "cat/sub/e.webp", null),
          new ImageRecord(2, "dog", null, meta(Files.size(png), "png", 3, 2), "dog/a.png", null),
          new ImageRecord(3, "dog", null, meta(Files.size(jpeg), "jpeg", 5, 4), "dog/b.jpg", null),
          new ImageRecord(4, null, "n02084071", meta(Files.size(gif), "gif", 7, 6), "n02084071/c.gif", null)), records);
      assertEquals(new Skips(1, 2, List.of(
          new SkippedFile("cat/broken.png", false, "PNG header cut short: 18 of 24 bytes"),
          new SkippedFile("cat/notes.txt", true, "not an image (no PNG, JPEG, GIF, BMP or WebP signature)"),
          new SkippedFile("readme.md", false, "not inside a class folder (root/<label or wnid>/<file>)"))),
          source.skipped());
    }
  }

  @Test
  void headersOfEveryFormatAreReadWithoutDecoding() throws IOException {
    // A progressive JPEG whose frame header comes after an EXIF segment and fill bytes.
    byte[] exif = new byte[100];
    exif[0] = (byte) 0xff;
    exif[1] = (byte) 0xe1;
    exif[3] = 100;
    Path jpeg = write(root.resolve("p.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8}, java.util.Arrays.copyOf(exif, 102),
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xc2, 0, 17, 8, 0x01, (byte) 0xe0, 0x02, (byte) 0x80, 3});
    assertEquals(new ImageHeader("jpeg", 640, 480), ImageHeaders.read(jpeg));
    byte[] vp8 = concat("RIFF\0\0\0\0WEBPVP8 \0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
        new byte[] {0, 0, 0, (byte) 0x9d, 0x01, 0x2a, (byte) 0x80, 0x42, (byte) 0xe0, 0x01, 0, 0});
    assertEquals(new ImageHeader("webp", 640, 480), ImageHeaders.read(write(root.resolve("lossy.webp"), vp8)));
    byte[] vp8x = concat("RIFF\0\0\0\0WEBPVP8X\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
        new byte[] {0, 0, 0, 0, (byte) 0xff, 0x0f, 0, 0x3f, 0x02, 0, 0, 0});
    assertEquals(new ImageHeader("webp", 4096, 576), ImageHeaders.read(write(root.resolve("x.webp"), vp8x)));
    Path big = image(root.resolve("big.png"), "png", 1000, 1);
    assertEquals(new ImageHeader("png", 1000, 1), ImageHeaders.read(big));

    Path noFrame = write(root.resolve("sos.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xda, 0, 2});
    assertEquals(noFrame + ": JPEG without a frame header (SOFn marker) before its image data",
        assertThrows(BadInput.class, () -> ImageHeaders.read(noFrame)).getMessage());
    Path text = write(root.resolve("a.txt"), "hello");
    assertEquals(text + ": not an image (no PNG, JPEG, GIF, BMP or WebP signature)",
        assertThrows(BadInput.class, () -> ImageHeaders.read(text)).getMessage());
  }

  @Test
  void aMissingRootOrAFileIsNoFolder() {
    Path missing = root.resolve("nothing");
    assertEquals(missing + ": no such directory",
        assertThrows(BadInput.class, () -> ImageSource.open(missing, ImageFormat.FOLDER, null)).getMessage());
    Path file = write(root.resolve("f.txt"), "x");
    assertEquals(file + ": not a directory; format folder reads root/<label or wnid>/<image files>",
        assertThrows(BadInput.class, () -> ImageSource.open(file, ImageFormat.FOLDER, null)).getMessage());
  }

  @Test
  void fifosInTheTreeAreSkippedNotOpened() throws IOException {
    image(root.resolve("dog/a.png"), "png", 2, 2);
    org.junit.jupiter.api.Assumptions.assumeTrue(ImageFixtures.mkfifo(root.resolve("dog/pipe.png")), "mkfifo");
    try (ImageSource source = ImageSource.open(root, null, null)) {
      assertEquals(List.of("dog/a.png"), source.records().map(ImageRecord::path).toList());
      assertEquals(List.of(new SkippedFile("dog/pipe.png", false, "not a regular file (a device, FIFO or socket)")),
          source.skipped().listed());
    }
  }
}
