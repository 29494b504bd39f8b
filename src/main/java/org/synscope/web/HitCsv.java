package org.synscope.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.synscope.dataset.CsvFields;
import org.synscope.index.PathNode;
import org.synscope.io.Utf8Writer;
import org.synscope.search.FixedEncoding;
import org.synscope.search.Hit;

/** Writes hits as CSV (RFC 4180), the same columns for the CLI and the {@code .csv} export. */
public final class HitCsv {
  /** The header row's columns. */
  public static final List<String> COLUMNS = List.of("dataset", "key", "label", "synset", "name", "images", "status",
      "match", "sense", "flags", "primary_flags", "gloss", "path");

  private final Writer out;
  private final Utf8Writer bytes;
  private final StringBuilder line = new StringBuilder(512);

  public HitCsv(Writer out) {
    this.out = out;
    this.bytes = out instanceof Utf8Writer u ? u : null;
  }

  /** Writes the header row. */
  public void header() {
    try {
      out.append(quoted(new StringBuilder(), COLUMNS, "\r\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A row's quoted fields that are fixed in a snapshot: {@code head} from the dataset to the sense column and
   * {@code tail} from the gloss to the line's end. The flag columns between them also carry imported lists,
   * which change without a new snapshot: they are kept with the lists they were made from ({@code flags},
   * {@code primary}) and remade for a hit whose lists differ.
   */
  public record Fixed(byte[] head, List<String> flags, List<String> primary, byte[] flagFields, byte[] tail) {}

  /** The searcher keeps each category's {@link Fixed} parts per snapshot under this key. */
  public static final FixedEncoding<Fixed> FIXED = HitCsv::fixed;

  /** Where the flag columns start in {@link #COLUMNS}: before them the head, after them the tail. */
  private static final int FLAGS = COLUMNS.indexOf("flags");

  private static Fixed fixed(Hit h) {
    List<String> v = values(h);
    StringBuilder b = new StringBuilder(400);
    byte[] head = utf8(quoted(b, v.subList(0, FLAGS), ","));
    byte[] flagFields = utf8(quoted(b, v.subList(FLAGS, FLAGS + 2), ","));
    byte[] tail = utf8(quoted(b, v.subList(FLAGS + 2, v.size()), "\r\n"));
    return new Fixed(head, h.flags(), h.primaryFlags(), flagFields, tail);
  }

  /** Appends the values quoted, each followed by a comma but the last, which is followed by {@code end}. */
  private static StringBuilder quoted(StringBuilder b, List<String> values, String end) {
    for (int i = 0; i < values.size(); i++) {
      CsvFields.quoteInto(b, values.get(i)).append(i == values.size() - 1 ? end : ",");
    }
    return b;
  }

  /** The builder's text in UTF-8; the builder is emptied. */
  private static byte[] utf8(StringBuilder b) {
    byte[] out = b.toString().getBytes(StandardCharsets.UTF_8);
    b.setLength(0);
    return out;
  }

  private static StringBuilder flagFields(StringBuilder b, Hit h) {
    return quoted(b, List.of(joined(h.flags(), ";"), joined(h.primaryFlags(), ";")), ",");
  }

  /** Writes one hit; lists are joined with {@code ;} and the path with {@code  > }. */
  public void row(Hit h) {
    row(h, fixed(h));
  }

  /** Writes one hit whose fixed parts are made already ({@link #FIXED}). */
  public void row(Hit h, Fixed fixed) {
    try {
      write(fixed.head());
      if (h.flags().equals(fixed.flags()) && h.primaryFlags().equals(fixed.primary())) {
        write(fixed.flagFields());
      } else {
        line.setLength(0);
        out.append(flagFields(line, h));
      }
      write(fixed.tail());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes go straight to a UTF-8 stream; any other writer gets their text. */
  private void write(byte[] utf8) throws IOException {
    if (bytes != null) {
      bytes.writeUtf8(utf8);
    } else {
      out.write(new String(utf8, StandardCharsets.UTF_8));
    }
  }

  private static String joined(List<String> values, String separator) {
    return values.isEmpty() ? "" : values.size() == 1 ? values.get(0) : String.join(separator, values);
  }

  /** The path's names joined with {@code  > }, appended to {@code out}. */
  private static StringBuilder appendPath(StringBuilder out, List<PathNode> path) {
    for (PathNode n : path) {
      (out.isEmpty() ? out : out.append(" > ")).append(n.name());
    }
    return out;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** A hit's values in {@link #COLUMNS} order, as a row shows them before quoting (what another engine must write). */
  public static List<String> values(Hit h) {
    return List.of(h.dataset(), h.key(), h.label(), nz(h.synset()), nz(h.name()),
        h.images() == null ? "" : h.images().toString(), h.status(), nz(h.match()), nz(h.sense()),
        joined(h.flags(), ";"), joined(h.primaryFlags(), ";"), h.gloss(), appendPath(new StringBuilder(), h.path()).toString());
  }
}
