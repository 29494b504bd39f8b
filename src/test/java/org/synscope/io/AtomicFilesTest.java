package org.synscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void replacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("sub").resolve("meta.json");
    AtomicFiles.write(file, bytes("one"));
    AtomicFiles.write(file, bytes("two"));
    assertEquals("two", Files.readString(file));
    assertFalse(Files.exists(dir.resolve("sub").resolve("meta.json.tmp")));
  }

  @Test
  void neverWritesIntoTheOldFile() throws IOException {
    // A hard link keeps the old file's bytes reachable: writing in place would change them too.
    Path file = dir.resolve("meta.json");
    Files.writeString(file, "old");
    Path reader = Files.createLink(dir.resolve("held-open"), file);
    AtomicFiles.write(file, bytes("new"));
    assertEquals("new", Files.readString(file));
    assertEquals("old", Files.readString(reader));
  }

  @Test
  void aWriteThatCannotStartLeavesTheOldFileIntact() throws IOException {
    Path file = dir.resolve("users.json");
    Files.writeString(file, "old");
    Files.createDirectories(dir.resolve("users.json.tmp").resolve("in-the-way")); // cannot be replaced by a file
    assertThrows(IOException.class, () -> AtomicFiles.write(file, bytes("new")));
    assertEquals("old", Files.readString(file));
  }

  @Test
  void aRenameThatFailsLeavesTheOldFileIntactAndRemovesTheTemporaryFile() throws IOException {
    Path file = dir.resolve("lists");
    Files.createDirectories(file.resolve("kept")); // a non-empty directory cannot be replaced
    assertThrows(IOException.class, () -> AtomicFiles.write(file, bytes("new")));
    assertTrue(Files.isDirectory(file.resolve("kept")));
    assertFalse(Files.exists(dir.resolve("lists.tmp")));
  }

  @Test
  void ownerOnlyFilesAreUnreadableByOthers() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path file = dir.resolve("users.json");
    AtomicFiles.writeOwnerOnly(file, bytes("{}"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("{}", Files.readString(file));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
