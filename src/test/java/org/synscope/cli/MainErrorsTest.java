package org.synscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.synscope.config.BadInput;

/**
 * The CLI's one error mapping: bad input is a message and exit 2; a bug is "internal error (id ...)" and exit 1.
 * Reads System.err: picocli replaces the given error writer with its handler's stream when System.err is
 * not the stream the handler was made with, so no test may swap System.err while the CLI runs.
 */
@ResourceLock(value = Resources.SYSTEM_ERR, mode = ResourceAccessMode.READ)
class MainErrorsTest {
  @TempDir
  Path dir;

  @Test
  void badInputIsItsMessageAndExitCode2() {
    StringWriter err = new StringWriter();
    assertEquals(2, Main.report(new BadInput("unknown format 'pdf' (use md, json or html)"), new PrintWriter(err), false));
    assertEquals("synscope: unknown format 'pdf' (use md, json or html)", err.toString().strip());
  }

  @Test
  void aPlainIllegalArgumentExceptionIsABugNotAUserError() {
    StringWriter err = new StringWriter();
    int code = Main.report(new IllegalArgumentException("slot 7 of /srv/private"), new PrintWriter(err), false);
    assertEquals(1, code);
    assertTrue(err.toString().matches("synscope: internal error \\(id [0-9a-f]{8}\\); run the command again with --debug"
        + " to see where it failed\\R"), err.toString());
    assertFalse(err.toString().contains("slot 7"));
  }

  @Test
  void aNameThatDoesNotExistIsAUsageErrorLikeABadFlag() {
    // --dataset nope and --under nope exited 1, while --flag nope and --sort nope exited 2 (README: 2 = usage error).
    StringWriter err = new StringWriter();
    assertEquals(2, Main.report(org.synscope.search.SearchException.notFound("no dataset 'nope'; indexed: c"),
        new PrintWriter(err), false));
    assertEquals("synscope: no dataset 'nope'; indexed: c", err.toString().strip());
  }

  @Test
  void aFileThatIsNotThereIsAUsageErrorAsAnUnknownDatasetIs() throws Exception {
    // index and flags import exited 1 for a missing file (images import exited 2); eval-queue with an unknown
    // dataset reported the truth file's problems first, exit 1.
    Path index = java.nio.file.Files.createDirectories(dir.resolve("missing-index"));
    Path none = dir.resolve("none.txt");
    assertEquals(none + ": no such file", run(2, "index", none.toString(), "--dataset", "y", "--index",
        index.toString())[1].lines().findFirst().orElseThrow());
    run(0, "index", java.nio.file.Files.writeString(dir.resolve("one.txt"), "dog\n").toString(), "--dataset", "y",
        "--index", index.toString());
    assertEquals("synscope: no dataset 'nosuch'; indexed: y", run(2, "eval-queue", "--dataset", "nosuch", "--truth",
        none.toString(), "--index", index.toString())[1]);
  }

  @Test
  void aContextSynsetThatDoesNotExistIsAUsageErrorNotAFailedImport() throws Exception {
    // It was "import failed; nothing was published", exit 1, as if a line of the file were bad.
    Path file = java.nio.file.Files.writeString(dir.resolve("ctx.txt"), "dog\n");
    Path index = java.nio.file.Files.createDirectories(dir.resolve("ctx-index"));
    assertEquals("synscope: --context: 'nope.n.01' is not a noun synset id or name of WordNet 3.0 (use an id such as"
        + " n02084071 or a name such as dog.n.01)", run(2, "index", file.toString(), "--dataset", "y", "--context",
        "nope.n.01", "--index", index.toString())[1]);
  }

