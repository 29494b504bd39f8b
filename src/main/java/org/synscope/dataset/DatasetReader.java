package org.synscope.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.synscope.config.BadInput;

/**
 * Reads a dataset's label list in any supported {@link Format}. Every rejected line becomes a
 * {@link LineProblem} naming the file, the line and the reason; the caller decides whether problems
 * abort the import. Knows nothing of WordNet or Lucene.
 */
public final class DatasetReader {
  private static final String TINY_HEADER = "class_ind,class_name,n_images";
  private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
  private static final Set<String> LABEL_COLUMNS = Set.of("label");
  private static final Set<String> WNID_COLUMNS = Set.of("wnid");
  private static final Set<String> IMAGE_COLUMNS = Set.of("images", "n_images");

  /**
   * What was read.
   *
   * @param format the format used
   * @param guessed true when the format was guessed from the content
   * @param records the good rows, in file order
   * @param problems the rejected lines, in file order
   * @param lines the number of lines in the file
   * @param sha256 checksum of the file as stored
   */
  public record Result(Format format, boolean guessed, List<LabelRecord> records, List<LineProblem> problems,
      int lines, String sha256) {}

  private final String name;
  private final List<LabelRecord> records = new ArrayList<>();
  private final List<LineProblem> problems = new ArrayList<>();

  private DatasetReader(Path file) {
    this.name = file.toString();
  }

  /** Reads {@code file}; {@code format} may be {@code null} to guess it from the content. */
  public static Result read(Path file, Format format) {
    return new DatasetReader(file).run(file, format);
  }

  private Result run(Path file, Format requested) {
    List<LineSource.Line> lines = new ArrayList<>();
    String sha256;
    try (LineSource source = new LineSource(file)) {
      for (LineSource.Line l = source.next(); l != null; l = source.next()) {
        lines.add(l);
      }
      sha256 = source.sha256();
    }
    LineSource.Line first = lines.stream()
        .filter(l -> l.text() == null || !(l.text().isBlank() || l.text().startsWith("#")))
        .findFirst()
        .orElseThrow(() -> new DatasetException(new LineProblem(name, 0,
            lines.isEmpty() ? "the file is empty" : "the file has no data lines, only blank lines or # comments")));
    if (first.text() == null) {
      throw new DatasetException(new LineProblem(name, first.number(),
          first.encodingError() + " (the format cannot be read from a line that is not text)"));
    }
    Format format = requested != null ? requested : guess(file, first.text());
    String table = tableExtension(file);
    if (requested == null && format == Format.LABELS && table != null) {
      // A headerless dog,12 would be the label "dog,12", unmapped, its count lost.
      String shown = first.text().length() > 60 ? first.text().substring(0, 60) + "..." : first.text();
      throw new DatasetException(new LineProblem(name, first.number(), "a " + table + " file needs a header that"
          + " names a label or wnid column (optionally images); the first line is '" + shown
          + "'. Add one (label,images), or give --format labels to read every line as one label"));
    }
    switch (format) {
      case TINY_IMAGES -> readTiny(lines);
      case LABELS -> readLabels(lines);
      case WNIDS -> readWnids(lines);
      case CSV -> readTable(lines, ',');
      case TSV -> readTable(lines, '\t');
      case JSONL -> readJsonl(lines);
    }
    checkSizes();
    checkDuplicates();
    typeMetadata();
    if (records.isEmpty()) {
      Format looksLike = guess(file, first.text());
      // "labels" is the fallback guess; a line with separators is no evidence of a plain label list.
      boolean evidence = looksLike != format
          && !(looksLike == Format.LABELS && (first.text().contains(",") || first.text().contains("\t")));
      problems.add(new LineProblem(name, 0, "no line could be read as format " + format
          + (evidence ? "; the content looks like " + looksLike + " (try --format " + looksLike + ")" : "")));
    }
    problems.sort(LineProblem.IN_FILE_ORDER);
    return new Result(format, requested == null, List.copyOf(records), List.copyOf(problems), lines.size(), sha256);
  }

