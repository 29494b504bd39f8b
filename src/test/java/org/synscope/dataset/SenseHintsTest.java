package org.synscope.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;

/** A --hints file is read strictly: what it means must be what it says. */
class SenseHintsTest {
  @TempDir
  Path dir;

  private String refused(String json) {
    Path f = Fixtures.write(dir.resolve("h.json"), json);
    DatasetException e = assertThrows(DatasetException.class, () -> SenseHints.read(f));
    assertEquals("the --hints file was not read, so nothing was imported", e.failed());
    return e.problems().get(0).toString().replace(f.toString(), "F");
  }

  @Test
  void aGroupFileIsReadWithItsByteOrderMark() {
    Path f = Fixtures.write(dir.resolve("h.json"), "\uFEFF{\"aquatic_mammals\": [\"Seal\", \"whale\"], \"fish\": [\"trout\"]}");
    assertEquals(Map.of("seal", "aquatic_mammals", "whale", "aquatic_mammals", "trout", "fish"),
        SenseHints.read(f).labels());
  }

  @Test
  void whatWouldBeReadOtherwiseThanWrittenIsRefused() {
    // Each was accepted: trailing text and a second document ignored, a group named twice last-one-wins, a
    // label in two groups given the last, a bidi override in a group's name.
    assertEquals(List.of(
        "F:1: not valid JSON: Unrecognized token 'trailing': was expecting (JSON String, Number, Array, Object or"
            + " token 'null', 'true' or 'false')",
        "F:2: not valid JSON: something follows the JSON value",
        "F:1: not valid JSON: Duplicate field 'a'",
        "F: label 'Apple' is in two groups, 'a' and 'b'; a label has one group",
        "F: group 'fr\u202Euit' has an invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at position 3; remove it"),
        List.of(refused("{\"fruit\": [\"apple\"]} trailing"), refused("{\"a\": [\"apple\"]}\n{\"b\": [\"pear\"]}"),
            refused("{\"a\": [\"apple\"], \"a\": [\"pear\"]}"), refused("{\"a\": [\"apple\"], \"b\": [\"Apple\"]}"),
            refused("{\"fr\u202Euit\": [\"apple\"]}")));
  }

  @Test
  void anImportWarnsOfHintLabelsThatAreNoLabelOfTheList() {
    // The wrong dataset's hints imported as if nothing were wrong.
    Path hints = Fixtures.write(dir.resolve("h.json"), "{\"animals\": [\"dog\", \"cat\", \"zebra\"]}");
    org.synscope.index.IndexCatalog catalog = new org.synscope.index.IndexCatalog(dir.resolve("index"));
    org.synscope.index.ImportReport report = new org.synscope.index.DatasetIndexer(catalog,
        new org.synscope.index.CategoryEnricher(Fixtures.handMade())).index(new org.synscope.index.DatasetIndexer.Request(
            "fixture", Fixtures.handMadeLabels(dir), null, false, null, org.synscope.wordnet.SensePolicy.DATASET, List.of(),
            hints), org.synscope.index.ProgressListener.NONE);
    assertEquals(List.of(hints + ": 1 of its 3 labels is no label of the list (zebra)"), report.warnings());
  }
}
