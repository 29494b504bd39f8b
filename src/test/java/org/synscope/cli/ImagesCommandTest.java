package org.synscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code synscope images import} on CIFAR-100's binary layout, three records made by hand, against WordNet 3.0. */
@ResourceLock(value = Resources.SYSTEM_ERR, mode = ResourceAccessMode.READ)
class ImagesCommandTest {
  @TempDir
  Path dir;

  /** Records: (coarse 0 fruit, fine 0 apple), (1 people, 1 baby), (0, 0 apple); pixels all 7. */
  private Path cifar() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("cifar-100-binary"));
    Files.writeString(folder.resolve("fine_label_names.txt"), "apple\nbaby\n");
    Files.writeString(folder.resolve("coarse_label_names.txt"), "fruit_and_vegetables\npeople\n");
    byte[] all = new byte[3 * 3074];
    java.util.Arrays.fill(all, (byte) 7);
    int[][] labels = {{0, 0}, {1, 1}, {0, 0}};
    for (int i = 0; i < 3; i++) {
      all[i * 3074] = (byte) labels[i][0];
      all[i * 3074 + 1] = (byte) labels[i][1];
    }
    return Files.write(folder.resolve("train.bin"), all);
  }

  @Test
  void importsCifarAndCreatesItsCategoriesFromTheLabels() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "images", "import", cifar().toString(), "--dataset",
        "cifar", "--index", dir.resolve("index").toString());
    assertEquals(0, code, err.toString());
    String[] lines = out.toString().strip().split("\\R");
    assertEquals("Created dataset 'cifar' from the image labels: 2 categories", lines[0]);
    assertEquals(true, lines[1].startsWith("Imported 3 images of 2 categories into 'cifar' (cifar, guessed from the name) in "),
        lines[1]);
    assertEquals(true, lines[1].endsWith("; pixels from " + dir.resolve("cifar-100-binary/train.bin").toAbsolutePath()), lines[1]);
    assertEquals("facets: coarse", lines[2]);
  }

  @Test
  void aLabelByteOutOfRangeIsAnErrorWithItsRecord() throws IOException {
    Path bin = cifar();
    byte[] bytes = Files.readAllBytes(bin);
    bytes[2 * 3074 + 1] = 9; // the third record's fine label: only 2 names
    Files.write(bin, bytes);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "images", "import", bin.toString(), "--dataset",
        "cifar", "--index", dir.resolve("index").toString());
    assertEquals(2, code);
    assertEquals("synscope: " + bin + ":3: fine label 9 out of range (2 names in fine_label_names.txt)",
        err.toString().strip());
  }

  @Test
  void aClassWithABadWnidIsNamedNotGivenTheHeadersLine() throws IOException {
    // It said "table.csv:1" (the header) and suggested --skip-bad-lines, which images import does not have.
    Path table = Files.writeString(dir.resolve("table.csv"), "image,wnid\na.png,n02084071\nb.png,n99999999\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "images", "import", table.toString(), "--dataset",
        "t", "--index", dir.resolve("index").toString());
    assertEquals(1, code);
    assertEquals(table + ": class 'n99999999' (the 2nd class of the images): n99999999 is not a noun synset of WordNet"
        + " 3.0\nsynscope: import failed; nothing was published and the index is unchanged",
        err.toString().strip().replace("\r", ""));
  }
}
