package org.synscope.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.synscope.images.ImageFixtures.blackPixels;
import static org.synscope.images.ImageFixtures.read;
import static org.synscope.images.ImageFixtures.tinyRecord;
import static org.synscope.images.ImageFixtures.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.config.BadInput;

class TinyImagesTest {
  @TempDir
  Path dir;

  private static final byte[] BOMB = tinyRecord("a-bomb", "a-bomb_s_000001.png", "32323", "15 May 2006 12:39:30 +0000",
      "google", "http://tbn0.google.com/images?q=tbn:abc", "http://www.Example.COM:8080/img/bomb.jpg", "1", "1", "1", "1",
      "-1");
  private static final byte[] STIFF = tinyRecord("stiff", "stiff_s_001091.png", "32321", "Mon, 06 Nov 2006 01:02:03 GMT",
      "flickr", "", "https://farm1.static.flickr.com/1/2.jpg", "55", "20", "1", "1091", "-1");
  private static final byte[] ZEBRA = tinyRecord("zebra", "zebra_s_000007.png", "32323", "sometime", "altavista",
      "http://thumbs.altavista.com/t.jpg", "", "2", "3", "4", "7", "-1");

  @Test
  void metadataRecordsGiveEveryFieldTheDomainAndTheYear() {
    Path f = write(dir.resolve("tiny_metadata.bin"), BOMB, STIFF, ZEBRA);
    try (ImageSource source = ImageSource.open(f, null, null)) {
      assertEquals(ImageFormat.TINY, source.format());
      assertEquals(true, source.guessed());
      assertEquals(OptionalLong.of(3), source.count());
      assertEquals(true, source.pixels().isEmpty());
      List<ImageRecord> records = source.records().toList();
      assertEquals(List.of(
          new ImageRecord(0, "a-bomb", null, Map.ofEntries(Map.entry("keyword", "a-bomb"),
              Map.entry("filename", "a-bomb_s_000001.png"), Map.entry("image_spec", "32323"),
              Map.entry("date", "15 May 2006 12:39:30 +0000"), Map.entry("engine", "google"),
              Map.entry("thumbnail_url", "http://tbn0.google.com/images?q=tbn:abc"),
              Map.entry("source_url", "http://www.Example.COM:8080/img/bomb.jpg"), Map.entry("page", "1"),
              Map.entry("page_position", "1"), Map.entry("engine_position", "1"), Map.entry("keyword_position", "1"),
              Map.entry("label_code", "-1"), Map.entry("domain", "example.com"), Map.entry("year", "2006")),
              null, "http://www.Example.COM:8080/img/bomb.jpg"),
          new ImageRecord(1, "stiff", null, Map.ofEntries(Map.entry("keyword", "stiff"),
              Map.entry("filename", "stiff_s_001091.png"), Map.entry("image_spec", "32321"),
              Map.entry("date", "Mon, 06 Nov 2006 01:02:03 GMT"), Map.entry("engine", "flickr"),
              Map.entry("source_url", "https://farm1.static.flickr.com/1/2.jpg"), Map.entry("page", "55"),
              Map.entry("page_position", "20"), Map.entry("engine_position", "1"),
              Map.entry("keyword_position", "1091"), Map.entry("label_code", "-1"),
              Map.entry("domain", "farm1.static.flickr.com"), Map.entry("year", "2006")),
              null, "https://farm1.static.flickr.com/1/2.jpg"),
          // No source URL: the thumbnail's is the image's URL; no domain; a date that does not parse gives no year.
          new ImageRecord(2, "zebra", null, Map.ofEntries(Map.entry("keyword", "zebra"),
              Map.entry("filename", "zebra_s_000007.png"), Map.entry("image_spec", "32323"),
              Map.entry("date", "sometime"), Map.entry("engine", "altavista"),
              Map.entry("thumbnail_url", "http://thumbs.altavista.com/t.jpg"), Map.entry("page", "2"),
              Map.entry("page_position", "3"), Map.entry("engine_position", "4"), Map.entry("keyword_position", "7"),
              Map.entry("label_code", "-1")), null, "http://thumbs.altavista.com/t.jpg")), records);
      // Metadata keeps the record's field order, derived facets last.
      assertEquals(List.of("keyword", "filename", "image_spec", "date", "engine", "thumbnail_url", "source_url", "page",
          "page_position", "engine_position", "keyword_position", "label_code", "domain", "year"),
          List.copyOf(records.get(0).metadata().keySet()));
      // A second pass starts over; a range reads only its records (an importer may split the file).
      assertEquals(records, source.records().toList());
      assertEquals(records.subList(1, 3), source.records(1, 3).toList());
      assertEquals(List.of(), source.records(3, 3).toList());
      assertEquals("records 2 to 4 of 3", assertThrows(IllegalArgumentException.class, () -> source.records(2, 4))
          .getMessage());
    }
  }

