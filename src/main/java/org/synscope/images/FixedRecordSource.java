package org.synscope.images;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.synscope.config.BadInput;

/**
 * What the fixed-size binary formats share (Tiny Images' metadata, CIFAR): records counted from the
 * file's size, read in order a batch at a time or one by number. A subclass says how to turn a record's
 * leading bytes into an {@link ImageRecord}.
 */
abstract class FixedRecordSource implements ImageSource {
  private final Path path;
  private final boolean guessed;
  private final int batch;

  FixedRecordSource(Path path, boolean guessed, int batch) {
    this.path = path;
    this.guessed = guessed;
    this.batch = batch;
  }

  /** The records read. */
  abstract FixedRecords file();

  /** How many leading bytes of a record {@link #parse} reads. */
  abstract int parsedBytes();

  /** Record {@code n} (0-based), whose leading {@link #parsedBytes()} bytes start at {@code offset}. */
  abstract ImageRecord parse(long n, byte[] bytes, int offset);

  @Override
  public final boolean guessed() {
    return guessed;
  }

  @Override
  public final Path path() {
    return path;
  }

  @Override
  public final OptionalLong count() {
    return OptionalLong.of(file().count());
  }

  @Override
  public final Stream<ImageRecord> records() {
    return new Cursor(0, file().count()).stream();
  }

  @Override
  public final Stream<ImageRecord> records(long from, long to) {
    if (from < 0 || to < from || to > file().count()) {
      throw new IllegalArgumentException("records " + from + " to " + to + " of " + file().count());
    }
    return new Cursor(from, to).stream();
  }

  @Override
  public final boolean byNumber() {
    return true;
  }

  @Override
  public final ImageRecord record(long n) {
    if (n < 0 || n >= file().count()) {
      throw new BadInput(String.format(java.util.Locale.ROOT, "image %d is out of range: %s holds %,d records"
          + " (numbered from 0)", n, path, file().count()));
    }
    byte[] bytes = new byte[parsedBytes()];
    file().read(n, 0, ByteBuffer.wrap(bytes));
    return parse(n, bytes, 0);
  }

  @Override
  public final Path base() {
    return path.toAbsolutePath().getParent();
  }

  /** Reads whole records, {@code batch} at a time. */
  private final class Cursor implements RecordCursor {
    private final int size = file().recordSize();
    private final ByteBuffer buffer = ByteBuffer.allocate(size * batch);
    private final long end;
    private long next;
    private long batchStart;
    private int batchRecords;

    Cursor(long from, long to) {
      next = from;
      batchStart = from;
      end = to;
    }

    @Override
    public ImageRecord next() {
      if (next >= end) {
        return null;
      }
      if (next >= batchStart + batchRecords) {
        batchStart = next;
        batchRecords = (int) Math.min(batch, end - next);
        buffer.clear().limit(batchRecords * size);
        file().read(batchStart, 0, buffer);
      }
      ImageRecord r = parse(next, buffer.array(), (int) (next - batchStart) * size);
      next++;
      return r;
    }

    @Override
    public void close() {}
  }
}
