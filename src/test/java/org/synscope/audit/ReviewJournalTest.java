package org.synscope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewJournalTest {
  @TempDir
  Path dir;

  static ReviewDraft draft(String user, String key, ReviewStatus status, String why) {
    return new ReviewDraft(user, new CategoryRef("d", key), key, "n00000006", status, why, Scope.CATEGORY);
  }

  @Test
  void recordsKeepEveryChangeWithItsPreviousStatus() {
    Path file = dir.resolve("reviews.journal");
    try (ReviewJournal j = ReviewJournal.open(file, true)) {
      Review first = j.append(List.of(draft("alice", "dog", ReviewStatus.SENSITIVE, "maybe")), null).get(0);
      assertEquals(1, first.seq());
      assertEquals("r1", first.id());
      assertNull(first.previous());
      Review second = j.append(List.of(draft("bob", "dog", ReviewStatus.SAFE, "it is a dog")), null).get(0);
      assertEquals(ReviewStatus.SENSITIVE, second.previous());
      List<Review> bulk = j.append(List.of(draft("bob", "cat", ReviewStatus.SAFE, ""), draft("bob", "cat", ReviewStatus.OFFENSIVE, "")), "b1");
      assertEquals(ReviewStatus.SAFE, bulk.get(1).previous(), "a later draft of the same write sees the earlier one");
      assertEquals(List.of("maybe", "it is a dog"), j.history(new CategoryRef("d", "dog")).stream().map(Review::rationale).toList());
      assertEquals(ReviewStatus.OFFENSIVE, j.current(new CategoryRef("d", "cat")));
    }
    try (ReviewJournal again = ReviewJournal.open(file, false)) {
      assertEquals(4, again.all().size());
      assertEquals(List.of("r4", "r3", "r2", "r1"), again.recent(r -> true, 0, 10).stream().map(Review::id).toList());
      assertEquals(List.of("r4", "r3"), again.recent(r -> "b1".equals(r.bulk()), 0, 10).stream().map(Review::id).toList());
    }
  }

  @Test
  void aTornLastRecordIsCutAndNeverRead() throws IOException {
    Path file = dir.resolve("reviews.journal");
    try (ReviewJournal j = ReviewJournal.open(file, true)) {
      j.append(List.of(draft("alice", "dog", ReviewStatus.OFFENSIVE, "x")), null);
    }
    long whole = Files.size(file);
    String full = ReviewJournal.format(new Review(2, "r2", "2026-11-29T00:00:00Z", "alice", "d", "cat", "cat", null,
        ReviewStatus.SAFE, null, "y", Scope.CATEGORY, null));
    Files.write(file, full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    try (ReviewJournal reader = ReviewJournal.open(file, false)) {
      assertEquals(1, reader.all().size(), "a reader skips the torn tail");
    }
    assertTrue(Files.size(file) > whole, "a reader does not cut: a writer may be mid-append");
    try (ReviewJournal writer = ReviewJournal.open(file, true)) {
      assertEquals(1, writer.all().size());
      assertTrue(writer.repaired().contains(":2: an unfinished record"), writer.repaired());
      assertEquals(whole, Files.size(file));
      assertEquals(2, writer.append(List.of(draft("alice", "cat", ReviewStatus.SAFE, "y")), null).get(0).seq());
    }
  }

  @Test
  void aCorruptRecordInTheMiddleStopsTheServerFromStarting() throws IOException {
    Path file = dir.resolve("reviews.journal");
    try (ReviewJournal j = ReviewJournal.open(file, true)) {
      j.append(List.of(draft("alice", "dog", ReviewStatus.OFFENSIVE, "x"), draft("alice", "cat", ReviewStatus.SAFE, "y")), null);
    }
    String text = Files.readString(file);
    Files.writeString(file, text.replaceFirst("\"x\"", "\"z\""));
    AuditException e = assertThrows(AuditException.class, () -> ReviewJournal.open(file, true));
    assertEquals(file + ":1: corrupt review record (checksum mismatch) in the middle of the journal; restore the file"
        + " from a backup", e.getMessage());
  }

  @Test
  void aDamagedLastRecordThatEndsInANewlineWasAcknowledgedAndStops() throws IOException {
    // Only a line without its newline is a torn write; a whole record was forced to disk and acknowledged.
    Path file = dir.resolve("reviews.journal");
    try (ReviewJournal j = ReviewJournal.open(file, true)) {
      j.append(List.of(draft("alice", "dog", ReviewStatus.OFFENSIVE, "x"), draft("alice", "cat", ReviewStatus.SAFE, "y")), null);
    }
    String text = Files.readString(file);
    Files.writeString(file, text.replaceFirst("\"y\"", "\"q\""));
    long size = Files.size(file);
    AuditException e = assertThrows(AuditException.class, () -> ReviewJournal.open(file, true));
    assertEquals(file + ":2: corrupt review record (checksum mismatch); it ends in a newline, so it was written"
        + " whole and acknowledged: restore the file from a backup", e.getMessage());
    assertEquals(size, Files.size(file), "nothing is cut");
  }

  @Test
  void aReplayedRecordIsDetected() throws IOException {
    Path file = dir.resolve("reviews.journal");
    try (ReviewJournal j = ReviewJournal.open(file, true)) {
      j.append(List.of(draft("alice", "dog", ReviewStatus.OFFENSIVE, "x"), draft("alice", "cat", ReviewStatus.SAFE, "y")), null);
    }
    String first = Files.readAllLines(file).get(0);
    Files.writeString(file, first + "\n", StandardOpenOption.APPEND);
    AuditException e = assertThrows(AuditException.class, () -> ReviewJournal.open(file, false));
    assertEquals(file + ":3: review record 1 comes after record 2 (sequence numbers must increase): a replayed or"
        + " copied record; restore the file from a backup", e.getMessage());
  }

  @Test
  @SuppressWarnings("try") // the open writer holds the lock
  void oneWriterAtATime() {
    Path file = dir.resolve("reviews.journal");
    try (ReviewJournal writer = ReviewJournal.open(file, true)) {
      AuditException e = assertThrows(AuditException.class, () -> ReviewJournal.open(file, true));
      assertTrue(e.getMessage().contains("is in use by another synscope"), e.getMessage());
      try (ReviewJournal reader = ReviewJournal.open(file, false)) {
        assertThrows(AuditException.class, () -> reader.append(List.of(draft("a", "dog", ReviewStatus.SAFE, "")), null));
      }
    }
  }
}
