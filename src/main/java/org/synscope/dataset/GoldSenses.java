package org.synscope.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A gold set for sense mapping: {@code label<TAB>wnid} a line, {@code #} comments, and
 * {@code #alt<TAB>label<TAB>wnid} lines naming other acceptable synsets of a label.
 *
 * @param file where it was read from
 * @param entries the gold synset and the acceptable alternatives of each label, keyed by the label's key
 */
public record GoldSenses(String file, Map<String, Entry> entries) {

  /** One label's gold. */
  public record Entry(String label, int line, String wnid, Set<String> alternatives) {}

  /** Reads a gold file; every bad line is reported with its number. */
  public static GoldSenses read(Path file) {
    try {
      return readLines(file);
    } catch (DatasetException e) { // said as what it is: nothing is imported, so nothing is published either
      throw new DatasetException(e.problems(), DatasetException.GOLD);
    }
  }

  private static GoldSenses readLines(Path file) {
    String name = file.toString();
    Map<String, Entry> entries = new LinkedHashMap<>();
    Map<String, Set<String>> alts = new LinkedHashMap<>();
    Map<String, Integer> altLines = new LinkedHashMap<>();
    List<LineProblem> problems = new ArrayList<>();
    try (LineSource source = new LineSource(file)) {
      for (LineSource.Line line = source.next(); line != null; line = source.next()) {
        String text = line.text();
        if (text == null) {
          problems.add(new LineProblem(name, line.number(), line.encodingError()));
          continue;
        }
        if (text.startsWith("#alt\t")) {
          String[] f = text.split("\t", -1);
          if (f.length != 3 || !CategoryKeys.isWnid(f[2].strip())) {
            problems.add(new LineProblem(name, line.number(), "expected #alt<TAB>label<TAB>wnid"));
          } else {
            alts.computeIfAbsent(CategoryKeys.ofLabel(f[1]), k -> new LinkedHashSet<>()).add(f[2].strip());
            altLines.putIfAbsent(CategoryKeys.ofLabel(f[1]), line.number());
          }
          continue;
        }
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        String[] f = text.split("\t", -1);
        if (f.length != 2 || f[0].isBlank() || !CategoryKeys.isWnid(f[1].strip())) {
          problems.add(new LineProblem(name, line.number(), "expected label<TAB>wnid, found '"
              + DatasetReader.abbreviate(text) + "'"));
          continue;
        }
        String key = CategoryKeys.ofLabel(f[0]);
        Entry earlier = entries.putIfAbsent(key, new Entry(f[0].strip(), line.number(), f[1].strip(), Set.of()));
        if (earlier != null) {
          problems.add(new LineProblem(name, line.number(), "label '" + f[0] + "' has gold already on line "
              + earlier.line()));
        }
      }
    }
    alts.forEach((key, ids) -> {
      Entry e = entries.get(key);
      if (e == null) {
        problems.add(new LineProblem(name, altLines.get(key), "#alt for '" + key + "', which has no gold line"));
      } else {
        entries.put(key, new Entry(e.label(), e.line(), e.wnid(), Set.copyOf(ids)));
      }
    });
    if (!problems.isEmpty()) {
      problems.sort(LineProblem.IN_FILE_ORDER);
      throw new DatasetException(problems);
    }
    if (entries.isEmpty()) {
      throw new DatasetException(List.of(new LineProblem(name, 0, "no gold line (label<TAB>wnid)")));
    }
    return new GoldSenses(name, java.util.Collections.unmodifiableMap(entries));
  }
}
