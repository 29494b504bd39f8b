package org.synscope.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  /** Each synset's path, joined and quoted once per export (a synset has the same path in every dataset). */
  private final Map<String, String> paths = new HashMap<>();
  private final StringBuilder line = new StringBuilder(512);

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
    field(b, h.images() == null ? "" : h.images().toString());
    field(b, h.status());
    field(b, nz(h.match()));
    field(b, nz(h.sense()));
    field(b, String.join(";", h.flags()));
    field(b, String.join(";", h.primaryFlags()));
    field(b, h.gloss());
    b.append(h.synset() == null ? path(h.path()) : paths.computeIfAbsent(h.synset(), s -> path(h.path()))).append("\r\n");
    try {
      out.write(b.toString()); // one write a row
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String path(List<PathNode> path) {
    return CsvFields.quote(path.stream().map(PathNode::name).collect(Collectors.joining(" > ")));
  }

  private static void field(StringBuilder b, String value) {
    b.append(CsvFields.quote(value)).append(',');
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
}
