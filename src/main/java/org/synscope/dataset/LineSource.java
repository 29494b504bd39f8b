package org.synscope.dataset;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;
import org.synscope.io.Sha256;

/**
 * Reads a text file line by line as strict UTF-8, gunzipping it when it starts with the gzip magic
 * bytes, and checksums the file as stored. A line that is not valid UTF-8 is reported with its
 * number instead of being silently replaced. Refuses devices, FIFOs and directories before opening
 * them (a FIFO would block the reader forever) and lines over {@link #MAX_LINE_BYTES}.
 */
public final class LineSource implements Closeable {
  /** Longer lines are no label list: a binary file, or a decompression bomb that would fill the heap. */
  public static final int MAX_LINE_BYTES = 1 << 20;
  private final String name;
  private final String kind;
  private final boolean gzip;
  private final InputStream in;
  private final MessageDigest digest;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private int lineNumber;
  private boolean eof;

  /** The text of one line, or the reason it could not be decoded. */
  public record Line(int number, String text, String encodingError) {}

  LineSource(Path file) {
    this(file, "label list");
  }

  /**
   * Opens {@code file}; {@code kind} names what it should be in the over-long line message ("this is not
   * a label list"). Problems are {@link DatasetException}s naming the file (and line).
   */
  public LineSource(Path file, String kind) {
    this.name = file.toString();
    this.kind = kind;
    if (Files.isDirectory(file)) {
      throw new DatasetException(LineProblem.unreadable(file, new IOException("is a directory")));
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new DatasetException(LineProblem.notRegularFile(file));
    }
    try {
      digest = Sha256.digest();
      // The digest reads the file once: under the buffer, so the peek at its first two bytes (mark, reset)
      // is not hashed twice (the recorded SHA-256 was that of the first two bytes and then the file).
      InputStream raw = new BufferedInputStream(new DigestInputStream(Files.newInputStream(file), digest), 1 << 16);
      raw.mark(2);
      int b1 = raw.read();
      int b2 = raw.read();
      raw.reset();
      gzip = b1 == 0x1f && b2 == 0x8b;
      in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    } catch (IOException e) {
      throw new DatasetException(LineProblem.unreadable(file, e));
    }
  }

  /** The next line without its line terminator, or {@code null} at the end. */
  public Line next() {
    if (eof) {
      return null;
    }
    buffer.reset();
    try {
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        buffer.write(b);
        if (buffer.size() > MAX_LINE_BYTES) {
          throw new DatasetException(new LineProblem(name, lineNumber + 1, String.format(java.util.Locale.ROOT,
              "a line longer than %,d bytes; this is not a %s (a binary or a decompression bomb?)",
              MAX_LINE_BYTES, kind)));
        }
      }
      if (b == -1) {
        eof = true;
        if (buffer.size() == 0) {
          return null;
        }
      }
    } catch (IOException e) {
      // A .gz cut short ends in an EOFException with no message ("read failed: null").
      String why = e.getMessage() != null ? e.getMessage()
          : e instanceof java.io.EOFException ? "the file ends early" : e.getClass().getSimpleName();
      throw new DatasetException(new LineProblem(name, lineNumber + 1, "read failed: " + why
          + (gzip ? " (a truncated or damaged .gz file?)" : "")));
    }
    lineNumber++;
    byte[] bytes = buffer.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    int start = lineNumber == 1 && length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    try {
      return new Line(lineNumber, decoder.decode(ByteBuffer.wrap(bytes, start, length - start)).toString(), null);
    } catch (CharacterCodingException e) {
      return new Line(lineNumber, null, "invalid UTF-8 " + badByte(bytes, start, length)
          + "; save the file as UTF-8");
    }
  }

  /** The hex SHA-256 of the file as stored; complete once every line has been read. */
  public String sha256() {
    try {
      in.transferTo(OutputStreamSink.INSTANCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Sha256.hex(digest);
  }

  /** Where the first byte that cannot start or continue a UTF-8 sequence sits (1-based byte column). */
  private static String badByte(byte[] bytes, int start, int end) {
    int i = start;
    while (i < end) {
      int b = bytes[i] & 0xff;
      int continuation = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2
          : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
      boolean ok = continuation >= 0;
      for (int k = 1; ok && k <= continuation; k++) {
        ok = i + k < end && (bytes[i + k] & 0xc0) == 0x80;
      }
      if (!ok) {
        return String.format("(byte 0x%02X at byte %d of the line)", b, i - start + 1);
      }
      i += continuation + 1;
    }
    return "";
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Discards bytes (so the checksum covers the whole file). */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
