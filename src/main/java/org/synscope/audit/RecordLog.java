package org.synscope.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.synscope.io.LockedFile;

/**
 * An append-only file of JSON records, one a line as {@code <crc32 hex> <json>\n}: the storage under
 * the review journal and the sense corrections. {@link #append} writes and forces the records to disk
 * before it returns, so a caller acknowledges only what is durable. A {@code kill -9} can at worst
 * leave a torn last line of a write that was never acknowledged: a last line without its newline. On
 * open that is cut off, so no half-written record is ever read. Any other bad record (a checksum that
 * does not match on a whole line, or a sequence number that does not increase: a replayed or copied
 * record) stops with its line: it was acknowledged, and nothing acknowledged is ever dropped.
 *
 * @param <T> the record type (a Jackson-serialisable record)
 */
final class RecordLog<T> implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final String what;
  /** How a written record is made durable; a seam so a test can see that every append is forced. */
  interface Force {
    Force TO_DISK = ch -> ch.force(false);

    void force(FileChannel channel) throws IOException;
  }

  private final Force force;
  /** The journal open for appending under its lock; null when opened for reading only. */
  private final LockedFile locked;
  private final FileChannel channel;
  private final List<T> records;
  private final String repaired;

  private RecordLog(Path file, String what, LockedFile locked, List<T> records, String repaired, Force force) {
    this.force = force;
    this.file = file;
    this.what = what;
    this.locked = locked;
    this.channel = locked == null ? null : locked.channel();
    this.records = records;
    this.repaired = repaired;
  }

  /**
   * Opens a log. A writer (one process at a time: it holds a lock on the file) may append and cuts a
   * torn tail; a reader only replays the complete records, so it can run beside a writer.
   *
   * @param what what the records are, for messages ("review", "sense correction")
   */
  static <T> RecordLog<T> open(Path file, boolean write, Class<T> type, String what,
      java.util.function.ToLongFunction<T> seq) {
    return open(file, write, type, what, seq, Force.TO_DISK);
  }

  /** Opens a log whose appends are made durable by {@code force}. */
  static <T> RecordLog<T> open(Path file, boolean write, Class<T> type, String what,
      java.util.function.ToLongFunction<T> seq, Force force) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
      List<T> records = new ArrayList<>();
      int good = 0;
      int lineNumber = 0;
      String repaired = null;
      int start = 0;
      while (start < bytes.length) {
        int end = indexOf(bytes, (byte) '\n', start);
        lineNumber++;
        if (end < 0) {
          repaired = file + ":" + lineNumber + ": an unfinished record (" + (bytes.length - start)
              + " bytes without a newline) was cut off; it had not been acknowledged";
          break;
        }
        T r = parse(new String(bytes, start, end - start, StandardCharsets.UTF_8), type);
        if (r == null) {
          throw new AuditException(file + ":" + lineNumber + ": corrupt " + what + " record (checksum mismatch)"
              + (end + 1 < bytes.length ? " in the middle of the journal" : "; it ends in a newline, so it was written"
              + " whole and acknowledged:") + (end + 1 < bytes.length ? "; " : " ") + "restore the file from a backup");
        }
        if (!records.isEmpty() && seq.applyAsLong(r) <= seq.applyAsLong(records.get(records.size() - 1))) {
          throw new AuditException(file + ":" + lineNumber + ": " + what + " record " + seq.applyAsLong(r)
              + " comes after record " + seq.applyAsLong(records.get(records.size() - 1)) + " (sequence numbers must"
              + " increase): a replayed or copied record; restore the file from a backup");
        }
        records.add(r);
        good = end + 1;
        start = end + 1;
      }
      if (!write) {
        return new RecordLog<>(file, what, null, records, null, force);
      }
      LockedFile locked = LockedFile.tryOpen(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE).orElseThrow(() -> new AuditException("the " + what + " journal " + file
          + " is in use by another synscope (a running server); stop it first, or serve with --read-only"));
      FileChannel channel = locked.channel();
      if (good < channel.size()) {
        channel.truncate(good);
        channel.force(true);
      }
      channel.position(good);
      return new RecordLog<>(file, what, locked, records, repaired, force);
    } catch (IOException e) {
      throw new AuditException("cannot open the " + what + " journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** The complete records read on open, oldest first. */
  List<T> replayed() {
    return records;
  }

  /** What opening repaired (a cut torn tail), or null. */
  String repaired() {
    return repaired;
  }

  Path file() {
    return file;
  }

  /** Writes the records, all or none, and forces them to disk before returning. */
  void append(List<T> written) {
    if (channel == null) {
      throw new AuditException("the " + what + " journal was opened for reading only");
    }
    StringBuilder lines = new StringBuilder();
    written.forEach(r -> lines.append(format(r)));
    long before = -1;
    try {
      before = channel.position();
      ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      force.force(channel); // data durable before anyone is told it is recorded
    } catch (IOException e) {
      undo(before);
      throw new AuditException("cannot write the " + what + " journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** Cuts a failed write off, so the next record never follows half of this one. */
  private void undo(long position) {
    if (position < 0) {
      return;
    }
    try {
      channel.truncate(position);
      channel.position(position);
    } catch (IOException ignored) {
      // The torn tail will be cut when the journal is next opened.
    }
  }

  @Override
  public void close() {
    if (locked == null) {
      return;
    }
    try {
      locked.close();
    } catch (IOException e) {
      throw new AuditException("cannot close " + file, e);
    }
  }

  static String format(Object r) {
    try {
      String json = JSON.writeValueAsString(r);
      return crc(json) + " " + json + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The record of a line, or null when the line is torn or its checksum does not match. */
  static <T> T parse(String line, Class<T> type) {
    int space = line.indexOf(' ');
    if (space != 8) {
      return null;
    }
    String json = line.substring(space + 1);
    if (!crc(json).equals(line.substring(0, 8))) {
      return null;
    }
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String crc(String json) {
    CRC32 crc = new CRC32();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
