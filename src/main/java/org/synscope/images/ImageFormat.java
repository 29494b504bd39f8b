package org.synscope.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.synscope.config.BadInput;

/** The per-image formats synscope reads. */
public enum ImageFormat {
  /** Tiny Images' {@code tiny_metadata.bin}: 768-byte ASCII records (pixels in {@code tiny_images.bin}). */
  TINY("tiny", "tiny_metadata.bin"),
  /** CIFAR-100's binary {@code train.bin} or {@code test.bin}, class names in the text files beside it. */
  CIFAR("cifar", "train.bin or test.bin with fine_label_names.txt beside"),
  /** A directory of {@code <label or wnid>/<image files>}, as ImageNet's train folder. */
  FOLDER("folder", "a directory of <label or wnid>/<image files>"),
  /** CSV with a header naming {@code image} and {@code label} and/or {@code wnid}. */
  CSV("csv", "*.csv"),
  /** Tab-separated, otherwise like CSV. */
  TSV("tsv", "*.tsv"),
  /** One JSON object a line with {@code image} and {@code label} and/or {@code wnid}. */
  JSONL("jsonl", "*.jsonl or *.ndjson"),
  /**
   * Synthetic Tiny Images records made from Tiny Images' class list ({@code class_ind,class_name,n_images})
   * by {@link SyntheticTiny}: never guessed from a name, always asked for.
   */
  SYNTHETIC("synthetic", "Tiny Images' class list, given as --format synthetic");

  /** The CIFAR-100 class names files, expected beside the .bin. */
  static final String FINE_NAMES = "fine_label_names.txt";
  static final String COARSE_NAMES = "coarse_label_names.txt";

  private final String key;
  private final String looksLike;

  ImageFormat(String key, String looksLike) {
    this.key = key;
    this.looksLike = looksLike;
  }

  /** The name used on the command line. */
  public String key() {
    return key;
  }

  /** Parses a format name; the error lists the accepted ones. */
  public static ImageFormat parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (ImageFormat f : values()) {
      if (f.key.equals(t)) {
        return f;
      }
    }
    throw new BadInput("unknown image format '" + text + "' (use one of "
        + Arrays.stream(values()).map(ImageFormat::key).collect(Collectors.joining(", ")) + ")");
  }

  /**
   * Guesses the format from the path alone (a directory, or the file name; a {@code .gz} suffix is
   * ignored for tables). The error lists every format and the names it is guessed from.
   */
  public static ImageFormat guess(Path path) {
    if (!Files.exists(path)) {
      throw new BadInput(path + ": no such file or directory");
    }
    if (Files.isDirectory(path)) {
      return FOLDER;
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    String table = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    if (name.equals("tiny_metadata.bin")) {
      return TINY;
    }
    if ((name.equals("train.bin") || name.equals("test.bin")) && Files.exists(path.resolveSibling(FINE_NAMES))) {
      return CIFAR;
    }
    if (table.endsWith(".csv")) {
      return CSV;
    }
    if (table.endsWith(".tsv")) {
      return TSV;
    }
    if (table.endsWith(".jsonl") || table.endsWith(".ndjson")) {
      return JSONL;
    }
    throw new BadInput(path + ": cannot guess the image format from the name; give one of: "
        + Arrays.stream(values()).filter(f -> f != SYNTHETIC).map(f -> f.key + " (" + f.looksLike + ")")
            .collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return key;
  }
}
