package org.synscope.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.synscope.config.BadInput;
import org.synscope.dataset.CategoryKeys;
import org.synscope.dataset.CsvFields;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.LineSource;

/**
 * A per-image table: CSV or TSV with a header line, or JSON lines. Column (or key) {@code image} holds
 * the image's path (relative to the table's directory) or URL; {@code label} and/or {@code wnid} name
 * its class; every other column is metadata, plus {@code domain} from an image URL unless a column has
 * that name. Read as the label lists are (strict UTF-8, gzip by its magic bytes, lines of at most
 * 1 MB, no FIFOs); blank lines are skipped. The first bad line stops the read with
 * {@code file:line: reason}.
 */
final class TableSource implements ImageSource {
  /** The most metadata columns (or keys of one JSON line). */
  static final int MAX_METADATA = 1_000;
  /** The longest label accepted, as for category lists. */
  static final int MAX_LABEL = 1_000;
  private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
  /** A part-of-speech letter and about 8 digits: a wnid written wrong. */
  private static final Pattern WNID_LIKE = Pattern.compile("[nvasrNVASR]\\d{7,9}");

  private final Path path;
  private final ImageFormat format;
  private final boolean guessed;

  TableSource(Path path, ImageFormat format, boolean guessed) {
    this.path = path;
    this.format = format;
    this.guessed = guessed;
    open(path).close(); // refuse a missing file, a FIFO or a directory now
  }

  private static LineSource open(Path path) {
    try {
      return new LineSource(path, "per-image list");
    } catch (DatasetException e) {
      throw new BadInput(e.getMessage());
    }
  }

  @Override
  public ImageFormat format() {
    return format;
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
  public Stream<ImageRecord> records() {
    return new Cursor().stream();
  }

  @Override
  public Path base() {
    return path.toAbsolutePath().getParent();
  }

  @Override
  public void close() {}

  private final class Cursor implements RecordCursor {
    private final LineSource lines;
    private List<String> header;
    private int image = -1;
    private int label = -1;
    private int wnid = -1;
    private boolean domainColumn;
    private long next;

    Cursor() {
      lines = open(path);
    }

    @Override
    public ImageRecord next() {
      while (true) {
        LineSource.Line line;
        try {
          line = lines.next();
        } catch (DatasetException e) {
          throw new BadInput(e.getMessage());
        }
        if (line == null) {
          return null;
        }
        if (line.text() == null) {
          throw bad(line, line.encodingError());
        }
        if (line.text().isBlank()) {
          continue;
        }
        if (format == ImageFormat.JSONL) {
          return jsonRow(line);
        }
        char separator = format == ImageFormat.TSV ? '\t' : ',';
        List<String> fields;
        try {
          fields = CsvFields.split(line.text(), separator);
        } catch (BadInput e) {
          throw bad(line, e.getMessage());
        }
        if (header == null) {
          readHeader(line, fields);
          continue;
        }
        return tableRow(line, fields, separator == ',' ? "comma" : "tab");
      }
    }

    private void readHeader(LineSource.Line line, List<String> fields) {
      header = fields.stream().map(String::strip).toList();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).toLowerCase(Locale.ROOT);
        if (!seen.add(h)) {
          throw bad(line, "column '" + abbreviate(header.get(i)) + "' appears twice in the header");
        }
        switch (h) {
          case "image" -> image = i;
          case "label" -> label = i;
          case "wnid" -> wnid = i;
          default -> {
            checkKey(line, header.get(i), "column name");
            domainColumn |= h.equals("domain");
          }
        }
      }
      if (image < 0) {
        throw bad(line, "the header needs an 'image' column (the image's path or URL), found: "
            + abbreviate(String.join(", ", header)));
      }
      if (label < 0 && wnid < 0) {
        throw bad(line, "the header needs a 'label' or 'wnid' column, found: " + abbreviate(String.join(", ", header)));
      }
      int metadata = header.size() - 1 - (label >= 0 ? 1 : 0) - (wnid >= 0 ? 1 : 0);
      if (metadata > MAX_METADATA) {
        throw bad(line, String.format(Locale.ROOT, "%,d metadata columns; the limit is %,d", metadata, MAX_METADATA));
      }
    }

    private ImageRecord tableRow(LineSource.Line line, List<String> f, String kind) {
      if (f.size() != header.size()) {
        throw bad(line, "expected " + header.size() + " " + kind + "-separated fields as in the header, found "
            + f.size());
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        if (i != image && i != label && i != wnid && !f.get(i).isBlank()) {
          metadata.put(header.get(i), f.get(i).strip());
        }
      }
      return row(line, blankToNull(f.get(image)), label >= 0 ? blankToNull(f.get(label)) : null,
          wnid >= 0 ? blankToNull(f.get(wnid)) : null, metadata, domainColumn);
    }

