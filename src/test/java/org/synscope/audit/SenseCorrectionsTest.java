package org.synscope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class SenseCorrectionsTest {
  @TempDir
  Path dir;

  @Test
  void correctionsAreReplayedAndTheLatestPerCategoryWins() {
    Path file = dir.resolve("senses.journal");
    try (SenseCorrections c = SenseCorrections.open(file, true)) {
      c.record("alice", "cifar", "seal", "seal", "n04159058", "sealing_wax.n.01", "n02076196", "seal.n.09", "animals");
      c.record("bob", "cifar", "whale", "whale", "n10129133", "giant.n.04", "n02062744", "whale.n.02", "");
      c.record("alice", "cifar", "seal", "seal", "n02076196", "seal.n.09", "n04158807", "seal.n.02", "changed my mind");
    }
    try (SenseCorrections c = SenseCorrections.open(file, false)) {
      assertEquals(List.of("s1", "s2", "s3"), c.all().stream().map(SenseCorrection::id).toList());
      assertEquals(List.of("whale n02062744", "seal n04158807"), c.latest("cifar").values().stream()
          .map(x -> x.category() + " " + x.after()).toList());
      assertEquals(List.of("s1", "s3"), c.history(new CategoryRef("cifar", "seal")).stream().map(SenseCorrection::id).toList());
      assertEquals("by alice's correction s3 (" + c.all().get(2).at() + "): changed my mind", c.all().get(2).citation());
    }
  }

  @Test
  void aTornTailIsCutAndACorruptMiddleRecordStops() throws IOException {
    Path file = dir.resolve("senses.journal");
    try (SenseCorrections c = SenseCorrections.open(file, true)) {
      c.record("alice", "d", "kid", "kid", null, null, "n00000011", "kid.n.02", "goats");
    }
    Files.writeString(file, "0123abcd {\"seq\":2", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (SenseCorrections c = SenseCorrections.open(file, true)) {
      assertTrue(c.repaired().contains("senses.journal:2: an unfinished record"), c.repaired());
      assertEquals(1, c.all().size());
      c.record("bob", "d", "kid", "kid", "n00000011", "kid.n.02", "n00000009", "kid.n.01", "people");
    }
    String text = Files.readString(file);
    Files.writeString(file, text.replaceFirst("goats", "goatz"));
    AuditException e = assertThrows(AuditException.class, () -> SenseCorrections.open(file, false));
    assertTrue(e.getMessage().contains("senses.journal:1: corrupt sense correction record"), e.getMessage());
  }
}
