package org.synscope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Accounts, passwords and tokens, at a cheap password-hash cost (1,000 PBKDF2 iterations) so the fast loop
 * stays fast; {@link UsersDefaultCostIT} checks the real cost (600,000) in the full suite.
 */
@Execution(ExecutionMode.CONCURRENT)
class UsersTest {
  @TempDir
  static Path shared;
  static Users users;
  static String token;
  static final int CHEAP = 1_000;

  @TempDir
  Path dir;

  @BeforeAll
  static void addAnAccountAtACheapCost() {
    users = Users.open(shared.resolve("users.json"), CHEAP);
    users.add("alice", Role.AUDITOR, "correct horse".toCharArray());
    token = users.token("alice");
  }

  @Test
  void passwordsAreSaltedSlowHashesAndTokensAreHashed() throws IOException {
    String stored = Files.readString(shared.resolve("users.json"));
    assertTrue(!stored.contains("correct horse") && !stored.contains(token), "no secret in clear");
    assertTrue(stored.contains("\"iterations\" : " + CHEAP));
    assertEquals("alice", Users.open(shared.resolve("users.json")).byToken(token).orElseThrow().name());
    assertTrue(users.byToken(token + "x").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> users.add("Alice Smith", Role.ADMIN, "longenough".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> users.add("bob", Role.ADMIN, "short".toCharArray()));
  }

  @Test
  void theRightPasswordAuthenticates() {
    assertEquals(new Users.User("alice", Role.AUDITOR), users.authenticate("alice", "correct horse".toCharArray()).orElseThrow());
  }

  @Test
  void aWrongPasswordDoesNot() {
    assertTrue(users.authenticate("alice", "wrong horse!".toCharArray()).isEmpty());
  }

  @Test
  void anUnknownUserDoesNot() {
    assertTrue(users.authenticate("nobody", "correct horse".toCharArray()).isEmpty());
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
