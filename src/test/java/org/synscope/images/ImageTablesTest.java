package org.synscope.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.synscope.images.ImageFixtures.read;
import static org.synscope.images.ImageFixtures.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.config.BadInput;

class ImageTablesTest {
  @TempDir
  Path dir;

  private static final String CSV = """
      image,label,wnid,caption,source
      dog/1.jpg,dog,,a dog on grass,flickr
      https://www.Example.org/x.jpg,,n02121808,"a cat, ""sleeping"\"",

      http://img.host.net:81/y.png?s=1,n02084071,,,google
      """;

  private static final List<ImageRecord> EXPECTED = List.of(
      new ImageRecord(0, "dog", null, Map.of("caption", "a dog on grass", "source", "flickr"), "dog/1.jpg", null),
      new ImageRecord(1, null, "n02121808", Map.of("caption", "a cat, \"sleeping\"", "domain", "example.org"), null,
          "https://www.Example.org/x.jpg"),
      // A wnid in the label column names the class by wnid, as a folder named so does.
      new ImageRecord(2, null, "n02084071", Map.of("source", "google", "domain", "img.host.net"), null,
          "http://img.host.net:81/y.png?s=1"));

  @Test
  void csvRowsWithMetadataColumns() {
    Path f = write(dir.resolve("images.csv"), CSV);
    try (ImageSource source = ImageSource.open(f, null, null)) {
      assertEquals(ImageFormat.CSV, source.format());
      assertEquals(dir.toAbsolutePath(), source.base());
      List<ImageRecord> records = source.records().toList();
      assertEquals(EXPECTED, records);
      assertEquals(List.of("caption", "source"), List.copyOf(records.get(0).metadata().keySet()));
      assertEquals(EXPECTED.subList(1, 3), source.records(1, 5).toList());
    }
  }