  @Test
  void skippingBadLinesIsSuggestedOnlyWhereItWouldHelp() throws Exception {
    Path index = java.nio.file.Files.createDirectories(dir.resolve("skip-index"));
    Path bad = java.nio.file.Files.writeString(dir.resolve("bad.csv"), "label,images\ndog,3\ncat,many\n");
    assertTrue(run(1, "index", bad.toString(), "--dataset", "y", "--index", index.toString())[1].endsWith(
        "synscope: import failed: 1 bad line; nothing was published and the index is unchanged (use --skip-bad-lines"
        + " to index the good lines and list the rest)"));
    // A headerless table fails at line 1 with or without the option: the hint was printed after it was given.
    Path headerless = java.nio.file.Files.writeString(dir.resolve("headerless.csv"), "dog,3\ncat,4\n");
    assertTrue(run(1, "index", headerless.toString(), "--dataset", "y", "--skip-bad-lines", "--index",
        index.toString())[1].endsWith("synscope: import failed: 1 bad line; nothing was published and the index is"
        + " unchanged"));
    // Every line bad: skipping them leaves nothing to import, so it is not suggested either.
    Path allBad = java.nio.file.Files.writeString(dir.resolve("all-bad.csv"), "label,images\ndog,x\ncat,y\n");
    assertTrue(run(1, "index", allBad.toString(), "--dataset", "y", "--index", index.toString())[1].endsWith(
        "synscope: import failed (2 bad lines, and the file as a whole); nothing was published and the index is"
        + " unchanged"));
  }

  @Test
  void anIndexReadsItsHintsAndSignalsFilesAsEveryCommandDoes() throws Exception {
    // --hints /dev/zero ran out of memory with a stack trace (a FIFO hung); --signals /nonexistent was ignored, exit 0.
    Path index = java.nio.file.Files.createDirectories(dir.resolve("hints-index"));
    Path labels = java.nio.file.Files.writeString(dir.resolve("seals.txt"), "seal\nwhale\n");
    assertEquals("/dev/zero: not a regular file (a device or FIFO cannot be read as sense hints)\nsynscope: the --hints"
        + " file was not read, so nothing was imported: the file cannot be used", run(2, "index", labels.toString(),
        "--dataset", "y", "--hints", "/dev/zero", "--index", index.toString())[1]);
    Path none = dir.resolve("none.conf");
    assertEquals(none + ": no such file\nsynscope: the signal definitions were not loaded: the file cannot be used",
        run(2, "index", labels.toString(), "--dataset", "y", "--signals", none.toString(), "--index",
        index.toString())[1]);
  }

  @Test
  void showBySynsetRefusesToPickOneOfSeveralCategories() throws Exception {
    // show greaser.n.01 printed taco, one of the three Tiny Images categories with that primary sense.
    Path index = java.nio.file.Files.createDirectories(dir.resolve("show-index"));
    Path dogs = java.nio.file.Files.writeString(dir.resolve("dogs.txt"), "domestic_dog\nCanis_familiaris\nbeagle\n");
    run(0, "index", dogs.toString(), "--dataset", "y", "--index", index.toString());
    assertEquals("synscope: 'DOG.N.01' names 2 categories of y (each has dog.n.01 as its primary sense): give the"
        + " category's label or key, as its page shows it (the query synset:n02084071 lists them)", run(2, "show",
        "DOG.N.01", "--dataset", "y", "--index", index.toString())[1]);
    String shown = run(0, "show", "domestic_dog", "--dataset", "y", "--index", index.toString())[0];
    assertTrue(shown.startsWith("domestic_dog"), shown);
    // A list without image counts: its children and hierarchy said "0 images".
    // beagle.n.01 lies under hound.n.01 under hunting_dog.n.01, a child of dog.n.01.
    assertTrue(shown.contains("\n    hunting_dog.n.01                                 1 category\n"), shown);
    String found = run(0, "search", "--dataset", "y", "--index", index.toString())[0];
    assertTrue(found.contains("Hierarchy at entity.n.01: 3 categories, images unknown (0 at the node itself)"), found);
  }