  /** ".csv" or ".tsv" when the file is named as a table (a .gz suffix aside), else null. */
  private static String tableExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    return name.endsWith(".csv") ? ".csv" : name.endsWith(".tsv") ? ".tsv" : null;
  }

  /** Guesses the format from the first data line (and, for tables, the file name). */
  static Format guess(Path file, String firstLine) {
    String line = firstLine.strip();
    String lower = line.toLowerCase(Locale.ROOT);
    String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    if (line.startsWith("{") || fileName.endsWith(".jsonl") || fileName.endsWith(".ndjson")) {
      return Format.JSONL;
    }
    if (lower.equals(TINY_HEADER)) {
      return Format.TINY_IMAGES;
    }
    if (CategoryKeys.isWnid(line.split("\\s", 2)[0])) {
      return Format.WNIDS;
    }
    if (hasKeyColumn(line, '\t')) {
      return Format.TSV;
    }
    if (hasKeyColumn(line, ',')) {
      return Format.CSV;
    }
    return Format.LABELS;
  }

  private static boolean hasKeyColumn(String header, char separator) {
    try {
      return CsvFields.split(header, separator).stream()
          .map(h -> h.strip().toLowerCase(Locale.ROOT))
          .anyMatch(h -> LABEL_COLUMNS.contains(h) || WNID_COLUMNS.contains(h));
    } catch (BadInput e) {
      return false;
    }
  }

  /** The longest label accepted (Lucene refuses terms over 32 KB; no class name comes near this). */
  public static final int MAX_LABEL = 1_000;
  /** The largest image count accepted: more than any dataset holds, and sums of them cannot overflow. */
  static final long MAX_IMAGES = 1_000_000_000_000L;
  /** The most columns a table may have. */
  static final int MAX_COLUMNS = 1_000;

  /** Rejects records with an over-long label or an impossible image count, each with its line. */
  private void checkSizes() {
    records.removeIf(r -> {
      String raw = r.images() != null && r.images() > MAX_IMAGES ? rawCount(r) : null;
      if (r.label() != null && r.label().length() > MAX_LABEL) {
        problems.add(new LineProblem(name, r.line(), String.format(Locale.ROOT,
            "the label is %,d characters long; the limit is %,d", r.label().length(), MAX_LABEL)));
        return true;
      }
      if (raw != null) {
        problems.add(new LineProblem(name, r.line(), String.format(Locale.ROOT,
            "image count %s is more than %,d; no dataset has that many", raw, MAX_IMAGES)));
        return true;
      }
      return false;
    });
  }

  private final Map<Integer, String> rawCounts = new java.util.HashMap<>();

  private String rawCount(LabelRecord r) {
    return rawCounts.getOrDefault(r.line(), Long.toString(r.images()));
  }

  private boolean usable(LineSource.Line line, boolean commentsAllowed) {
    if (line.text() == null) {
      problems.add(new LineProblem(name, line.number(), line.encodingError()));
      return false;
    }
    return !line.text().isBlank() && !(commentsAllowed && line.text().startsWith("#"));
  }

  private void reject(LineSource.Line line, String reason) {
    problems.add(new LineProblem(name, line.number(), reason));
  }

  private void readTiny(List<LineSource.Line> lines) {
    boolean header = true;
    for (LineSource.Line line : lines) {
      if (!usable(line, false)) {
        continue;
      }
      if (header) {
        header = false;
        if (!line.text().strip().equalsIgnoreCase(TINY_HEADER)) {
          reject(line, "expected the header '" + TINY_HEADER + "' of format tiny-images, found '"
              + abbreviate(line.text()) + "'");
          return;
        }
        continue;
      }
      List<String> f;
      try {
        f = CsvFields.split(line.text(), ',');
      } catch (BadInput e) {
        reject(line, e.getMessage());
        continue;
      }
      if (f.size() != 3) {
        reject(line, "expected 3 comma-separated fields (class_ind,class_name,n_images), found " + f.size());
        continue;
      }
      Long index = wholeNumber(f.get(0));
      Long images = wholeNumber(f.get(2));
      if (index == null) {
        reject(line, "class_ind '" + abbreviate(f.get(0)) + "' is not a whole number");
      } else if (f.get(1).isBlank()) {
        reject(line, "class_name is empty");
      } else if (images == null || images < 0) {
        reject(line, "n_images '" + abbreviate(f.get(2)) + "' is not a whole number of images (0 or more)");
      } else {
        records.add(new LabelRecord(line.number(), f.get(1).strip(), null, images,
            Map.of("class_ind", index)));
      }
    }
  }

  private void readLabels(List<LineSource.Line> lines) {
    for (LineSource.Line line : lines) {
      if (!usable(line, true)) {
        continue;
      }
      String[] f = line.text().split("\t", -1);
      if (f.length > 2) {
        reject(line, "expected label or label<TAB>images, found " + f.length + " tab-separated fields");
        continue;
      }
      Long images = null;
      if (f.length == 2) {
        images = wholeNumber(f[1]);
        if (images != null && images > MAX_IMAGES) {
          rawCounts.put(line.number(), f[1].strip());
        }
        if (images == null || images < 0) {
          reject(line, "image count '" + abbreviate(f[1]) + "' after the tab is not a whole number (0 or more)");
          continue;
        }
      }
      if (f[0].isBlank()) {
        reject(line, "empty label");
        continue;
      }
      String label = f[0].strip();
      String bad = badLabel(label, "import a wnid list with --format wnids");
      if (bad != null) {
        reject(line, bad);
        continue;
      }
      records.add(new LabelRecord(line.number(), label, null, images, Map.of()));
    }
  }

  /** Why a label is refused, in every format that has labels (null when it is fine): a wnid, or an invisible character. */
  private static String badLabel(String label, String fix) {
    String id = wnidAsLabel(label, fix);
    return id != null ? id : invisible(label);
  }

  /**
   * Why a label that looks like a WordNet id is refused (null when it does not): WordNet would read
   * {@code n02084071} as the word n (nitrogen). {@code fix} says what to do with a noun id.
   */
  private static String wnidAsLabel(String label, String fix) {
    if (!CategoryKeys.looksLikeWnid(label)) {
      return null;
    }
    return "'" + abbreviate(label) + "' looks like a WordNet id, not a label; synscope reads noun ids written"
        + " n + 8 digits (--format wnids): " + (label.charAt(0) == 'n' ? fix
        : label.charAt(0) == 'N' ? "write it " + label.toLowerCase(Locale.ROOT)
        : "a verb or adjective offset names no noun category");
  }

  /** Tiny Images writes U+001A for a letter it lost: the one control character a label keeps. */
  private static final String LOST_LETTER = "\u001a";

  /**
   * Why a label with a character nobody can see is refused (null when it has none): it would make a
   * category that looks like another ({@code horse} and {@code horse} with a zero-width space) or print
   * reversed.
   */
  public static String invisible(String label) {
    String found = InvisibleCharacters.first(label, LOST_LETTER);
    return found == null ? null : "the label has " + found + "; remove it";
  }

  private void readWnids(List<LineSource.Line> lines) {
    for (LineSource.Line line : lines) {
      if (!usable(line, true)) {
        continue;
      }
      String[] f = line.text().strip().split("\\s+", -1);
      String wnid = f[0].toLowerCase(Locale.ROOT);
      if (!CategoryKeys.isWnid(wnid)) {
        reject(line, "expected a wnid such as n02084071, found '" + abbreviate(line.text()) + "'");
        continue;
      }
      Long images = null;
      if (f.length > 2) {
        reject(line, "expected wnid or wnid<TAB>images, found " + f.length + " fields"
            + " (for lists with more columns use --format tsv with a header line)");
        continue;
      }
      if (f.length == 2) {
        images = wholeNumber(f[1]);
        if (images != null && images > MAX_IMAGES) {
          rawCounts.put(line.number(), f[1].strip());
        }
        if (images == null || images < 0) {
          reject(line, "expected an image count after the wnid, found '" + abbreviate(f[1]) + "'"
              + " (for wnid<TAB>name lists use --format tsv with a header line)");
          continue;
        }
      }
      records.add(LabelRecord.ofWnid(line.number(), wnid, images));
    }
  }

  private void readTable(List<LineSource.Line> lines, char separator) {
    String kind = separator == ',' ? "comma" : "tab";
    List<String> header = null;
    int label = -1;
    int wnid = -1;
    int images = -1;
    for (LineSource.Line line : lines) {
      if (!usable(line, false)) {
        continue;
      }
      List<String> f;
      try {
        f = CsvFields.split(line.text(), separator);
      } catch (BadInput e) {
        reject(line, e.getMessage());
        if (header == null) {
          return;
        }
        continue;
      }
      if (header == null) {
        if (f.size() > MAX_COLUMNS) {
          reject(line, String.format(Locale.ROOT, "%,d columns; the limit is %,d", f.size(), MAX_COLUMNS));
          return;
        }
        header = f.stream().map(h -> h.strip()).toList();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
          String h = header.get(i).toLowerCase(Locale.ROOT);
          if (!seen.add(h)) {
            reject(line, "column '" + header.get(i) + "' appears twice in the header");
            return;
          }
          if (LABEL_COLUMNS.contains(h)) {
            label = i;
          } else if (WNID_COLUMNS.contains(h)) {
            wnid = i;
          } else if (IMAGE_COLUMNS.contains(h)) {
            images = i;
          } else if (!COLUMN_NAME.matcher(header.get(i)).matches()) {
            reject(line, "column name '" + abbreviate(header.get(i))
                + "' must be a letter or _ followed by letters, digits, _ . or - (64 at most)");
            return;
          }
        }
        if (label < 0 && wnid < 0) {
          reject(line, "the header needs a 'label' or 'wnid' column, found: " + abbreviate(String.join(", ", header)));
          return;
        }
        continue;
      }
      if (f.size() != header.size()) {
        reject(line, "expected " + header.size() + " " + kind + "-separated fields as in the header, found " + f.size());
        continue;
      }
      String labelValue = label >= 0 && !f.get(label).isBlank() ? f.get(label).strip() : null;
      String wnidValue = wnid >= 0 && !f.get(wnid).isBlank() ? f.get(wnid).strip().toLowerCase(Locale.ROOT) : null;
      Long imageValue = null;
      if (images >= 0 && !f.get(images).isBlank()) {
        imageValue = wholeNumber(f.get(images));
        if (imageValue == null || imageValue < 0) {
          reject(line, header.get(images) + " '" + abbreviate(f.get(images)) + "' is not a whole number (0 or more)");
          continue;
        }
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        if (i != label && i != wnid && i != images && !f.get(i).isBlank()) {
          metadata.put(header.get(i), f.get(i).strip());
        }
      }
      addRow(line, labelValue, wnidValue, imageValue, metadata);
    }
  }

  private void readJsonl(List<LineSource.Line> lines) {
    for (LineSource.Line line : lines) {
      if (!usable(line, false)) {
        continue;
      }
      JsonNode node;
      try {
        node = StrictJson.MAPPER.readTree(line.text());
      } catch (JsonProcessingException e) {
        reject(line, "not valid JSON: " + StrictJson.problem(e));
        continue;
      }
      if (node == null || !node.isObject()) {
        reject(line, "expected a JSON object such as {\"label\": \"dog\", \"images\": 12}");
        continue;
      }
      String labelValue = null;
      String wnidValue = null;
      Long imageValue = null;
      Map<String, Object> metadata = new LinkedHashMap<>();
      String error = null;
      for (var it = node.properties().iterator(); it.hasNext() && error == null; ) {
        var e = it.next();
        String key = e.getKey();
        JsonNode v = e.getValue();
        if (v.isNull()) {
          continue;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (LABEL_COLUMNS.contains(lower)) {
          labelValue = v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
          error = v.isTextual() ? null : "'" + key + "' must be a string";
        } else if (WNID_COLUMNS.contains(lower)) {
          wnidValue = v.isTextual() && !v.asText().isBlank() ? v.asText().strip().toLowerCase(Locale.ROOT) : null;
          error = v.isTextual() ? null : "'" + key + "' must be a string";
        } else if (IMAGE_COLUMNS.contains(lower)) {
          imageValue = v.canConvertToExactIntegral() && v.canConvertToLong() ? v.asLong() : null;
          error = imageValue == null || imageValue < 0 ? "'" + key + "' must be a whole number (0 or more), found "
              + abbreviate(v.toString()) : null;
        } else if (!COLUMN_NAME.matcher(key).matches()) {
          error = "key '" + abbreviate(key) + "' must be a letter or _ followed by letters, digits, _ . or -";
        } else {
          metadata.put(key, v.isValueNode() ? v.asText() : v.toString());
        }
      }
      if (error != null) {
        reject(line, error);
        continue;
      }
      addRow(line, labelValue, wnidValue, imageValue, metadata);
    }
  }

  private void addRow(LineSource.Line line, String label, String wnid, Long images, Map<String, Object> metadata) {
    String bad = label == null ? null : badLabel(label, "put ids in a column named wnid");
    if (label == null && wnid == null) {
      reject(line, "the row has neither a label nor a wnid");
    } else if (bad != null) {
      reject(line, bad);
    } else if (wnid != null && !CategoryKeys.isWnid(wnid)) {
      reject(line, "wnid '" + abbreviate(wnid) + "' is not of the form n02084071 (n and 8 digits)");
    } else {
      records.add(new LabelRecord(line.number(), label, wnid, images, metadata));
    }
  }

  /** A label (or, without one, a wnid) may appear once; the second occurrence is rejected. */
  private void checkDuplicates() {
    Map<String, LabelRecord> firstByKey = new HashMap<>();
    List<LabelRecord> kept = new ArrayList<>(records.size());
    for (LabelRecord r : records) {
      String key = CategoryKeys.of(r);
      LabelRecord first = firstByKey.putIfAbsent(key, r);
      if (first == null) {
        kept.add(r);
      } else if (r.label() != null) {
        String same = r.label().equals(first.label()) ? "" : " ('" + first.label() + "' after normalising case, _ and spaces)";
        problems.add(new LineProblem(name, r.line(), "duplicate label '" + r.label() + "', first on line "
            + first.line() + same));
      } else {
        problems.add(new LineProblem(name, r.line(), "duplicate wnid " + r.wnid() + ", first on line " + first.line()));
      }
    }
    records.clear();
    records.addAll(kept);
  }

  /** A metadata column is numeric when every value in it is a finite number; otherwise all stay text. */
  private void typeMetadata() {
    Map<String, Boolean> numeric = new HashMap<>();
    for (LabelRecord r : records) {
      r.metadata().forEach((k, v) -> numeric.merge(k, v instanceof Number || number(v.toString()) != null, Boolean::logicalAnd));
    }
    if (!numeric.containsValue(true)) {
      return;
    }
    for (int i = 0; i < records.size(); i++) {
      LabelRecord r = records.get(i);
      Map<String, Object> typed = new LinkedHashMap<>();
      r.metadata().forEach((k, v) -> typed.put(k, numeric.get(k) && !(v instanceof Number) ? number(v.toString()) : v));
      records.set(i, new LabelRecord(r.line(), r.label(), r.wnid(), r.images(), typed));
    }
  }

  /** A whole number as {@code Long}, another finite number as {@code Double}, otherwise {@code null}. */
  private static Number number(String text) {
    String t = text.strip();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException notWhole) {
      // fall through to decimals
    }
    try {
      double d = Double.parseDouble(t);
      return Double.isFinite(d) && !t.matches(".*[a-zA-Z].*") ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A whole number; digits too many for a long read as Long.MAX_VALUE, which the count limit then refuses. */
  private static Long wholeNumber(String text) {
    String t = text.strip();
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      return t.matches("\\d{19,}") ? Long.MAX_VALUE : null;
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
