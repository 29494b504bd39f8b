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

  public HitCsv(Writer out) {
    this.out = out;
  }

  /** Writes the header row. */
  public void header() {
    line(COLUMNS);
  }

  /** Writes one hit; lists are joined with {@code ;} and the path with {@code  > }. */
  public void row(Hit h) {
    line(List.of(h.dataset(), h.key(), h.label(), nz(h.synset()), nz(h.name()),
        h.images() == null ? "" : h.images().toString(), h.status(), nz(h.match()), nz(h.sense()), String.join(";", h.flags()),
        String.join(";", h.primaryFlags()), h.gloss(),
        h.path().stream().map(PathNode::name).collect(Collectors.joining(" > "))));
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
