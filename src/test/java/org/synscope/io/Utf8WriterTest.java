package org.synscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {
  @Test
  void writesWhatTheJdksEncoderWritesEvenWithASurrogatePairSplitAcrossWrites() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Utf8Writer w = new Utf8Writer(bytes, 4)) {
      w.write("Gödel, ");
      w.write(',');
      w.write("caf\u00e9 \ud83d"); // the high half of U+1F600 ends this string...
      w.write(0xde00); // ...and the low half comes alone
      w.write(new char[] {'x', 'y', 'z'}, 1, 2);
      w.write("abc", 1, 1);
    }
    String expected = "Gödel, ,café \ud83d\ude00yzb";
    assertEquals(expected, bytes.toString(StandardCharsets.UTF_8));
    assertEquals(4, "\ud83d\ude00".getBytes(StandardCharsets.UTF_8).length);
    assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, bytes.size());
  }

  @Test
  void holdsWhatFitsItsBufferUntilFlushAndPassesBytesAlreadyEncoded() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Utf8Writer w = new Utf8Writer(bytes, 8);
    w.write("abc");
    w.writeUtf8("dé".getBytes(StandardCharsets.UTF_8)); // 3 bytes: 6 of 8 held
    assertEquals(0, bytes.size(), "nothing reaches the stream before the buffer is full");
    w.write("fgh"); // 9 would not fit: the 6 go first
    assertEquals("abcdé", bytes.toString(StandardCharsets.UTF_8));
    w.writeUtf8("0123456789".getBytes(StandardCharsets.UTF_8)); // longer than the buffer: straight through, in order
    assertEquals("abcdéfgh0123456789", bytes.toString(StandardCharsets.UTF_8));
    w.write("\ud83d");
    w.writeUtf8("!".getBytes(StandardCharsets.UTF_8)); // a lone high surrogate before encoded bytes: written as the JDK would
    w.flush();
    assertEquals("abcdéfgh0123456789?!", bytes.toString(StandardCharsets.UTF_8));
  }
}
