package org.synscope.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;

class DatasetReaderTest {
  @TempDir
  Path dir;

  private static List<String> problems(DatasetReader.Result r) {
    return r.problems().stream().map(LineProblem::toString).toList();
  }

  private static List<String> labels(DatasetReader.Result r) {
    return r.records().stream().map(x -> x.label() != null ? x.label() : x.wnid()).toList();
  }

  @Test
  void tinyImagesClassList() {
    Path f = Fixtures.write(dir.resolve("tiny.csv"), "class_ind,class_name,n_images\n0,a-bomb,2426\n1,a._a._michelson,1045\n");
    DatasetReader.Result r = DatasetReader.read(f, null);
    assertEquals(Format.TINY_IMAGES, r.format());
    assertTrue(r.guessed());
    assertEquals(List.of(new LabelRecord(2, "a-bomb", null, 2426L, Map.of("class_ind", 0L)),
        new LabelRecord(3, "a._a._michelson", null, 1045L, Map.of("class_ind", 1L))), r.records());
    assertEquals(List.of(), r.problems());
    assertEquals(3, r.lines());
  }

  @Test
  void labelsWithOptionalCountsCommentsAndBlankLines() {
    Path f = Fixtures.write(dir.resolve("labels.txt"), "# CIFAR-like\napple\n\nbaby\t12\r\nbeaver\n");
    DatasetReader.Result r = DatasetReader.read(f, null);
    assertEquals(Format.LABELS, r.format());
    assertEquals(List.of(new LabelRecord(2, "apple", null, null, Map.of()), new LabelRecord(4, "baby", null, 12L, Map.of()),
        new LabelRecord(5, "beaver", null, null, Map.of())), r.records());
  }

  @Test
  void wnidListsWithAndWithoutCounts() {
    Path f = Fixtures.write(dir.resolve("ids.txt"), "n02084071\nn02121808\t40\n");
    DatasetReader.Result r = DatasetReader.read(f, null);
    assertEquals(Format.WNIDS, r.format());
    assertEquals(List.of(LabelRecord.ofWnid(1, "n02084071", null), LabelRecord.ofWnid(2, "n02121808", 40L)), r.records());
  }

  @Test
  void csvKeepsOtherColumnsAsTypedMetadata() {
    Path f = Fixtures.write(dir.resolve("classes.csv"),
        "wnid,label,images,source,year\nn02084071,dog,10,\"flickr, web\",2008\n,cat,5,web,2009.5\n");
    DatasetReader.Result r = DatasetReader.read(f, null);
    assertEquals(Format.CSV, r.format());
    assertEquals(List.of(new LabelRecord(2, "dog", "n02084071", 10L, Map.of("source", "flickr, web", "year", 2008L)),
        new LabelRecord(3, "cat", null, 5L, Map.of("source", "web", "year", 2009.5))), r.records());
  }

  @Test
  void tsvAndJsonl() {
    Path tsv = Fixtures.write(dir.resolve("classes.tsv"), "label\tsplit\ndog\ttrain\n");
    assertEquals(List.of(new LabelRecord(2, "dog", null, null, Map.of("split", "train"))),
        DatasetReader.read(tsv, null).records());
    Path jsonl = Fixtures.write(dir.resolve("classes.jsonl"),
        "{\"label\": \"dog\", \"images\": 3, \"split\": \"train\", \"score\": 0.5}\n{\"wnid\": \"n02121808\"}\n");
    DatasetReader.Result r = DatasetReader.read(jsonl, null);
    assertEquals(Format.JSONL, r.format());
    assertEquals(List.of(new LabelRecord(1, "dog", null, 3L, Map.of("split", "train", "score", 0.5)),
        LabelRecord.ofWnid(2, "n02121808", null)), r.records());
  }

