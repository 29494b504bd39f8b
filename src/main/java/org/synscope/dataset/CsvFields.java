package org.synscope.dataset;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV or TSV line into fields, honouring RFC 4180 double quotes. */
final class CsvFields {
  private CsvFields() {}

  /** The fields of a line; throws {@link IllegalArgumentException} with the reason when quotes are unbalanced. */
  static List<String> split(String line, char separator) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == separator) {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field (a field may not span lines)");
    }
    fields.add(field.toString());
    return fields;
  }
}
