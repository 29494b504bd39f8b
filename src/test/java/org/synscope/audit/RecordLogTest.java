package org.synscope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kill -9 cannot tell a forced write from a cached one; this test can: every append is forced after it is written. */
class RecordLogTest {
  @TempDir
  Path dir;

  @Test
  void everyAppendIsForcedToDiskAfterItsBytesAreWritten() throws IOException {
    List<Long> forcedAt = new ArrayList<>();
    RecordLog.Force recording = ch -> {
      forcedAt.add(ch.size());
      ch.force(false);
    };
    Path file = dir.resolve("senses.journal");
    try (RecordLog<SenseCorrection> log = RecordLog.open(file, true, SenseCorrection.class, "sense correction",
        SenseCorrection::seq, recording)) {
      SenseCorrection one = new SenseCorrection(1, "s1", "t", "alice", "d", "kid", "kid", null, null, "n1", "a.n.01", "x");
      SenseCorrection two = new SenseCorrection(2, "s2", "t", "alice", "d", "cat", "cat", null, null, "n2", "b.n.01", "y");
      log.append(List.of(one));
      long first = RecordLog.format(one).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      assertEquals(List.of(first), forcedAt, "forced once, with the whole record written");
      log.append(List.of(two));
      long second = RecordLog.format(two).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      assertEquals(List.of(first, first + second), forcedAt);
    }
  }
}