  @Test
  void gzipIsReadTransparently() throws IOException {
    Path f = dir.resolve("labels.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("dog\ncat\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(List.of("dog", "cat"), labels(DatasetReader.read(f, null)));
  }

  @Test
  void emptyFilesHaveTheirOwnMessage() {
    Path empty = Fixtures.write(dir.resolve("empty.txt"), "");
    DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(empty, null));
    assertEquals(empty + ": the file is empty", e.getMessage());
    Path blank = Fixtures.write(dir.resolve("blank.txt"), "\n# only a comment\n\n");
    e = assertThrows(DatasetException.class, () -> DatasetReader.read(blank, null));
    assertEquals(blank + ": the file has no data lines, only blank lines or # comments", e.getMessage());
    Path missing = dir.resolve("missing.txt");
    e = assertThrows(DatasetException.class, () -> DatasetReader.read(missing, null));
    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void invalidUtf8NamesTheLineAndByte() throws IOException {
    Path f = dir.resolve("latin1.txt");
    Files.write(f, new byte[] {'d', 'o', 'g', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n', 'c', 'a', 't', '\n'});
    DatasetReader.Result r = DatasetReader.read(f, null);
    assertEquals(List.of(f + ":2: invalid UTF-8 (byte 0xE9 at byte 4 of the line); save the file as UTF-8"), problems(r));
    assertEquals(List.of("dog", "cat"), labels(r));
  }

  @Test
  void duplicateLabelsAreRejectedWithTheFirstLine() {
    Path f = Fixtures.write(dir.resolve("dups.txt"), "dog\ncat\nDog\nn02084071\ncat\n");
    DatasetReader.Result r = DatasetReader.read(f, Format.LABELS);
    assertEquals(List.of(f + ":3: duplicate label 'Dog', first on line 1 ('dog' after normalising case, _ and spaces)",
        f + ":4: 'n02084071' looks like a WordNet id, not a label; synscope reads noun ids written n + 8 digits"
            + " (--format wnids): import a wnid list with --format wnids",
        f + ":5: duplicate label 'cat', first on line 2"), problems(r));
    assertEquals(List.of("dog", "cat"), labels(r));
  }

  @Test
  void theWrongFormatSaysWhatTheFileLooksLike() {
    Path f = Fixtures.write(dir.resolve("labels.txt"), "dog\ncat\n");
    DatasetReader.Result r = DatasetReader.read(f, Format.WNIDS);
    assertEquals(List.of(f + ":1: expected a wnid such as n02084071, found 'dog'",
        f + ":2: expected a wnid such as n02084071, found 'cat'",
        f + ": no line could be read as format wnids; the content looks like labels (try --format labels)"), problems(r));
    Path csv = Fixtures.write(dir.resolve("x.csv"), "label,images\ndog,1\n");
    assertEquals(List.of(csv + ":1: expected the header 'class_ind,class_name,n_images' of format tiny-images, found"
        + " 'label,images'", csv + ": no line could be read as format tiny-images; the content looks like csv"
        + " (try --format csv)"), problems(DatasetReader.read(csv, Format.TINY_IMAGES)));
  }

  @Test
  void badFieldsAreReportedPerLine() {
    Path f = Fixtures.write(dir.resolve("tiny.csv"),
        "class_ind,class_name,n_images\n0,dog,12\n1,cat\nx,owl,3\n3,,4\n4,bee,-2\n5,\"ant,7\n");
    assertEquals(List.of(f + ":3: expected 3 comma-separated fields (class_ind,class_name,n_images), found 2",
        f + ":4: class_ind 'x' is not a whole number", f + ":5: class_name is empty",
        f + ":6: n_images '-2' is not a whole number of images (0 or more)",
        f + ":7: unterminated quoted field (a field may not span lines)"), problems(DatasetReader.read(f, null)));
    Path t = Fixtures.write(dir.resolve("t.csv"), "label,images,source\ndog,1\n,2,x\ncat,many,x\nowl,3,x\n");
    assertEquals(List.of(t + ":2: expected 3 comma-separated fields as in the header, found 2",
        t + ":3: the row has neither a label nor a wnid", t + ":4: images 'many' is not a whole number (0 or more)"),
        problems(DatasetReader.read(t, null)));
    Path noKey = Fixtures.write(dir.resolve("k.csv"), "name,images\ndog,1\n");
    assertEquals(List.of(noKey + ":1: the header needs a 'label' or 'wnid' column, found: name, images",
        noKey + ": no line could be read as format csv"), problems(DatasetReader.read(noKey, Format.CSV)));
    Path j = Fixtures.write(dir.resolve("j.jsonl"), "{\"label\": \"dog\"}\n[1]\n{\"label\": 3}\n{oops\n{\"wnid\": \"dog\"}\n");
    List<String> jp = problems(DatasetReader.read(j, null));
    assertEquals(j + ":2: expected a JSON object such as {\"label\": \"dog\", \"images\": 12}", jp.get(0));
    assertEquals(j + ":3: 'label' must be a string", jp.get(1));
    assertTrue(jp.get(2).startsWith(j + ":4: not valid JSON: "), jp.get(2));
    assertEquals(j + ":5: wnid 'dog' is not of the form n02084071 (n and 8 digits)", jp.get(3));
    Path w = Fixtures.write(dir.resolve("w.txt"), "n02084071\tdog\nn1234\n");
    assertEquals(List.of(w + ":1: expected an image count after the wnid, found 'dog' (for wnid<TAB>name lists use"
        + " --format tsv with a header line)", w + ":2: expected a wnid such as n02084071, found 'n1234'",
        w + ": no line could be read as format wnids"),
        problems(DatasetReader.read(w, Format.WNIDS)));
  }

  @Test
  void csvFieldsAreQuotedAndFormulasDefused() {
    assertEquals("dog", CsvFields.quote("dog"));
    assertEquals("\"a, b\"", CsvFields.quote("a, b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvFields.quote("say \"hi\""));
    assertEquals("'=HYPERLINK(1)", CsvFields.quote("=HYPERLINK(1)"));
    assertEquals("-12", CsvFields.quote("-12"));
    assertEquals(List.of("a, b", "c"), CsvFields.split(CsvFields.quote("a, b") + ",c", ','));
  }

  @Test
  void senseOverridesAreCheckedLineByLine() {
    Path ok = Fixtures.write(dir.resolve("senses.tsv"), "# pins\ntaco\tn07880751\n");
    assertEquals(Map.of("taco", new SenseOverrides.Pin(ok.toString(), 2, "taco", "n07880751")), SenseOverrides.read(ok));
    Path bad = Fixtures.write(dir.resolve("bad.tsv"), "taco n07880751\nstiff\tcorpse\ntaco\tn1\nTaco\tn07880751\nx\tn00000001\nx\tn00000002\nsea\u200bl\tn02076196\n");
    DatasetException e = assertThrows(DatasetException.class, () -> SenseOverrides.read(bad));
    assertEquals(List.of(bad + ":1: expected label<TAB>wnid, found 'taco n07880751'",
        bad + ":2: 'corpse' is not a wnid such as n02084071", bad + ":3: 'n1' is not a wnid such as n02084071",
        bad + ":6: label 'x' is pinned twice, first on line 5",
        bad + ":7: the label has an invisible character U+200B (ZERO WIDTH SPACE) at position 4; remove it"),
        e.problems().stream().map(LineProblem::toString).toList());
  }

  @Test
  void aLabelThatLooksLikeAWnidIsAnErrorNamingTheLine() {
    // v01926311 (a verb offset) and N02084071 (upper case) used to become labels mapped to volt and nitrogen.
    Path f = Fixtures.write(dir.resolve("ids.txt"), "v01926311\nN02084071\ndog\n");
    DatasetReader.Result r = DatasetReader.read(f, null);
    assertEquals(Format.LABELS, r.format());
    assertEquals(List.of(
        f + ":1: 'v01926311' looks like a WordNet id, not a label; synscope reads noun ids written n + 8 digits"
            + " (--format wnids): a verb or adjective offset names no noun category",
        f + ":2: 'N02084071' looks like a WordNet id, not a label; synscope reads noun ids written n + 8 digits"
            + " (--format wnids): write it n02084071"), problems(r));
    assertEquals(List.of("dog"), labels(r));
  }

  static String failure(Path f) {
    DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(f, null));
    return e.problems().get(0).toString();
  }

  @Test
  void hostileFilesAreRefusedWithTheirFileAndLine() throws java.io.IOException {
    Path longLine = dir.resolve("long.txt");
    java.nio.file.Files.write(longLine, ("dog\n" + "a".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8));
    assertEquals(longLine + ":2: a line longer than 1,048,576 bytes; this is not a label list (a binary or"
        + " a decompression bomb?)", failure(longLine));

    Path gz = dir.resolve("cut.txt.gz");
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
      for (int i = 0; i < 50_000; i++) {
        out.write(("label" + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] all = bytes.toByteArray();
    java.nio.file.Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
    String cut = failure(gz);
    assertTrue(cut.startsWith(gz + ":") && cut.contains(": read failed: Unexpected end of ZLIB input stream"
        + " (a truncated or damaged .gz file?)"), cut);

    // Cut in its 8-byte trailer, a .gz ends in an EOFException without a message: "read failed: null".
    Path tail = dir.resolve("tail.txt.gz");
    var small = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(small)) {
      out.write("dog\ncat\n".getBytes(StandardCharsets.UTF_8));
    }
    java.nio.file.Files.write(tail, java.util.Arrays.copyOf(small.toByteArray(), small.size() - 5));
    String early = failure(tail);
    assertTrue(early.contains(": read failed: the file ends early (a truncated or damaged .gz file?)"), early);

    Path dev = Path.of("/dev/zero");
    if (java.nio.file.Files.exists(dev)) {
      assertEquals("/dev/zero: not a regular file (a device, FIFO or directory cannot be imported; save the list"
          + " to a file first)", failure(dev));
    }
  }

  @Test
  void overlongLabelsHugeCountsAndEndlessColumnsAreRejectedLines() {
    Path f = Fixtures.write(dir.resolve("big.txt"), "dog\n" + "x".repeat(40_000) + "\n"
        + "cat\t9223372036854775807\nfox\t99999999999999999999\nowl\t3\n");
    DatasetReader.Result r = DatasetReader.read(f, null);
    assertEquals(List.of(
        f + ":2: the label is 40,000 characters long; the limit is 1,000",
        f + ":3: image count 9223372036854775807 is more than 1,000,000,000,000; no dataset has that many",
        f + ":4: image count 99999999999999999999 is more than 1,000,000,000,000; no dataset has that many"),
        problems(r));
    assertEquals(List.of("dog", "owl"), labels(r));
    StringBuilder header = new StringBuilder("label");
    for (int i = 0; i < 100_000; i++) {
      header.append(",c").append(i);
    }
    Path wide = Fixtures.write(dir.resolve("wide.csv"), header + "\ndog" + ",1".repeat(100_000) + "\n");
    assertEquals(wide + ":1: 100,001 columns; the limit is 1,000", problems(DatasetReader.read(wide, null)).get(0));
  }

  @Test
  void aWnidInALabelColumnIsRefusedWithItsLineInEveryTableFormat() {
    // WordNet's morphology would read n02084071 as the word n (nitrogen.n.01): found by importing such a CSV.
    String why = "'n02084071' looks like a WordNet id, not a label; synscope reads noun ids written n + 8 digits"
        + " (--format wnids): put ids in a column named wnid";
    Path csv = Fixtures.write(dir.resolve("ids.csv"), "label,images\ncat,3\nn02084071,5\n");
    DatasetReader.Result r = DatasetReader.read(csv, null);
    assertEquals(List.of(csv + ":3: " + why), problems(r));
    assertEquals(List.of("cat"), labels(r));
    Path jsonl = Fixtures.write(dir.resolve("ids.jsonl"), "{\"label\": \"cat\"}\n{\"label\": \"n02084071\"}\n");
    assertEquals(List.of(jsonl + ":2: " + why), problems(DatasetReader.read(jsonl, null)));
    // A real wnid column is still read as ids.
    Path both = Fixtures.write(dir.resolve("both.tsv"), "wnid\tlabel\nn02084071\tdog\n");
    assertEquals(List.of(), problems(DatasetReader.read(both, null)));
  }

  @Test
  void invisibleCharactersAreRefusedAndOtherSpacesAreSpaces() {
    // Found by importing them: three "horse" categories, two of them repaired as spellings of horse.
    Path f = Fixtures.write(dir.resolve("invisible.txt"), "horse\nhorse\u200b\nhorse\u00a0\ndog\u0000cat\n"
        + "a\u202ebc\nadamari_l\u001apez\n");
    DatasetReader.Result r = DatasetReader.read(f, null);
    assertEquals(List.of(
        f + ":2: the label has an invisible character U+200B (ZERO WIDTH SPACE) at position 6; remove it",
        f + ":3: duplicate label 'horse\u00a0', first on line 1 ('horse' after normalising case, _ and spaces)",
        f + ":4: the label has an invisible character U+0000 (NULL) at position 4; remove it",
        f + ":5: the label has an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at position 2; remove it"),
        problems(r));
    assertEquals(List.of("horse", "adamari_l\u001apez"), labels(r), "Tiny Images' lost letter stays");
  }

  @Test
  void aJsonLineNamingAFieldTwiceIsRefused() {
    Path f = Fixtures.write(dir.resolve("twice.jsonl"), "{\"label\": \"dog\", \"label\": \"cat\"}\n{\"label\": \"owl\"}\n"
        + "{\"label\": \"fox\",}\n");
    DatasetReader.Result r = DatasetReader.read(f, null);
    assertEquals(List.of(f + ":1: not valid JSON: Duplicate field 'label'"), problems(r).subList(0, 1));
    assertEquals(1 + 1, problems(r).size());
    assertTrue(!problems(r).get(1).contains("REDACTED") && !problems(r).get(1).contains("StreamReadFeature"),
        problems(r).get(1));
    assertEquals(List.of("owl"), labels(r));
  }
}