  @Test
  void pixelsAreColumnMajorPlanesReadOneRecordAtATime() {
    Path meta = write(dir.resolve("tiny_metadata.bin"), BOMB, STIFF);
    byte[] second = blackPixels();
    second[1 * 32 + 0] = (byte) 255; // red plane, column x=1, row y=0 (MATLAB stores column by column)
    second[1024 + 0 * 32 + 1] = (byte) 128; // green plane, x=0, y=1
    second[2048 + 31 * 32 + 31] = 7; // blue plane, bottom right
    write(dir.resolve("tiny_images.bin"), blackPixels(), second);
    try (ImageSource source = ImageSource.open(meta, ImageFormat.TINY, null)) {
      PixelFile pixels = source.pixels().orElseThrow(); // found beside the metadata
      assertEquals(Layout.COLUMN_MAJOR, pixels.layout());
      assertEquals(2, pixels.count());
      byte[] p = pixels.pixels(1);
      assertArrayEquals(second, p);
      assertEquals(0xff0000, Layout.COLUMN_MAJOR.rgb(p, 1, 0));
      assertEquals(0x008000, Layout.COLUMN_MAJOR.rgb(p, 0, 1));
      assertEquals(0x000007, Layout.COLUMN_MAJOR.rgb(p, 31, 31));
      assertEquals(0x000000, Layout.COLUMN_MAJOR.rgb(p, 1, 1));
      assertEquals(0x000000, Layout.COLUMN_MAJOR.rgb(pixels.pixels(0), 1, 0));
      assertEquals("image 2 is out of range: " + pixels.file() + " holds 2 images (numbered from 0)",
          assertThrows(BadInput.class, () -> pixels.pixels(2)).getMessage());
    }
  }

  @Test
  void thePixelFileMustHoldOneImagePerRecord() {
    Path meta = write(dir.resolve("tiny_metadata.bin"), BOMB, STIFF);
    Path pixels = write(dir.resolve("pixels.bin"), blackPixels(), blackPixels(), blackPixels());
    assertEquals(pixels + " holds 3 images but " + meta + " holds 2 records; the n-th record of each is image n, so"
        + " they must hold as many", assertThrows(BadInput.class, () -> ImageSource.open(meta, null, pixels)).getMessage());
    Path cut = write(dir.resolve("cut.bin"), blackPixels(), new byte[100]);
    assertEquals(cut + ":2: truncated record: 100 of 3,072 bytes",
        assertThrows(BadInput.class, () -> PixelFile.tiny(cut, meta)).getMessage());
    Path csv = write(dir.resolve("x.csv"), "image,label\n");
    assertEquals(pixels + ": a pixel file goes with format tiny only (CIFAR's pixels are in its .bin, a folder's and a"
        + " table's images are files), not with format csv",
        assertThrows(BadInput.class, () -> ImageSource.open(csv, null, pixels)).getMessage());
  }

  @Test
  void aTruncatedLastRecordFailsBeforeAnyIsRead() {
    byte[] cut = java.util.Arrays.copyOf(ZEBRA, 412);
    Path f = write(dir.resolve("tiny_metadata.bin"), BOMB, STIFF, cut);
    assertEquals(f + ":3: truncated record: 412 of 768 bytes",
        assertThrows(BadInput.class, () -> ImageSource.open(f, null, null)).getMessage());
  }

  @Test
  void nonAsciiAndControlBytesNameTheRecordAndTheField() {
    byte[] accented = tinyRecord("caf\u00e9", "http://x.org/");
    accented[3] = (byte) 0xc3;
    Path f = write(dir.resolve("tiny_metadata.bin"), BOMB, accented);
    assertEquals(f + ":2: byte 0xC3 at byte 3 of the record, in field keyword (bytes 0-80), is not printable ASCII; a"
        + " record is 768 ASCII bytes, space padded", assertThrows(BadInput.class, () -> read(f, null)).getMessage());

    byte[] tab = tinyRecord("dog", "http://x.org/a\tb.jpg");
    Path g = write(dir.resolve("tab/tiny_metadata.bin"), tab);
    assertEquals(g + ":1: byte 0x09 at byte 436 of the record, in field source_url (bytes 422-750), is not printable"
        + " ASCII; a record is 768 ASCII bytes, space padded", assertThrows(BadInput.class, () -> read(g, null)).getMessage());
  }

  @Test
  void anEmptyKeywordIsAnError() {
    Path f = write(dir.resolve("tiny_metadata.bin"), BOMB, STIFF, tinyRecord("", "http://x.org/a.jpg"));
    assertEquals(f + ":3: empty keyword (bytes 0-80); the keyword names the image's class",
        assertThrows(BadInput.class, () -> read(f, null)).getMessage());
  }

  @Test
  void devicesAndFifosAreRefusedWithoutOpeningThem() {
    Path fifo = dir.resolve("tiny_metadata.bin");
    assumeTrue(ImageFixtures.mkfifo(fifo), "mkfifo");
    assertEquals(fifo + ": not a regular file (a device, FIFO or directory cannot be imported; save the data to a file"
        + " first)", assertThrows(BadInput.class, () -> ImageSource.open(fifo, null, null)).getMessage());
    Path missing = dir.resolve("none/tiny_metadata.bin");
    assertEquals(missing + ": no such file",
        assertThrows(BadInput.class, () -> ImageSource.open(missing, ImageFormat.TINY, null)).getMessage());
  }
}