  @Test
  void aFifoNamedAsAListIsAUsageErrorAsADirectoryIs() throws Exception {
    // It was exit 1, as if the file's content were bad; a directory was exit 2.
    Path index = java.nio.file.Files.createDirectories(dir.resolve("fifo-index"));
    Path fifo = dir.resolve("fifo");
    org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
        "mkfifo is not here");
    assertTrue(run(2, "index", fifo.toString(), "--dataset", "y", "--index", index.toString())[1].startsWith(
        fifo + ": not a regular file (a device, FIFO or directory cannot be imported; save the list to a file first)"));
    assertTrue(run(2, "flags", "import", fifo.toString(), "--name", "some-list", "--index", index.toString())[1]
        .startsWith(fifo + ": not a regular file"));
  }

  @Test
  void debugPrintsTheStackTrace() {
    StringWriter err = new StringWriter();
    assertEquals(1, Main.report(new NullPointerException("boom"), new PrintWriter(err), true));
    assertTrue(err.toString().startsWith("synscope: internal error (id "), err.toString());
    assertTrue(err.toString().contains("java.lang.NullPointerException: boom"), err.toString());
    assertTrue(err.toString().contains("\tat org.synscope.cli.MainErrorsTest"), err.toString());
  }

  static String[] run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    assertEquals(expectedCode, code, err.toString());
    return new String[] {out.toString(), err.toString().strip()};
  }

  @Test
  void aMistypedIndexDirectoryIsRefusedNotBuilt() throws Exception {
    // stats --index /typo built a 15 s WordNet index there.
    Path typo = dir.resolve("typo");
    assertEquals("synscope: no synscope index at " + typo + ": build one there with 'synscope build-default --index "
        + typo + "' or 'synscope index FILE --index " + typo + "', or give the index directory you meant",
        run(2, "stats", "--index", typo.toString())[1]);
    assertFalse(java.nio.file.Files.exists(typo.resolve("meta.json")));
    assertFalse(java.nio.file.Files.exists(typo), "not even an empty audit/ directory is left at the typo");
    Path file = java.nio.file.Files.writeString(dir.resolve("labels.txt"), "dog\n");
    assertEquals("synscope: " + file + " is a file, not an index directory: give the directory that holds meta.json"
        + " (or a new or empty one to build an index in)", run(2, "stats", "--index", file.toString())[1]);
    Path other = java.nio.file.Files.createDirectories(dir.resolve("photos"));
    java.nio.file.Files.writeString(other.resolve("holiday.jpg"), "x");
    assertEquals("synscope: " + other + " is not a synscope index (it has no meta.json) and is not empty: give an"
        + " index directory, or a new or empty one to build an index in", run(2, "search", "dog", "--index",
        other.toString())[1]);
    // index and build-default wrote an index beside the photos.
    String refused = "synscope: " + other + " is not a synscope index (it has no meta.json) and is not empty: give an"
        + " index directory, or a new or empty one to build an index in";
    assertEquals(refused, run(2, "build-default", "--index", other.toString())[1]);
    assertEquals(refused, run(2, "index", file.toString(), "--dataset", "d", "--index", other.toString())[1]);
    assertEquals(List.of("holiday.jpg"), java.nio.file.Files.list(other).map(p -> p.getFileName().toString()).toList());
    // What a first import killed before it published meta.json leaves is no rival: the next import goes ahead
    // and removes the dead build.
    Path killed = java.nio.file.Files.createDirectories(dir.resolve("killed").resolve("datasets").resolve("d-1"));
    java.nio.file.Files.writeString(killed.resolve("_0.cfs"), "half");
    java.nio.file.Files.writeString(dir.resolve("killed").resolve(".lock"), "");
    run(0, "index", file.toString(), "--dataset", "d", "--index", dir.resolve("killed").toString());
    assertTrue(java.nio.file.Files.exists(dir.resolve("killed").resolve("meta.json")));
    assertFalse(java.nio.file.Files.exists(killed), "the dead build is gone");
  }

  @Test
  void serveRefusesAnAddressItCannotListenOnBeforeBuildingAnything() throws Exception {
    // These were "internal error (id ...)", exit 1, after building the default dataset.
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertEquals("synscope: cannot listen on 127.0.0.1:" + port + ": the port is in use or not allowed; pick another"
          + " with --port (0 picks a free one)", run(2, "serve", "--port", String.valueOf(port), "--index",
          dir.resolve("new").toString())[1]);
    }
    assertEquals("synscope: --port must be 0 to 65535 (0 picks a free one), was 99999",
        run(2, "serve", "--port", "99999", "--index", dir.resolve("new").toString())[1]);
    assertTrue(run(2, "serve", "--host", "999.1.1.1", "--index", dir.resolve("new").toString())[1]
        .startsWith("synscope: cannot listen on 999.1.1.1:7070: "));
    // An address of another machine (192.0.2.1 is kept for documentation): it blamed the port.
    assertEquals("synscope: cannot listen on 192.0.2.1:7070: 192.0.2.1 is not an address of this machine; give --host"
        + " one of its addresses (127.0.0.1 for this machine alone, 0.0.0.0 for all)",
        run(2, "serve", "--host", "192.0.2.1", "--index", dir.resolve("new").toString())[1]);
    assertFalse(java.nio.file.Files.exists(dir.resolve("new").resolve("meta.json")), "nothing was built");
  }

  @Test
  void aFileThatCannotBeUsedIsSaidPlainlyAndSignalFilesAreNoImport() throws Exception {
    // Before: "cannot read: /x", "import failed: 1 bad line ... use --skip-bad-lines" for a missing --signals file.
    Path missing = dir.resolve("mine.signals");
    StringWriter err = new StringWriter();
    Main.report(new org.synscope.dataset.DatasetException(List.of(org.synscope.dataset.LineProblem.unreadable(missing,
        new java.nio.file.NoSuchFileException(missing.toString()))), org.synscope.dataset.DatasetException.SIGNALS),
        new PrintWriter(err), false);
    assertEquals(missing + ": no such file\nsynscope: the signal definitions were not loaded: the file cannot be used",
        err.toString().strip().replace("\r", ""));
    StringWriter folder = new StringWriter();
    Main.report(new org.synscope.dataset.DatasetException(org.synscope.dataset.LineProblem.unreadable(dir,
        new java.io.IOException("Is a directory"))), new PrintWriter(folder), false);
    assertEquals(dir + ": is a directory, not a file\nsynscope: import failed; nothing was published and the index is"
        + " unchanged", folder.toString().strip().replace("\r", ""));
  }

  /** An index holding dataset {@code d} (dog and cat), for commands that check the dataset before their file. */
  static Path indexWithD(Path dir) throws Exception {
    Path index = java.nio.file.Files.createDirectories(dir.resolve("d-index"));
    if (!java.nio.file.Files.exists(index.resolve("meta.json"))) {
      run(0, "index", java.nio.file.Files.writeString(dir.resolve("d.txt"), "dog\ncat\n").toString(), "--dataset", "d",
          "--index", index.toString());
    }
    return index;
  }

  @Test
  void aBadGoldFileIsNotCalledAFailedImport() throws Exception {
    // It said "import failed: 2 bad lines; nothing was published ... (use --skip-bad-lines ...)", an option
    // eval-senses does not have, about an import it never makes.
    Path gold = java.nio.file.Files.writeString(dir.resolve("gold.txt"), "dog\ncat\n");
    assertEquals(gold + ":1: expected label<TAB>wnid, found 'dog'\n" + gold + ":2: expected label<TAB>wnid, found 'cat'\n"
        + "synscope: the gold file was not read: 2 bad lines",
        run(1, "eval-senses", gold.toString(), "--dataset", "d", "--index", indexWithD(dir).toString())[1]);
  }

  @Test
  void aProblemOfTheWholeFileIsNotCountedAsABadLine() throws Exception {
    // One line of 1,200 commas: it said "import failed: 2 bad lines" for a 1-line file.
    Path commas = java.nio.file.Files.writeString(dir.resolve("commas.txt"), ",".repeat(1_200) + "\n");
    String err = run(1, "index", commas.toString(), "--dataset", "x", "--index", dir.resolve("commas-index").toString())[1];
    assertTrue(err.endsWith("synscope: import failed (1 bad line, and the file as a whole); nothing was published and"
        + " the index is unchanged"), err);
  }

  @Test
  void aSignalMayNotTakeTheNameOfAnImportedList() throws Exception {
    Path index = indexWithD(dir);
    run(0, "flags", "import", java.nio.file.Files.writeString(dir.resolve("mine.txt"), "dog\n").toString(), "--name",
        "mine", "--type", "labels", "--index", index.toString());
    Path conf = java.nio.file.Files.writeString(dir.resolve("mine.conf"), "[mine]\ntitle = M\ndefinition = d\ncue = goat | g\n");
    assertEquals("synscope: signal [mine] (" + conf + ") has the name of an imported list; give the signal another"
        + " name, or remove the list with 'synscope flags remove mine'", run(2, "search", "dog", "--signals",
        conf.toString(), "--index", index.toString())[1]);
  }

  @Test
  void aCsvFileWithoutAHeaderIsRefusedNotReadAsLabelsWithCommas() throws Exception {
    // dog,12 became the label "dog,12": unmapped, its image count lost, exit 0.
    Path csv = java.nio.file.Files.writeString(dir.resolve("counts.csv"), "dog,12\ncat,30\n");
    assertEquals(csv + ":1: a .csv file needs a header that names a label or wnid column (optionally images); the"
        + " first line is 'dog,12'. Add one (label,images), or give --format labels to read every line as one label",
        run(1, "index", csv.toString(), "--dataset", "x", "--index", dir.resolve("csv-index").toString())[1]
            .lines().findFirst().orElseThrow());
  }

  @Test
  void noAccountsIsSaidOnStderrNotSilence() throws Exception {
    Path empty = java.nio.file.Files.createDirectories(dir.resolve("accounts"));
    String[] outErr = run(0, "users", "list", "--index", empty.toString());
    assertEquals(List.of("", "no accounts yet: add one with 'synscope users add NAME --role viewer|auditor|admin'"),
        List.of(outErr[0], outErr[1]));
  }

  @Test
  void aRejectedOptionEndsTheRunWithExitCode2() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "stats", "--index", dir.toString(), "--timeout", "0");
    assertEquals(2, code, err.toString());
    assertEquals("synscope: query timeout must be positive", err.toString().strip());
  }

  @Test
  void oneEntryIsAnEntry() throws Exception {
    Path index = indexWithD(dir);
    Path list = java.nio.file.Files.writeString(dir.resolve("one.txt"), "dog\n");
    assertTrue(run(0, "flags", "import", list.toString(), "--name", "one-dog", "--index", index.toString())[0]
        .contains(": 1 entry applied, 0 unknown;"), "it said '1 entries applied'");
  }

  @Test
  void anAucWithNoPairToRankIsNotApplicableNotZero() throws Exception {
    // Every category unsafe: eval-queue printed an AUC of 0.0000 ("auc_static": 0.0).
    Path index = indexWithD(dir);
    Path truth = java.nio.file.Files.writeString(dir.resolve("all.txt"), "dog\ncat\n");
    assertTrue(run(0, "eval-queue", "--dataset", "d", "--truth", truth.toString(), "--at", "1", "--index",
        index.toString())[0].contains("ROC AUC of the static risk score: n/a (every category of the pool is unsafe, or"
        + " none is: no pair to rank)"));
    assertTrue(run(0, "eval-queue", "--dataset", "d", "--truth", truth.toString(), "--at", "1", "--json", "--index",
        index.toString())[0].contains("\"auc_static\" : null"));
  }

  @Test
  void evalQueueRefusesNonsenseReviewCountsAndSaysWhichFileItCouldNotRead() throws Exception {
    // --at 0 printed "5 unsafe found after 0 reviews"; a binary truth file ended in "import failed; nothing was
    // published", although eval-queue publishes nothing.
    Path truth = java.nio.file.Files.writeString(dir.resolve("truth.txt"), "n02084071\n");
    assertEquals("synscope: --at takes numbers of reviews, each 1 or more (e.g. 100,300,600), not [0, 100]",
        run(2, "eval-queue", "--dataset", "d", "--truth", truth.toString(), "--at", "0,100", "--index",
            dir.toString())[1]);
    Path binary = java.nio.file.Files.write(dir.resolve("truth.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
    Path index = indexWithD(dir);
    assertEquals(binary + ":1: invalid UTF-8 (byte 0xFF at byte 1 of the line); save the file as UTF-8\nsynscope: the"
        + " truth list was not read: 1 bad line", run(1, "eval-queue", "--dataset", "d", "--truth", binary.toString(), "--index", index.toString())[1]
        .replace("\r", ""));
    // A directory given as the file is a usage error (exit 2), as a file that is not there is.
    assertEquals(dir + ": is a directory, not a file\nsynscope: the truth list was not read: the file cannot be used",
        run(2, "eval-queue", "--dataset", "d", "--truth", dir.toString(), "--index", index.toString())[1]
            .replace("\r", ""));
  }
}
