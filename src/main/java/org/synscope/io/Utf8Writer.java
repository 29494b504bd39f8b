package org.synscope.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A writer for large text exports: each string is encoded at once with {@link String#getBytes} (a bulk copy
 * for ASCII text) into a buffered stream, instead of character by character through a charset encoder,
 * which was most of the time of a 9 MB CSV export once its rows were made. A surrogate pair split across two
 * {@link #write(int)} calls is kept together.
 */
public final class Utf8Writer extends Writer {
  private final OutputStream out;
  private char high;

  public Utf8Writer(OutputStream out, int bufferSize) {
    this.out = new BufferedOutputStream(out, bufferSize);
  }

  @Override
  public void write(String s) throws IOException {
    if (high != 0) {
      s = high + s;
      high = 0;
    }
    if (!s.isEmpty() && Character.isHighSurrogate(s.charAt(s.length() - 1))) {
      high = s.charAt(s.length() - 1);
      s = s.substring(0, s.length() - 1);
    }
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    write(s.substring(off, off + len));
  }

  @Override
  public void write(char[] chars, int off, int len) throws IOException {
    write(new String(chars, off, len));
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (high != 0) {
      out.write(String.valueOf(high).getBytes(StandardCharsets.UTF_8)); // a lone surrogate, as the JDK writes it
      high = 0;
    }
    out.close();
  }
}
