package org.synscope.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.config.BadInput;

/** The synthetic Tiny Images generator: class ranges, determinism, and its file read back by the Tiny reader. */
class SyntheticTinyTest {
  private static final Path REAL = Path.of("../shared/datasets/tiny-images-classes.csv");

  @TempDir
  Path dir;

  private Path classes() throws IOException {
    return Files.writeString(dir.resolve("classes.csv"),
        "class_ind,class_name,n_images\r\n0,a-bomb,2\r\n1,empty,0\r\n2,\"alan_hale,_jr.\",3\r\n");
  }

  @Test
  void imagesFollowTheClassesInFileOrderWithTheirRealOrScaledSizes() throws IOException {
    SyntheticTiny real = SyntheticTiny.load(classes(), null);
    assertEquals(5, real.count());
    assertEquals(List.of("a-bomb", "a-bomb", "alan_hale,_jr.", "alan_hale,_jr.", "alan_hale,_jr."),
        java.util.stream.LongStream.range(0, 5).mapToObj(real::keyword).toList(), "the empty class gets no image");
    SyntheticTiny scaled = SyntheticTiny.load(classes(), 10L);
    assertEquals(10, scaled.count());
    assertEquals(List.of(4L, 6L), List.of(
        java.util.stream.LongStream.range(0, 10).filter(n -> scaled.keyword(n).equals("a-bomb")).count(),
        java.util.stream.LongStream.range(0, 10).filter(n -> scaled.keyword(n).startsWith("alan")).count()),
        "2:3 of 10 is 4:6");
    assertEquals("a-bomb_s_000002.png", real.record(1).metadata().get("filename"), "numbered within the class");
    assertEquals("alan_hale,_jr._s_000001.png", real.record(2).metadata().get("filename"));
    BadInput e = assertThrows(BadInput.class, () -> real.record(5));
    assertEquals("image 5 is out of range: the synthetic set holds 5 images (numbered from 0)", e.getMessage());
  }

  @Test
  void everyRecordIsTheSameWhateverOrderItIsReadIn() throws IOException {
    SyntheticTiny one = SyntheticTiny.load(classes(), 2_000L);
    SyntheticTiny two = SyntheticTiny.load(classes(), 2_000L);
    List<ImageRecord> inOrder;
    try (ImageSource source = one.source()) {
      assertEquals(OptionalLong.of(2_000), source.count());
      assertTrue(source.byNumber());
      inOrder = source.records().toList();
      assertEquals(inOrder.subList(700, 900), source.records(700, 900).toList());
    }
    for (long n : new long[] {1_999, 0, 1_234, 7, 1_234}) {
      assertEquals(inOrder.get((int) n), two.record(n), "record " + n);
      byte[] a = new byte[768];
      byte[] b = new byte[800];
      one.write(n, a, 0);
      two.write(n, b, 32);
      assertArrayEquals(a, java.util.Arrays.copyOfRange(b, 32, 800));
    }
    ImageRecord r = inOrder.get(1_500);
    assertEquals(r.url(), r.metadata().get("source_url"));
    assertTrue(List.of("2005", "2006", "2007", "2008").contains(r.metadata().get("year")), r.toString());
    assertTrue(List.of(SyntheticTiny.ENGINES).contains(r.metadata().get("engine")), r.toString());
    assertEquals(Provenance.domain(r.url()), r.metadata().get("domain"));
  }

  @Test
  void theWrittenFileReadsBackThroughTheTinyReaderRecordForRecord() throws IOException {
    Path list = Files.exists(REAL) ? REAL : classes();
    SyntheticTiny generator = SyntheticTiny.load(list, 3_000L);
    Path file = dir.resolve("tiny_metadata.bin");
    long[] last = {0};
    generator.writeFile(file, done -> last[0] = done);
    assertEquals(3_000, last[0]);
    assertEquals(3_000L * 768, Files.size(file));
    try (ImageSource read = ImageSource.open(file, null, null); ImageSource made = generator.source()) {
      assertEquals(ImageFormat.TINY, read.format());
      List<ImageRecord> fromFile = read.records().toList();
      List<ImageRecord> generated = made.records().toList();
      for (int n = 0; n < 3_000; n++) {
        // The reader names its own file in errors only; the records are equal field for field.
        assertEquals(generated.get(n), fromFile.get(n), "record " + n);
      }
      assertEquals(generator.record(2_222), read.record(2_222), "by number too");
    }
  }

  @Test
  void onTheRealClassListTheSharesAndTheSizesAreTinyImages() {
    assumeTrue(Files.exists(REAL), "../shared/datasets is absent");
    SyntheticTiny full = SyntheticTiny.load(REAL, null);
    assertEquals(SyntheticTiny.TINY_IMAGES, full.count());
    assertEquals("a-bomb", full.keyword(0));
    assertEquals("a-bomb", full.keyword(2_425));
    assertEquals("a-horizon", full.keyword(2_426), "a-bomb has 2,426 images");
    Map<String, Integer> engines = new TreeMap<>();
    Map<String, Integer> domains = new TreeMap<>();
    try (ImageSource source = SyntheticTiny.load(REAL, 20_000L).source()) {
      source.records().forEach(r -> {
        engines.merge(r.metadata().get("engine"), 1, Integer::sum);
        domains.merge(r.metadata().get("domain"), 1, Integer::sum);
      });
    }
    assertEquals(new java.util.TreeSet<>(List.of(SyntheticTiny.ENGINES)), engines.keySet());
    engines.forEach((engine, n) -> assertEquals(share(engine) * 200, n, 200, engine + ": " + engines));
    assertTrue(domains.size() > 1_500 && domains.size() < 3_200, domains.size() + " domains");
  }

  private static int share(String engine) {
    return switch (engine) {
      case "google" -> 32;
      case "flickr" -> 18;
      case "altavista" -> 14;
      case "ask" -> 12;
      case "picsearch" -> 10;
      case "webshots" -> 8;
      default -> 6;
    };
  }
}
