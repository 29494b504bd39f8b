package org.synscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Test {
  // FIPS 180-2 test vectors.
  private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void hexOfBytesAndOfText() {
    assertEquals(EMPTY, Sha256.hex(new byte[0]));
    assertEquals(ABC, Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(ABC, Sha256.hex("abc"));
  }

  @Test
  void aRunningDigestGivesTheSameHexAsOneShot() {
    MessageDigest running = Sha256.digest();
    running.update((byte) 'a');
    running.update("bc".getBytes(StandardCharsets.US_ASCII));
    assertEquals(ABC, Sha256.hex(running));
    assertEquals(EMPTY, Sha256.hex(running), "finishing resets the digest");
  }

  @Test
  void textIsEncodedAsUtf8() {
    assertEquals(Sha256.hex("café".getBytes(StandardCharsets.UTF_8)), Sha256.hex("café"));
  }
}
