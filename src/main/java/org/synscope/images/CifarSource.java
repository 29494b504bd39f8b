package org.synscope.images;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.synscope.config.BadInput;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.LineSource;

/**
 * CIFAR-100's binary {@code train.bin} or {@code test.bin}: records of a coarse-label byte, a fine-label
 * byte and 3,072 pixel bytes (row-major planes). The fine class name is the label; the coarse one is
 * kept as metadata {@code coarse}. Names come from {@code fine_label_names.txt} and
 * {@code coarse_label_names.txt} beside the file, one a line.
 */
final class CifarSource implements ImageSource {
  /** A label is one byte. */
  static final int MAX_NAMES = 256;
  private static final int BATCH = 256;

  private final Path path;
  private final boolean guessed;
  private final List<String> fine;
  private final List<String> coarse;
  private final PixelFile pixels;
  private final FixedRecords file;

  CifarSource(Path path, boolean guessed) {
    this.path = path;
    this.guessed = guessed;
    this.pixels = PixelFile.cifar(path);
    this.file = pixels.records();
    try {
      this.fine = names(path.resolveSibling(ImageFormat.FINE_NAMES), path);
      this.coarse = names(path.resolveSibling(ImageFormat.COARSE_NAMES), path);
    } catch (BadInput e) {
      pixels.close();
      throw e;
    }
  }

  /** The class names of a names file, in label order; trailing blank lines are ignored. */
  static List<String> names(Path names, Path bin) {
    if (!Files.exists(names)) {
      throw new BadInput(names + ": no such file; CIFAR's " + bin.getFileName() + " needs "
          + ImageFormat.FINE_NAMES + " and " + ImageFormat.COARSE_NAMES + " beside it (one class name a line)");
    }
    List<String> list = new ArrayList<>();
    List<Integer> blank = new ArrayList<>();
    try (LineSource source = new LineSource(names, "class names file")) {
      for (LineSource.Line line = source.next(); line != null; line = source.next()) {
        if (line.text() == null) {
          throw new BadInput(names + ":" + line.number() + ": " + line.encodingError());
        }
        if (line.text().isBlank()) {
          blank.add(line.number());
          continue;
        }
        if (!blank.isEmpty()) {
          throw new BadInput(names + ":" + blank.get(0) + ": empty class name (line " + blank.get(0)
              + " would be label " + (blank.get(0) - 1) + ")");
        }
        if (line.number() > MAX_NAMES) {
          throw new BadInput(names + ":" + line.number() + ": more than " + MAX_NAMES
              + " class names; a label byte names at most " + MAX_NAMES);
        }
        list.add(line.text().strip());
      }
    } catch (DatasetException e) {
      throw new BadInput(e.getMessage());
    }
    if (list.isEmpty()) {
      throw new BadInput(names + ": no class names (one a line, in label order)");
    }
    return List.copyOf(list);
  }

  @Override
  public ImageFormat format() {
    return ImageFormat.CIFAR;
  }

  @Override
  public boolean guessed() {
    return guessed;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public OptionalLong count() {
    return OptionalLong.of(file.count());
  }

  @Override
  public Stream<ImageRecord> records() {
    return new Cursor(0, file.count()).stream();
  }

  @Override
  public Stream<ImageRecord> records(long from, long to) {
    if (from < 0 || to < from || to > file.count()) {
      throw new IllegalArgumentException("records " + from + " to " + to + " of " + file.count());
    }
    return new Cursor(from, to).stream();
  }

  @Override
  public boolean byNumber() {
    return true;
  }

  @Override
  public ImageRecord record(long n) {
    if (n < 0 || n >= file.count()) {
      throw new BadInput(String.format(java.util.Locale.ROOT, "image %d is out of range: %s holds %,d records"
          + " (numbered from 0)", n, path, file.count()));
    }
    ByteBuffer labels = ByteBuffer.allocate(2);
    file.read(n, 0, labels);
    return record(n, labels.get(0) & 0xff, labels.get(1) & 0xff);
  }

  private ImageRecord record(long n, int coarseLabel, int fineLabel) {
    String coarseName = name(n, coarse, coarseLabel, "coarse", ImageFormat.COARSE_NAMES);
    String fineName = name(n, fine, fineLabel, "fine", ImageFormat.FINE_NAMES);
    return new ImageRecord(n, fineName, null, Map.of("coarse", coarseName), null, null);
  }

  private String name(long n, List<String> names, int label, String kind, String namesFile) {
    if (label >= names.size()) {
      throw new BadInput(path + ":" + (n + 1) + ": " + kind + " label " + label + " out of range (" + names.size()
          + " names in " + namesFile + ")");
    }
    return names.get(label);
  }

  @Override
  public Optional<PixelFile> pixels() {
    return Optional.of(pixels);
  }

  @Override
  public Path base() {
    return path.toAbsolutePath().getParent();
  }

  @Override
  public Skips skipped() {
    return Skips.NONE;
  }

  @Override
  public void close() {
    pixels.close();
  }

  /** Reads the label bytes of {@link #BATCH} records at a time (the pixels are read only on request). */
  private final class Cursor implements RecordCursor {
    private final ByteBuffer buffer = ByteBuffer.allocate(PixelFile.CIFAR_RECORD * BATCH);
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
        batchRecords = (int) Math.min(BATCH, end - next);
        buffer.clear().limit(batchRecords * PixelFile.CIFAR_RECORD);
        file.read(batchStart, 0, buffer);
      }
      int at = (int) (next - batchStart) * PixelFile.CIFAR_RECORD;
      return record(next++, buffer.get(at) & 0xff, buffer.get(at + 1) & 0xff);
    }

    @Override
    public void close() {}
  }
}
