package org.synscope.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.IdentityHashMap;
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
  private final Map<List<PathNode>, String> paths = new IdentityHashMap<>();

  public HitCsv(Writer out) {
    this.out = out;
  }

  /** Writes the header row. */
  public void header() {
    line(COLUMNS);
  }

  /** Writes one hit; lists are joined with {@code ;} and the path with {@code  > }. */
  public void row(Hit h) {
    try {
      field(h.dataset(), ',');
      field(h.key(), ',');
      field(h.label(), ',');
      field(nz(h.synset()), ',');
      field(nz(h.name()), ',');
      field(h.images() == null ? "" : h.images().toString(), ',');
      field(h.status(), ',');
      field(nz(h.match()), ',');
      field(nz(h.sense()), ',');
      field(String.join(";", h.flags()), ',');
      field(String.join(";", h.primaryFlags()), ',');
      field(h.gloss(), ',');
      // Hits of one synset share its path list: join each list once per export.
      out.write(paths.computeIfAbsent(h.path(),
          p -> CsvFields.quote(p.stream().map(PathNode::name).collect(Collectors.joining(" > ")))));
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void field(String value, char then) throws IOException {
    out.write(CsvFields.quote(value));
    out.write(then);
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
