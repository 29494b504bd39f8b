package org.synscope.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockedFileTest {
  @TempDir
  Path dir;

  @Test
  void oneHolderAtATime() throws IOException {
    Path file = dir.resolve(".lock");
    LockedFile first = LockedFile.tryOpen(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE).orElseThrow();
    assertTrue(first.held());
    assertTrue(LockedFile.tryOpen(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE).isEmpty(),
        "a second holder in the same process is refused, not thrown at");
    first.close();
    assertFalse(first.held());
    first.close(); // closing twice is harmless
    try (LockedFile again = LockedFile.tryOpen(file, StandardOpenOption.WRITE).orElseThrow()) {
      assertTrue(again.held());
    }
  }
}
