package org.synscope.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.synscope.dataset.CsvFields;
import org.synscope.index.PathNode;
import org.synscope.search.Hit;

/** Writes hits as CSV (RFC 4180), the same columns for the CLI and the {@code .csv} export. */
public final class HitCsv {
  /** The header row's columns. */
  public static final List<String> COLUMNS = List.of("dataset", "key", "label", "synset", "name", "images", "status",
      "match", "sense", "flags", "primary_flags", "gloss", "path");

  private final Writer out;
  private final StringBuilder line = new StringBuilder(512);
  private final StringBuilder path = new StringBuilder(256);

  public HitCsv(Writer out) {
    this.out = out;
  }

  /** Writes the header row. */
  public void header() {
    line(COLUMNS);
  }

  /** Writes one hit; lists are joined with {@code ;} and the path with {@code  > }. */
  public void row(Hit h) {
    StringBuilder b = line;
    b.setLength(0);
    field(b, h.dataset());
    field(b, h.key());
    field(b, h.label());
    field(b, nz(h.synset()));
    field(b, nz(h.name()));
    if (h.images() != null) {
      b.append(h.images().longValue());
    }
    b.append(',');
    field(b, h.status());
    field(b, nz(h.match()));
    field(b, nz(h.sense()));
    field(b, joined(h.flags(), ";"));
    field(b, joined(h.primaryFlags(), ";"));
    field(b, h.gloss());
    path.setLength(0);
    CsvFields.quoteInto(b, appendPath(path, h.path())).append("\r\n");
    try {
      out.append(b); // one write a row
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  private static void field(StringBuilder b, String value) {
    CsvFields.quoteInto(b, value).append(',');
  }

  private void line(List<String> fields) {
    try {
      out.write(fields.stream().map(CsvFields::quote).collect(Collectors.joining(",")));
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
