package org.synscope.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.synscope.images.ImageFixtures.blackPixels;
import static org.synscope.images.ImageFixtures.read;
import static org.synscope.images.ImageFixtures.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.config.BadInput;

class CifarTest {
  @TempDir
  Path dir;

  @BeforeEach
  void names() {
    write(dir.resolve("fine_label_names.txt"), "apple\naquarium_fish\nbaby\n\n");
    write(dir.resolve("coarse_label_names.txt"), "fruit_and_vegetables\nfish\npeople\n");
  }

  private static byte[] record(int coarse, int fine, byte[] pixels) {
    return ImageFixtures.concat(new byte[] {(byte) coarse, (byte) fine}, pixels);
  }

  @Test
  void recordsNameTheFineClassAndKeepTheCoarseOne() {
    Path f = write(dir.resolve("train.bin"), record(0, 0, blackPixels()), record(2, 2, blackPixels()));
    try (ImageSource source = ImageSource.open(f, null, null)) {
      assertEquals(ImageFormat.CIFAR, source.format());
      assertEquals(OptionalLong.of(2), source.count());
      assertEquals(List.of(new ImageRecord(0, "apple", null, Map.of("coarse", "fruit_and_vegetables"), null, null),
          new ImageRecord(1, "baby", null, Map.of("coarse", "people"), null, null)), source.records().toList());
      assertEquals(List.of(new ImageRecord(1, "baby", null, Map.of("coarse", "people"), null, null)),
          source.records(1, 2).toList());
    }
  }

  @Test
  void pixelsAreRowMajorPlanesAfterTheTwoLabelBytes() {
    byte[] second = blackPixels();
    second[0 * 32 + 1] = (byte) 255; // red plane, x=1, y=0 (CIFAR stores row by row)
    second[1024 + 1 * 32 + 0] = (byte) 128; // green plane, x=0, y=1
    second[2048 + 31 * 32 + 31] = 7;
    Path f = write(dir.resolve("test.bin"), record(1, 1, blackPixels()), record(2, 2, second));
    try (ImageSource source = ImageSource.open(f, ImageFormat.CIFAR, null)) {
      PixelFile pixels = source.pixels().orElseThrow();
      assertEquals(Layout.ROW_MAJOR, pixels.layout());
      byte[] p = pixels.pixels(1);
      assertEquals(0xff0000, Layout.ROW_MAJOR.rgb(p, 1, 0));
      assertEquals(0x008000, Layout.ROW_MAJOR.rgb(p, 0, 1));
      assertEquals(0x000007, Layout.ROW_MAJOR.rgb(p, 31, 31));
      assertEquals(0x000000, Layout.ROW_MAJOR.rgb(p, 1, 1));
      assertEquals(0x000000, Layout.ROW_MAJOR.rgb(pixels.pixels(0), 1, 0));
      // Read the other way, the same bytes put the red pixel at x=0, y=1: the layouts are not interchangeable.
      assertEquals(0xff0000, Layout.COLUMN_MAJOR.rgb(p, 0, 1));
    }
  }

  @Test
  void aLabelByteOutOfRangeOfTheNamesFile() {
    Path f = write(dir.resolve("train.bin"), record(0, 0, blackPixels()), record(1, 117, blackPixels()));
    assertEquals(f + ":2: fine label 117 out of range (3 names in fine_label_names.txt)",
        assertThrows(BadInput.class, () -> read(f, null)).getMessage());
    Path g = write(dir.resolve("test.bin"), record(3, 0, blackPixels()));
    assertEquals(g + ":1: coarse label 3 out of range (3 names in coarse_label_names.txt)",
        assertThrows(BadInput.class, () -> read(g, null)).getMessage());
  }

  @Test
  void aTruncatedLastRecord() {
    Path f = write(dir.resolve("train.bin"), record(0, 0, blackPixels()), new byte[] {0, 1, 2});
    assertEquals(f + ":2: truncated record: 3 of 3,074 bytes",
        assertThrows(BadInput.class, () -> ImageSource.open(f, null, null)).getMessage());
  }

  @Test
  void missingOrBadNamesFilesNameTheExpectedPath(@TempDir Path other) {
    Path f = write(other.resolve("train.bin"), record(0, 0, blackPixels()));
    assertEquals(other.resolve("fine_label_names.txt") + ": no such file; CIFAR's train.bin needs fine_label_names.txt"
        + " and coarse_label_names.txt beside it (one class name a line)",
        assertThrows(BadInput.class, () -> ImageSource.open(f, ImageFormat.CIFAR, null)).getMessage());
    write(other.resolve("fine_label_names.txt"), "apple\n\nbaby\n");
    assertEquals(other.resolve("fine_label_names.txt") + ":2: empty class name (line 2 would be label 1)",
        assertThrows(BadInput.class, () -> ImageSource.open(f, ImageFormat.CIFAR, null)).getMessage());
    write(other.resolve("fine_label_names.txt"), "apple\n");
    assertEquals(other.resolve("coarse_label_names.txt") + ": no such file; CIFAR's train.bin needs"
        + " fine_label_names.txt and coarse_label_names.txt beside it (one class name a line)",
        assertThrows(BadInput.class, () -> ImageSource.open(f, ImageFormat.CIFAR, null)).getMessage());
    // Without the names beside it, train.bin is not guessed to be CIFAR.
    Path lone = write(other.resolve("lone/train.bin"), record(0, 0, blackPixels()));
    assertEquals(true, assertThrows(BadInput.class, () -> ImageSource.open(lone, null, null)).getMessage()
        .startsWith(lone + ": cannot guess the image format from the name"));
  }
}
