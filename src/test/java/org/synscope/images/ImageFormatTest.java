package org.synscope.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.synscope.images.ImageFixtures.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.config.BadInput;

class ImageFormatTest {
  @TempDir
  Path dir;

  @Test
  void formatsAreGuessedFromThePath() {
    assertEquals(ImageFormat.TINY, ImageFormat.guess(write(dir.resolve("tiny_metadata.bin"), new byte[0])));
    assertEquals(ImageFormat.FOLDER, ImageFormat.guess(dir));
    assertEquals(ImageFormat.CSV, ImageFormat.guess(write(dir.resolve("a.CSV"), "")));
    assertEquals(ImageFormat.CSV, ImageFormat.guess(write(dir.resolve("a.csv.gz"), "")));
    assertEquals(ImageFormat.TSV, ImageFormat.guess(write(dir.resolve("a.tsv"), "")));
    assertEquals(ImageFormat.JSONL, ImageFormat.guess(write(dir.resolve("a.jsonl"), "")));
    assertEquals(ImageFormat.JSONL, ImageFormat.guess(write(dir.resolve("a.ndjson.gz"), "")));
    Path train = write(dir.resolve("train.bin"), new byte[0]);
    Path test = write(dir.resolve("test.bin"), new byte[0]);
    String unknown = train + ": cannot guess the image format from the name; give one of: tiny (tiny_metadata.bin),"
        + " cifar (train.bin or test.bin with fine_label_names.txt beside), folder (a directory of <label or"
        + " wnid>/<image files>), csv (*.csv), tsv (*.tsv), jsonl (*.jsonl or *.ndjson)";
    assertEquals(unknown, assertThrows(BadInput.class, () -> ImageFormat.guess(train)).getMessage());
    write(dir.resolve("fine_label_names.txt"), "apple\n");
    assertEquals(ImageFormat.CIFAR, ImageFormat.guess(train));
    assertEquals(ImageFormat.CIFAR, ImageFormat.guess(test));
    Path other = write(dir.resolve("data.bin"), new byte[0]);
    assertEquals(unknown.replace(train.toString(), other.toString()),
        assertThrows(BadInput.class, () -> ImageFormat.guess(other)).getMessage());
    Path missing = dir.resolve("gone.csv");
    assertEquals(missing + ": no such file or directory",
        assertThrows(BadInput.class, () -> ImageFormat.guess(missing)).getMessage());
  }

  @Test
  void formatNamesParse() {
    assertEquals(ImageFormat.FOLDER, ImageFormat.parse(" Folder "));
    assertEquals(ImageFormat.SYNTHETIC, ImageFormat.parse("synthetic"), "asked for, never guessed");
    assertEquals("unknown image format 'mat' (use one of tiny, cifar, folder, csv, tsv, jsonl, synthetic)",
        assertThrows(BadInput.class, () -> ImageFormat.parse("mat")).getMessage());
  }
}
