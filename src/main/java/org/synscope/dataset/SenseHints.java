package org.synscope.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which group (a coarse class, a superclass, a parent) each label belongs to, a hint for choosing
 * its sense: from a {@code coarse}, {@code superclass} or {@code parent} column of the list, or from
 * a JSON file {@code {"aquatic_mammals": ["beaver", "dolphin", ...], ...}} (CIFAR-100's shape).
 */
public final class SenseHints {
  /** Metadata columns read as a label's group, in order of preference. */
  public static final List<String> COLUMNS = List.of("coarse", "superclass", "parent");

  private final Map<String, String> groupByKey;

  private SenseHints(Map<String, String> groupByKey) {
    this.groupByKey = Map.copyOf(groupByKey);
  }

  /** No hint file. */
  public static SenseHints none() {
    return new SenseHints(Map.of());
  }

  /** The group of a row: its hint column, else the hint file's group for its label, else null. */
  public String group(LabelRecord row) {
    for (String column : COLUMNS) {
      for (Map.Entry<String, Object> e : row.metadata().entrySet()) {
        if (e.getKey().toLowerCase(Locale.ROOT).equals(column) && e.getValue() != null
            && !e.getValue().toString().isBlank()) {
          return e.getValue().toString().strip();
        }
      }
    }
    return row.label() == null ? null : groupByKey.get(CategoryKeys.ofLabel(row.label()));
  }

  private static final String NOT_READ = "the --hints file was not read, so nothing was imported";

  /** The labels the hint file names (normalised), each with its group. */
  public Map<String, String> labels() {
    return groupByKey;
  }

  /** A hint file groups a dataset's labels: a few MB at most (ImageNet-21k's 21,841 wnids are 220 KB). */
  static final long MAX_BYTES = 64L << 20;

  /**
   * Reads a hint file; a problem names the file and what is wrong: not JSON, JSON with something after
   * it or a group named twice (never last-one-wins), a label in two groups, an invisible character, a
   * device or FIFO (refused before it is read: /dev/zero ran out of memory, a FIFO hung).
   */
  public static SenseHints read(Path file) {
    String name = file.toString();
    JsonNode root;
    try {
      String text = SmallFile.read(file, MAX_BYTES, "sense hints", NOT_READ);
      root = StrictJson.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw notRead(new LineProblem(name, line, "not valid JSON: " + StrictJson.problem(e)));
    }
    if (root == null || !root.isObject()) {
      throw notRead(new LineProblem(name, 1,
          "expected a JSON object of group -> [labels], e.g. {\"aquatic_mammals\": [\"seal\", \"whale\"]}"));
    }
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> group : root.properties()) {
      String g = group.getKey();
      visible(name, "group '" + g + "'", g);
      if (!group.getValue().isArray()) {
        throw notRead(new LineProblem(name, 0, "group '" + g + "' must hold a list of labels"));
      }
      for (JsonNode label : group.getValue()) {
        if (!label.isTextual()) {
          throw notRead(new LineProblem(name, 0, "group '" + g + "' holds " + label
              + ", not a label"));
        }
        visible(name, "label '" + label.asText() + "' of group '" + g + "'", label.asText());
        String key = CategoryKeys.ofLabel(label.asText());
        String before = out.putIfAbsent(key, g);
        if (before != null && !before.equals(g)) {
          throw notRead(new LineProblem(name, 0, "label '" + label.asText() + "' is in two groups, '"
              + before + "' and '" + g + "'; a label has one group"));
        }
      }
    }
    return new SenseHints(out);
  }

  private static DatasetException notRead(LineProblem problem) {
    return new DatasetException(List.of(problem), NOT_READ);
  }

  private static void visible(String file, String what, String text) {
    String invisible = InvisibleCharacters.first(text, "");
    if (invisible != null) {
      throw notRead(new LineProblem(file, 0, what + " has " + invisible + "; remove it"));
    }
  }
}
