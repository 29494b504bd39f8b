package org.synscope.io;

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
  /** Its own buffer: a {@link java.io.BufferedOutputStream} takes a lock on every write, a third of an export's time. */
  private final byte[] buffer;
  private int used;
  private char high;

  public Utf8Writer(OutputStream out, int bufferSize) {
    this.out = out;
    this.buffer = new byte[bufferSize];
  }

  private void put(byte[] bytes) throws IOException {
    if (bytes.length > buffer.length - used) {
      drain();
      if (bytes.length > buffer.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, used, bytes.length);
    used += bytes.length;
  }

  private void drain() throws IOException {
    if (used > 0) {
      out.write(buffer, 0, used);
      used = 0;
    }
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
    put(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes text already encoded as UTF-8 (whole characters), as {@link #write(String)} would have encoded it. */
  public void writeUtf8(byte[] utf8) throws IOException {
    putHigh();
    put(utf8);
  }

  /** A high surrogate held back by the last write, alone, as the JDK writes a lone surrogate. */
  private void putHigh() throws IOException {
    if (high != 0) {
      put(String.valueOf(high).getBytes(StandardCharsets.UTF_8));
      high = 0;
    }
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
    drain();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    putHigh();
    drain();
    out.close();
  }
}
