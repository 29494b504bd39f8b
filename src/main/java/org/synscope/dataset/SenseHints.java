package org.synscope.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
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

  /** Reads a hint file; a problem names the file and what is wrong. */
  public static SenseHints read(Path file) {
    String name = file.toString();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DatasetException(List.of(new LineProblem(name, line, "not valid JSON: " + e.getOriginalMessage())));
    } catch (IOException e) {
      throw new DatasetException(List.of(new LineProblem(name, 0, "cannot read: " + e.getMessage())));
    }
    if (root == null || !root.isObject()) {
      throw new DatasetException(List.of(new LineProblem(name, 1,
          "expected a JSON object of group -> [labels], e.g. {\"aquatic_mammals\": [\"seal\", \"whale\"]}")));
    }
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> group : root.properties()) {
      if (!group.getValue().isArray()) {
        throw new DatasetException(List.of(new LineProblem(name, 0, "group '" + group.getKey()
            + "' must hold a list of labels")));
      }
      for (JsonNode label : group.getValue()) {
        if (!label.isTextual()) {
          throw new DatasetException(List.of(new LineProblem(name, 0, "group '" + group.getKey()
              + "' holds " + label + ", not a label")));
        }
        out.put(CategoryKeys.ofLabel(label.asText()), group.getKey());
      }
    }
    return new SenseHints(out);
  }
}