    private ImageRecord jsonRow(LineSource.Line line) {
      JsonNode node;
      try {
        // As label lists read JSON lines: a key named twice or text after the object is refused.
        node = org.synscope.dataset.StrictJson.MAPPER.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(line.text());
      } catch (JsonProcessingException e) {
        throw bad(line, "not valid JSON: " + org.synscope.dataset.StrictJson.problem(e));
      }
      if (node == null || !node.isObject()) {
        throw bad(line, "expected a JSON object such as {\"image\": \"dog/1.jpg\", \"label\": \"dog\"}");
      }
      String imageValue = null;
      String labelValue = null;
      String wnidValue = null;
      Map<String, String> metadata = new LinkedHashMap<>();
      boolean hasDomain = false;
      for (var it = node.properties().iterator(); it.hasNext(); ) {
        var e = it.next();
        String key = e.getKey();
        JsonNode v = e.getValue();
        String lower = key.toLowerCase(Locale.ROOT);
        boolean reserved = lower.equals("image") || lower.equals("label") || lower.equals("wnid");
        if (reserved && !v.isNull() && !v.isTextual()) {
          throw bad(line, "'" + key + "' must be a string");
        }
        switch (lower) {
          case "image" -> imageValue = blankToNull(v.asText(""));
          case "label" -> labelValue = blankToNull(v.asText(""));
          case "wnid" -> wnidValue = blankToNull(v.asText(""));
          default -> {
            checkKey(line, key, "key");
            if (v.isNumber() && !Double.isFinite(v.asDouble())) {
              throw bad(line, "'" + key + "' is " + v.asText() + ", a number out of range");
            }
            hasDomain |= lower.equals("domain");
            if (!v.isNull() && !(v.isValueNode() ? v.asText() : v.toString()).isBlank()) {
              metadata.put(key, (v.isValueNode() ? v.asText() : v.toString()).strip());
            }
            if (metadata.size() > MAX_METADATA) {
              throw bad(line, String.format(Locale.ROOT, "more than %,d metadata keys; the limit is %,d",
                  MAX_METADATA, MAX_METADATA));
            }
          }
        }
      }
      return row(line, imageValue, labelValue, wnidValue, metadata, hasDomain);
    }

    private ImageRecord row(LineSource.Line line, String imageValue, String labelValue, String wnidValue,
        Map<String, String> metadata, boolean keepDomain) {
      if (imageValue == null) {
        throw bad(line, "no image: the 'image' field needs the image's path or URL");
      }
      if (labelValue == null && wnidValue == null) {
        throw bad(line, "the row has neither a label nor a wnid");
      }
      String invisible = labelValue == null ? null : org.synscope.dataset.DatasetReader.invisible(labelValue);
      if (invisible != null) { // as a label list refuses it: 'dog\u200b' would be a second, identical-looking dog
        throw bad(line, invisible);
      }
      if (labelValue != null && labelValue.length() > MAX_LABEL) {
        throw bad(line, String.format(Locale.ROOT, "the label is %,d characters long; the limit is %,d",
            labelValue.length(), MAX_LABEL));
      }
      if (labelValue != null && CategoryKeys.isWnid(labelValue)) {
        if (wnidValue == null) {
          wnidValue = labelValue; // a wnid in the label column names the class, as a folder named n02084071 does
          labelValue = null;
        }
      } else if (labelValue != null && WNID_LIKE.matcher(labelValue).matches()) {
        throw bad(line, "label '" + labelValue + "' looks like a WordNet id but is not one: " + wnidAdvice(labelValue));
      }
      if (wnidValue != null && !CategoryKeys.isWnid(wnidValue)) {
        throw bad(line, "wnid '" + abbreviate(wnidValue) + "' is not of the form n02084071 (n and 8 digits)");
      }
      boolean url = Provenance.isUrl(imageValue);
      if (url && !keepDomain) {
        String domain = Provenance.domain(imageValue);
        if (domain != null) {
          metadata.put("domain", domain);
        }
      }
      return new ImageRecord(next++, labelValue, wnidValue, metadata, url ? null : imageValue, url ? imageValue : null);
    }

    private void checkKey(LineSource.Line line, String key, String what) {
      if (!COLUMN_NAME.matcher(key).matches()) {
        throw bad(line, what + " '" + abbreviate(key) + "' must be a letter or _ followed by letters, digits, _ . or -"
            + " (64 at most)");
      }
    }

    @Override
    public void close() {
      lines.close();
    }
  }

  /** What a wnid-shaped label should have been. */
  private static String wnidAdvice(String label) {
    char pos = label.charAt(0);
    if (label.length() != 9) {
      return "a wnid is n and exactly 8 digits";
    }
    if (pos == 'N') {
      return "write it " + label.toLowerCase(Locale.ROOT) + " (in the wnid column)";
    }
    return "a verb, adjective or adverb offset names no noun category";
  }

  private BadInput bad(LineSource.Line line, String reason) {
    return new BadInput(path + ":" + line.number() + ": " + reason);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
