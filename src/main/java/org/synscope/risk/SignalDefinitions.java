package org.synscope.risk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.LineProblem;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.NounSynset;

/**
 * Reads signal definitions: the built-in file ({@code org/synscope/signals/signals.conf}) and, on top,
 * a user's file ({@code --signals FILE}) in the same shape, whose blocks add signals or replace
 * built-in ones by name. Every problem names the file and line.
 *
 * <pre>
 * [criminality]
 * title = Criminality and accusation
 * definition = People named by a crime they committed or are accused of.
 * basis = ...
 * scope = person.n.01
 * anchor = criminal.n.01 | someone who has committed a crime
 * exclude = synset.n.01 | why this subtree does not carry it
 * cue = accused of | a gloss naming an accusation
 * </pre>
 */
public final class SignalDefinitions {
  /** The built-in definitions, a classpath resource. */
  public static final String BUILT_IN = "/org/synscope/signals/signals.conf";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
  private static final int MAX_LINE = 2000;
  /** The largest signal file read: the built-in one is about 40 KB. */
  static final long MAX_FILE_BYTES = 1 << 20;

  private SignalDefinitions() {}

  /**
   * The built-in signals, then the user's file (may be null) on top. The built-in file names WordNet
   * 3.0 synsets: under another WordNet a synset it names may not exist, and is left out (the signal
   * keeps its other anchors and cues); a user's file must name only synsets that exist.
   */
  public static Map<String, Signal> load(Lexicon lexicon, Path userFile) {
    Map<String, Signal> out = new LinkedHashMap<>();
    try (InputStream in = SignalDefinitions.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("the built-in signal definitions " + BUILT_IN + " are missing from the jar");
      }
      parse("built-in " + BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8), lexicon, false)
          .forEach(s -> out.put(s.name(), s));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUILT_IN, e);
    }
    if (userFile != null) {
      String text = org.synscope.dataset.SmallFile.read(userFile, MAX_FILE_BYTES, "signal definitions",
          DatasetException.SIGNALS);
      parse(userFile.toString(), text, lexicon, true).forEach(s -> out.put(s.name(), s));
    }
    return out;
  }

  /** Parses one file; throws with every bad line ({@code strict}: a synset the lexicon lacks is one). */
  public static List<Signal> parse(String file, String text, Lexicon lexicon, boolean strict) {
    List<LineProblem> problems = new ArrayList<>();
    List<Signal> out = new ArrayList<>();
    Builder current = null;
    boolean refusedBlock = false; // the lines of a block whose heading was refused are not said again, one by one
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int n = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.length() > MAX_LINE) {
        problems.add(new LineProblem(file, n, "line longer than " + MAX_LINE + " characters"));
        continue;
      }
      if (line.startsWith("[")) {
        if (current != null) {
          current.build(problems).ifPresent(out::add);
        }
        String name = line.endsWith("]") ? line.substring(1, line.length() - 1).strip() : "";
        refusedBlock = true;
        current = null;
        if (!NAME.matcher(name).matches()) {
          problems.add(new LineProblem(file, n, "a signal starts with [name]: lower-case letters, digits and '-'"));
        } else if (org.synscope.flags.BuiltInFlags.NAMES.contains(name)) {
          problems.add(new LineProblem(file, n, "[" + name + "] is a built-in flag; give the signal another name"));
        } else if (out.stream().anyMatch(s -> s.name().equals(name))) {
          problems.add(new LineProblem(file, n, "signal [" + name + "] is defined twice in this file"));
        } else {
          current = new Builder(file, n, name, lexicon, strict);
          refusedBlock = false;
        }
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        problems.add(new LineProblem(file, n, "expected key = value (title, definition, basis, scope, anchor, exclude,"
            + " cue) or [name]"));
        continue;
      }
      if (current == null) {
        if (!refusedBlock) {
          problems.add(new LineProblem(file, n, "'" + line.substring(0, eq).strip() + "' before any [signal] heading"));
        }
        continue;
      }
      current.add(n, line.substring(0, eq).strip(), line.substring(eq + 1).strip(), problems);
    }
    if (current != null) {
      current.build(problems).ifPresent(out::add);
    }
    if (!problems.isEmpty()) {
      throw new DatasetException(problems, DatasetException.SIGNALS);
    }
    return out;
  }

  private static final class Builder {
    final String file;
    final int line;
    final String name;
    final Lexicon lexicon;
    final boolean strict;
    boolean scopeMissing;
    String title;
    String definition;
    String basis = "";
    Signal.Synset scope;
    final List<Signal.Synset> anchors = new ArrayList<>();
    final List<Signal.Synset> excludes = new ArrayList<>();
    final List<Signal.Cue> cues = new ArrayList<>();

    Builder(String file, int line, String name, Lexicon lexicon, boolean strict) {
      this.file = file;
      this.line = line;
      this.name = name;
      this.lexicon = lexicon;
      this.strict = strict;
    }

    /** Where each one-value key was given, to refuse a second (it silently won). */
    private final java.util.Map<String, Integer> single = new java.util.HashMap<>();

    void add(int n, String key, String value, List<LineProblem> problems) {
      if (List.of("title", "definition", "basis", "scope").contains(key)) {
        Integer first = single.putIfAbsent(key, n);
        if (first != null) {
          problems.add(new LineProblem(file, n, "'" + key + "' is given twice in [" + name + "], first on line " + first));
          return;
        }
      }
      switch (key) {
        case "title" -> title = value;
        case "definition" -> definition = value;
        case "basis" -> basis = value;
        case "scope" -> {
          scope = synset(n, value + " | the subtree a category must lie under", problems);
          scopeMissing = scope == null;
        }
        case "anchor" -> add(anchors, synset(n, value, problems));
        case "exclude" -> add(excludes, synset(n, value, problems));
        case "cue" -> {
          String[] parts = value.split("\\|", 2);
          String cue = parts[0].strip();
          if (cue.isEmpty() || parts.length < 2 || parts[1].isBlank()) {
            problems.add(new LineProblem(file, n, "a cue is: words | the reason they mark the attribute"));
          } else if (cue.codePoints().noneMatch(Character::isLetterOrDigit)) {
            problems.add(new LineProblem(file, n, "cue '" + cue + "' has no letter or digit, so it can match no gloss word"));
          } else {
            cues.add(new Signal.Cue(cue, parts[1].strip(), n));
          }
        }
        default -> problems.add(new LineProblem(file, n, "unknown key '" + key
            + "' (use title, definition, basis, scope, anchor, exclude or cue)"));
      }
    }

    private static void add(List<Signal.Synset> to, Signal.Synset s) {
      if (s != null) {
        to.add(s);
      }
    }

    private Signal.Synset synset(int n, String value, List<LineProblem> problems) {
      String[] parts = value.split("\\|", 2);
      String ref = parts[0].strip();
      if (parts.length < 2 || parts[1].isBlank()) {
        problems.add(new LineProblem(file, n, "'" + ref + "' needs a reason: synset.n.01 | why it is here"));
        return null;
      }
      Optional<NounSynset> s = lexicon.resolve(ref);
      if (s.isEmpty() && !strict) {
        return null; // a built-in anchor this WordNet lacks: the signal keeps the rest
      }
      if (s.isEmpty()) {
        problems.add(new LineProblem(file, n, "'" + ref + "' is not a noun synset (id or name) of WordNet "
            + lexicon.version()));
        return null;
      }
      return new Signal.Synset(s.get().id(), s.get().name(), parts[1].strip(), n);
    }

    Optional<Signal> build(List<LineProblem> problems) {
      List<String> missing = new ArrayList<>();
      if (title == null || title.isBlank()) {
        missing.add("title");
      }
      if (definition == null || definition.isBlank()) {
        missing.add("definition");
      }
      if (anchors.isEmpty() && cues.isEmpty()) {
        missing.add("an anchor or a cue");
      }
      if (!missing.isEmpty()) {
        problems.add(new LineProblem(file, line, "signal [" + name + "] needs " + String.join(", ", missing)));
        return Optional.empty();
      }
      Signal.Synset s = scope != null ? scope : lexicon.resolve("person.n.01")
          .map(p -> new Signal.Synset(p.id(), p.name(), "the default scope", line)).orElse(null);
      if (s == null || scopeMissing || (anchors.isEmpty() && cues.isEmpty())) {
        return Optional.empty(); // only when lenient: this WordNet lacks what the signal is about
      }
      return Optional.of(new Signal(name, title, definition, basis, s, anchors, excludes, cues, file));
    }
  }
}
