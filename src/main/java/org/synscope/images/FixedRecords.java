package org.synscope.images;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.synscope.config.BadInput;

/**
 * A binary file of fixed-size records, opened for positional reads. Refuses devices, FIFOs and
 * directories before opening them (a FIFO would block forever) and a file whose last record is cut.
 */
final class FixedRecords implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final int recordSize;
  private final long count;

  FixedRecords(Path file, int recordSize) {
    this.file = file;
    this.recordSize = recordSize;
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new BadInput(file + ": not a regular file (a device, FIFO or directory cannot be imported; save"
          + " the data to a file first)");
    }
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new BadInput(file + ": no such file");
    } catch (IOException e) {
      throw new BadInput(file + ": cannot read: " + e.getMessage());
    }
    try {
      long size = channel.size();
      long rest = size % recordSize;
      if (rest != 0) {
        throw new BadInput(truncated(size / recordSize + 1, rest));
      }
      count = size / recordSize;
    } catch (IOException e) {
      close();
      throw new BadInput(file + ": cannot read: " + e.getMessage());
    } catch (BadInput e) {
      close();
      throw e;
    }
  }

  private String truncated(long record, long bytes) {
    return String.format(Locale.ROOT, "%s:%d: truncated record: %,d of %,d bytes", file, record, bytes, recordSize);
  }

  Path file() {
    return file;
  }

  long count() {
    return count;
  }

  int recordSize() {
    return recordSize;
  }

  /**
   * Fills {@code into} (from its position to its limit) with the bytes at {@code offset} of record
   * {@code first} (0-based) onwards; a file cut short since it was opened is a truncated record.
   */
  void read(long first, int offset, ByteBuffer into) {
    long position = first * recordSize + offset;
    int wanted = into.remaining();
    try {
      while (into.hasRemaining()) {
        int read = channel.read(into, position + wanted - into.remaining());
        if (read < 0) {
          long at = position + wanted - into.remaining();
          throw new BadInput(truncated(at / recordSize + 1, at % recordSize));
        }
      }
    } catch (IOException e) {
      throw new BadInput(file + ":" + (first + 1) + ": read failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
