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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * The system of record for reviews: an append-only file, one record a line as
 * {@code <crc32 hex> <json>\n}. {@link #append} writes and forces the records to disk before it
 * returns, so a caller acknowledges only what is durable. A {@code kill -9} can at worst leave a torn
 * last line of a write that was never acknowledged: on open it is detected (no newline, or a
 * checksum that does not match) and cut off, so no half-written review is ever read.
 */
public final class ReviewJournal implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FileChannel channel;
  private final java.nio.channels.FileLock lock;
  private final List<Review> all = new ArrayList<>();
  private final Map<CategoryRef, List<Review>> byCategory = new HashMap<>();
  private final AtomicLong version = new AtomicLong();
  private final String repaired;

  private ReviewJournal(Path file, FileChannel channel, java.nio.channels.FileLock lock, String repaired) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.repaired = repaired;
  }

  /**
   * Opens the journal. A writer (one process at a time: it holds a lock on the file) may append and
   * cuts a torn tail; a reader only replays the complete records, so it can run beside a writer.
   */
  public static ReviewJournal open(Path file, boolean write) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
      List<Review> records = new ArrayList<>();
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
        String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        Review r = parse(line);
        if (r == null) {
          if (end + 1 < bytes.length) {
            throw new AuditException(file + ":" + lineNumber + ": corrupt review record (checksum mismatch) in the middle"
                + " of the journal; restore the file from a backup");
          }
          repaired = file + ":" + lineNumber + ": a torn last record was cut off; it had not been acknowledged";
          break;
        }
        records.add(r);
        good = end + 1;
        start = end + 1;
      }
      if (!write) {
        ReviewJournal journal = new ReviewJournal(file, null, null, null);
        records.forEach(journal::remember);
        return journal;
      }
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      java.nio.channels.FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new AuditException("the review journal " + file + " is in use by another synscope (a running server);"
            + " stop it first, or serve with --read-only");
      }
      if (good < channel.size()) {
        channel.truncate(good);
        channel.force(true);
      }
      channel.position(good);
      ReviewJournal journal = new ReviewJournal(file, channel, lock, repaired);
      records.forEach(journal::remember);
      return journal;
    } catch (IOException e) {
      throw new AuditException("cannot open the review journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** What opening repaired (a cut torn tail), or null. */
  public String repaired() {
    return repaired;
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  /**
   * Records reviews, all or none: they are written and forced to disk before this returns. Each
   * gets the next sequence number and the category's previous own status.
   */
  public synchronized List<Review> append(List<ReviewDraft> drafts, String bulk) {
    if (channel == null) {
      throw new AuditException("the review journal was opened for reading only");
    }
    if (drafts.isEmpty()) {
      return List.of();
    }
    String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    long seq = all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    List<Review> written = new ArrayList<>(drafts.size());
    Map<CategoryRef, ReviewStatus> pending = new HashMap<>();
    StringBuilder lines = new StringBuilder();
    for (ReviewDraft d : drafts) {
      seq++;
      ReviewStatus previous = pending.containsKey(d.category()) ? pending.get(d.category()) : current(d.category());
      Review r = new Review(seq, "r" + seq, at, d.user(), d.category().dataset(), d.category().key(), d.label(), d.synset(),
          d.status(), previous, d.rationale(), d.scope(), bulk);
      pending.put(d.category(), d.status());
      written.add(r);
      lines.append(format(r));
    }
    long before = -1;
    try {
      before = channel.position();
      ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false); // data durable before anyone is told it is recorded
    } catch (IOException e) {
      undo(before);
      throw new AuditException("cannot write the review journal " + file + ": " + e.getMessage(), e);
    }
    written.forEach(this::remember);
    return written;
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

  private void remember(Review r) {
    all.add(r);
    byCategory.computeIfAbsent(r.ref(), k -> new ArrayList<>()).add(r);
    version.incrementAndGet();
  }

  /** The category's own latest decision, or null. */
  public synchronized ReviewStatus current(CategoryRef category) {
    List<Review> h = byCategory.get(category);
    return h == null ? null : h.get(h.size() - 1).status();
  }

  /** The category's own history, oldest first. */
  public synchronized List<Review> history(CategoryRef category) {
    return List.copyOf(byCategory.getOrDefault(category, List.of()));
  }

  /** The latest decision of every reviewed category. */
  public synchronized Map<CategoryRef, Review> latest() {
    Map<CategoryRef, Review> out = new LinkedHashMap<>();
    byCategory.forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
    return out;
  }

  /** Recent changes, newest first, that pass the filter. */
  public synchronized List<Review> recent(Predicate<Review> filter, int offset, int limit) {
    List<Review> out = new ArrayList<>();
    int skipped = 0;
    for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
      Review r = all.get(i);
      if (filter.test(r) && skipped++ >= offset) {
        out.add(r);
      }
    }
    return out;
  }

  /** How many records pass the filter. */
  public synchronized int count(Predicate<Review> filter) {
    return (int) all.stream().filter(filter).count();
  }

  /** Every record, oldest first. */
  public synchronized List<Review> all() {
    return Collections.unmodifiableList(new ArrayList<>(all));
  }

  /** Bumped by every record, so readers know when to recompute what they derive. */
  public long version() {
    return version.get();
  }

  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new AuditException("cannot close " + file, e);
    }
  }

  static String format(Review r) {
    try {
      String json = JSON.writeValueAsString(r);
      return crc(json) + " " + json + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The review of a line, or null when the line is torn or its checksum does not match. */
  static Review parse(String line) {
    int space = line.indexOf(' ');
    if (space != 8) {
      return null;
    }
    String json = line.substring(space + 1);
    if (!crc(json).equals(line.substring(0, 8))) {
      return null;
    }
    try {
      return JSON.readValue(json, Review.class);
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
