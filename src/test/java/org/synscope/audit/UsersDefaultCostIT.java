package org.synscope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new account gets the real password-hash cost (600,000 PBKDF2 iterations), and that hash verifies. */
class UsersDefaultCostIT {
  @TempDir
  Path dir;

  @Test
  void newAccountsGetTheDefaultCostAndVerifyAtIt() throws IOException {
    Users users = Users.open(dir.resolve("users.json"));
    users.add("alice", Role.AUDITOR, "correct horse".toCharArray());
    assertTrue(Files.readString(dir.resolve("users.json")).contains("\"iterations\" : 600000"));
    assertEquals(600_000, Users.ITERATIONS);
    assertEquals(new Users.User("alice", Role.AUDITOR),
        Users.open(dir.resolve("users.json")).authenticate("alice", "correct horse".toCharArray()).orElseThrow());
    assertTrue(users.authenticate("alice", "wrong horse!".toCharArray()).isEmpty());
  }
}
