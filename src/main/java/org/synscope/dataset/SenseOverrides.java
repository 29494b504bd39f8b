package org.synscope.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An auditor's sense pins: {@code label<TAB>wnid} a line (optionally {@code <TAB># comment}), {@code #} comments. */
public final class SenseOverrides {

  /**
   * One pin, with where it came from.
   *
   * @param source how the mapping cites it: {@code by senses.tsv:3}, or an auditor's correction
   */
  public record Pin(String file, int line, String label, String wnid, String source) {
    public Pin(String file, int line, String label, String wnid) {
      this(file, line, label, wnid, "by " + file + ":" + line);
    }
  }

  private SenseOverrides() {}

  /** Reads the pins keyed by {@link CategoryKeys#ofLabel}; throws with every bad line. */
  public static Map<String, Pin> read(Path file) {
    Map<String, Pin> pins = new LinkedHashMap<>();
    List<LineProblem> problems = new ArrayList<>();
    String name = file.toString();
    try (LineSource source = new LineSource(file)) {
      for (LineSource.Line line = source.next(); line != null; line = source.next()) {
        if (line.text() == null) {
          problems.add(new LineProblem(name, line.number(), line.encodingError()));
          continue;
        }
        if (line.text().isBlank() || line.text().startsWith("#")) {
          continue;
        }
        // A trailing TAB and # comment is allowed: suggestion files name the synset there.
        String[] f = line.text().replaceFirst("\t#.*$", "").split("\t", -1);
        if (f.length != 2 || f[0].isBlank()) {
          problems.add(new LineProblem(name, line.number(), "expected label<TAB>wnid, found '"
              + DatasetReader.abbreviate(line.text()) + "'"));
          continue;
        }
        String wnid = f[1].strip();
        if (!CategoryKeys.isWnid(wnid)) {
          problems.add(new LineProblem(name, line.number(), "'" + wnid + "' is not a wnid such as n02084071"));
          continue;
        }
        String invisible = InvisibleCharacters.first(f[0], "");
        if (invisible != null) { // 'sea\u200bl' matched no label and was reported as if it were seal
          problems.add(new LineProblem(name, line.number(), "the label has " + invisible + "; remove it"));
          continue;
        }
        Pin pin = new Pin(name, line.number(), f[0].strip(), wnid);
        Pin earlier = pins.putIfAbsent(CategoryKeys.ofLabel(pin.label()), pin);
        if (earlier != null) {
          problems.add(new LineProblem(name, line.number(), "label '" + pin.label() + "' is pinned twice, first on line "
              + earlier.line()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new DatasetException(problems);
    }
    return pins;
  }
}