  @Test
  void tsvAndGzippedCsv() throws IOException {
    Path tsv = write(dir.resolve("images.tsv"), CSV.replace(",", "\t").replace("a cat\t ", "a cat, "));
    assertEquals(EXPECTED, read(tsv, null));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(CSV.getBytes(StandardCharsets.UTF_8));
    }
    Path gz = write(dir.resolve("images.csv.gz"), bytes.toByteArray());
    assertEquals(EXPECTED, read(gz, null));
  }

  @Test
  void jsonLines() {
    Path f = write(dir.resolve("images.jsonl"), """
        {"image": "a/1.png", "label": "dog", "score": 0.5, "tags": ["x", "y"], "note": null}
        {"image": "https://cdn.example.net/2.jpg", "wnid": "n02121808", "domain": "mine"}
        """);
    assertEquals(List.of(
        new ImageRecord(0, "dog", null, Map.of("score", "0.5", "tags", "[\"x\",\"y\"]"), "a/1.png", null),
        // A domain key of the file's own wins over the one parsed from the URL.
        new ImageRecord(1, null, "n02121808", Map.of("domain", "mine"), null, "https://cdn.example.net/2.jpg")),
        read(f, null));
  }

  private String error(String name, String content) {
    Path f = write(dir.resolve(name), content);
    return assertThrows(BadInput.class, () -> read(f, null)).getMessage().replace(f.toString(), "FILE");
  }

  @Test
  void badLinesNameTheFileAndTheLine() {
    assertEquals("FILE:1: the header needs an 'image' column (the image's path or URL), found: path, label",
        error("a.csv", "path,label\nx.jpg,dog\n"));
    assertEquals("FILE:1: the header needs a 'label' or 'wnid' column, found: image, caption",
        error("b.csv", "image,caption\nx.jpg,dog\n"));
    assertEquals("FILE:3: the row has neither a label nor a wnid", error("c.csv", "image,label,wnid\nx.jpg,dog,\ny.jpg,,\n"));
    assertEquals("FILE:2: unterminated quoted field (a field may not span lines)",
        error("d.csv", "image,label\n\"x.jpg,dog\n"));
    assertEquals("FILE:2: label 'N02084071' looks like a WordNet id but is not one: write it n02084071 (in the wnid"
        + " column)", error("e.csv", "image,label\nx.jpg,N02084071\n"));
    assertEquals("FILE:2: label 'v01926311' looks like a WordNet id but is not one: a verb, adjective or adverb offset"
        + " names no noun category", error("f.tsv", "image\tlabel\nx.jpg\tv01926311\n"));
    assertEquals("FILE:2: label 'n0208407' looks like a WordNet id but is not one: a wnid is n and exactly 8 digits",
        error("g.jsonl", "\n{\"image\": \"x.jpg\", \"label\": \"n0208407\"}\n"));
    assertEquals("FILE:2: wnid 'dog' is not of the form n02084071 (n and 8 digits)",
        error("h.csv", "image,wnid\nx.jpg,dog\n"));
    assertEquals("FILE:2: no image: the 'image' field needs the image's path or URL", error("i.csv", "image,label\n,dog\n"));
    assertEquals("FILE:3: expected 2 comma-separated fields as in the header, found 3",
        error("j.csv", "image,label\nx.jpg,dog\ny.jpg,dog,extra\n"));
    assertEquals("FILE:1: column 'Label' appears twice in the header", error("k.csv", "image,label,Label\n"));
    assertEquals("FILE:1: column name 'a b' must be a letter or _ followed by letters, digits, _ . or - (64 at most)",
        error("l.csv", "image,label,a b\n"));
    assertEquals("FILE:1: 'image' must be a string", error("m.jsonl", "{\"image\": 7, \"label\": \"dog\"}\n"));
    assertEquals("FILE:2: not valid JSON: Unexpected end-of-input within/between Object entries",
        error("n.jsonl", "{\"image\": \"x\", \"label\": \"dog\"}\n{\"image\": \n"));
    // Accepted before, though a label list refuses each: a key named twice (last one won), text after the
    // object, a number out of range (stored as Infinity), a label with an invisible character.
    assertEquals("FILE:1: not valid JSON: Duplicate field 'image'",
        error("o.jsonl", "{\"image\": \"a.png\", \"label\": \"dog\", \"image\": \"b.png\"}\n"));
    assertEquals("FILE:1: not valid JSON: something follows the JSON value",
        error("p.jsonl", "{\"image\": \"g.png\", \"label\": \"dog\"} {\"image\": \"h.png\"}\n"));
    assertEquals("FILE:1: 'year' is Infinity, a number out of range",
        error("q.jsonl", "{\"image\": \"g.png\", \"label\": \"dog\", \"year\": 1e999}\n"));
    assertEquals("FILE:2: the label has an invisible character U+200B (ZERO WIDTH SPACE) at position 4; remove it",
        error("r.csv", "image,label\na.png,dog\u200b\n"));
  }

  @Test
  void tooManyColumnsAndOverlongLinesAreRefused() {
    StringBuilder header = new StringBuilder("image,label");
    for (int i = 0; i <= 1_000; i++) {
      header.append(",c").append(i);
    }
    assertEquals("FILE:1: 1,001 metadata columns; the limit is 1,000", error("wide.csv", header + "\n"));
    StringBuilder json = new StringBuilder("{\"image\": \"x.jpg\", \"label\": \"dog\"");
    for (int i = 0; i <= 1_000; i++) {
      json.append(", \"c").append(i).append("\": 1");
    }
    assertEquals("FILE:1: more than 1,000 metadata keys; the limit is 1,000", error("wide.jsonl", json + "}\n"));
    assertEquals("FILE:2: a line longer than 1,048,576 bytes; this is not a per-image list (a binary or a decompression"
        + " bomb?)", error("long.csv", "image,label\n" + "x".repeat(1_100_000) + ",dog\n"));
  }

  @Test
  void fifosAndMissingFilesAreRefused() {
    Path missing = dir.resolve("none.csv");
    assertEquals(missing + ": no such file", assertThrows(BadInput.class, () -> ImageSource.open(missing, ImageFormat.CSV,
        null)).getMessage());
    Path fifo = dir.resolve("pipe.csv");
    org.junit.jupiter.api.Assumptions.assumeTrue(ImageFixtures.mkfifo(fifo), "mkfifo");
    assertEquals(fifo + ": not a regular file (a device, FIFO or directory cannot be imported; save the list to a file"
        + " first)", assertThrows(BadInput.class, () -> ImageSource.open(fifo, null, null)).getMessage());
  }
}
