package org.synscope.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synscope.config.BadInput;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.LineSource;

/**
 * CIFAR-100's binary {@code train.bin} or {@code test.bin}: records of a coarse-label byte, a fine-label
 * byte and 3,072 pixel bytes (row-major planes). The fine class name is the label; the coarse one is
 * kept as metadata {@code coarse}. Names come from {@code fine_label_names.txt} and
 * {@code coarse_label_names.txt} beside the file, one a line.
 */
final class CifarSource extends FixedRecordSource {
  /** A label is one byte. */
  static final int MAX_NAMES = 256;
  private static final int BATCH = 256;

  private final List<String> fine;
  private final List<String> coarse;
  private final PixelFile pixels;
  private final FixedRecords file;

  CifarSource(Path path, boolean guessed) {
    super(path, guessed, BATCH);
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
  FixedRecords file() {
    return file;
  }

  @Override
  int parsedBytes() {
    return 2; // the coarse and fine label bytes; the pixels are read only on request
  }

  @Override
  ImageRecord parse(long n, byte[] bytes, int offset) {
    return record(n, bytes[offset] & 0xff, bytes[offset + 1] & 0xff);
  }

  private ImageRecord record(long n, int coarseLabel, int fineLabel) {
    String coarseName = name(n, coarse, coarseLabel, "coarse", ImageFormat.COARSE_NAMES);
    String fineName = name(n, fine, fineLabel, "fine", ImageFormat.FINE_NAMES);
    return new ImageRecord(n, fineName, null, Map.of("coarse", coarseName), null, null);
  }

  private String name(long n, List<String> names, int label, String kind, String namesFile) {
    if (label >= names.size()) {
      throw new BadInput(path() + ":" + (n + 1) + ": " + kind + " label " + label + " out of range (" + names.size()
          + " names in " + namesFile + ")");
    }
    return names.get(label);
  }

  @Override
  public Optional<PixelFile> pixels() {
    return Optional.of(pixels);
  }

  @Override
  public void close() {
    pixels.close();
  }
}
