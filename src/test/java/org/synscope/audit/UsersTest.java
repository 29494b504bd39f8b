package org.synscope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersTest {
  @TempDir
  Path dir;

  @Test
  void passwordsAreSaltedSlowHashesAndTokensAreHashed() throws IOException {
    Users users = Users.open(dir.resolve("users.json"));
    users.add("alice", Role.AUDITOR, "correct horse".toCharArray());
    String token = users.token("alice");
    String stored = Files.readString(dir.resolve("users.json"));
    assertTrue(!stored.contains("correct horse") && !stored.contains(token), "no secret in clear");
    assertTrue(stored.contains("\"iterations\" : " + Users.ITERATIONS));
    assertEquals(new Users.User("alice", Role.AUDITOR), users.authenticate("alice", "correct horse".toCharArray()).orElseThrow());
    assertTrue(users.authenticate("alice", "wrong horse!".toCharArray()).isEmpty());
    assertTrue(users.authenticate("nobody", "correct horse".toCharArray()).isEmpty());
    assertEquals("alice", Users.open(dir.resolve("users.json")).byToken(token).orElseThrow().name());
    assertTrue(users.byToken(token + "x").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> users.add("Alice Smith", Role.ADMIN, "longenough".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> users.add("bob", Role.ADMIN, "short".toCharArray()));
  }

  @Test
  void thePasswordHashCostIsASettingKeptPerAccount() throws java.io.IOException {
    Users cheap = Users.open(dir.resolve("cheap.json"), 1_000);
    cheap.add("carol", Role.VIEWER, "correct horse".toCharArray());
    assertTrue(java.nio.file.Files.readString(dir.resolve("cheap.json")).contains("\"iterations\" : 1000"));
    // An account keeps its own cost: a default-cost instance still verifies it.
    assertTrue(Users.open(dir.resolve("cheap.json")).authenticate("carol", "correct horse".toCharArray()).isPresent());
    assertThrows(IllegalArgumentException.class, () -> Users.open(dir.resolve("x.json"), 0));
  }
}
