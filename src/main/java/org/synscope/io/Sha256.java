package org.synscope.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums as lower-case hex, the form saved in metadata and shown to users. */
public final class Sha256 {
  private Sha256() {}

  /** The checksum of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return format(digest().digest(bytes));
  }

  /** The checksum of {@code text} encoded as UTF-8. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The checksum so far of a running {@link #digest()}; this completes (and resets) it. */
  public static String hex(MessageDigest running) {
    return format(running.digest());
  }

  /** A fresh digest, for input read a piece at a time. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e); // every JDK must have it
    }
  }

  private static String format(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }
}
