package org.synscope.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Optional;

/** A file open with an exclusive lock on it: one holder at a time, in this process or any other. Closing releases both. */
public final class LockedFile implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private LockedFile(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Opens {@code file} with {@code options} and takes its lock without waiting; empty when another
   * holder has it (then nothing is left open).
   */
  public static Optional<LockedFile> tryOpen(Path file, OpenOption... options) throws IOException {
    FileChannel channel = FileChannel.open(file, options);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held through another channel of this process
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    return Optional.of(new LockedFile(channel, lock));
  }

  /** The open file, for reading and writing under the lock. */
  public FileChannel channel() {
    return channel;
  }

  /** True until closed. */
  public boolean held() {
    return lock.isValid();
  }

  @Override
  public void close() throws IOException {
    if (lock.isValid()) {
      lock.release();
    }
    channel.close();
  }
}
