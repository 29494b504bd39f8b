package org.synscope.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A small file read whole (signal definitions, sense hints): a device or a FIFO would be read forever
 * ({@code /dev/zero} ran out of memory, a FIFO hung) and a huge file into memory, so both are refused
 * before it is read, with the file named.
 */
public final class SmallFile {
  private SmallFile() {}

  /**
   * The file's text (UTF-8).
   *
   * @param what what the file is, for the messages ("signal definitions")
   * @param failed what did not happen, as {@link DatasetException#failed()} says it
   */
  public static String read(Path file, long maxBytes, String what, String failed) {
    try {
      if (Files.exists(file) && !Files.isDirectory(file)) {
        if (!Files.isRegularFile(file)) {
          throw new DatasetException(List.of(LineProblem.notRegularFile(file, what)), failed);
        }
        long size = Files.size(file);
        if (size > maxBytes) {
          throw new DatasetException(List.of(new LineProblem(file.toString(), 0, String.format(Locale.ROOT,
              "is %,d bytes; %s are at most %,d", size, what, maxBytes))), failed);
        }
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DatasetException(List.of(LineProblem.unreadable(file, e)), failed);
    }
  }
}
