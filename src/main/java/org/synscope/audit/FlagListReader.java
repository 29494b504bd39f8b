package org.synscope.audit;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synscope.config.BadInput;
import org.synscope.dataset.CategoryKeys;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.LineProblem;
import org.synscope.io.Sha256;
import org.synscope.wordnet.SynsetIds;

/**
 * Reads a flag list: one wnid, label or word a line, {@code #} comments, blank lines ignored. The
 * type is guessed (most lines wnids: {@code wnids}; otherwise {@code labels}) unless given. Bad lines
 * are {@code file:line: reason}; duplicates are reported, not kept twice.
 */
public final class FlagListReader {

  /** What was read: entries in file order, problems, the type used and the file's checksum. */
  public record Result(String type, List<FlagList.Entry> entries, List<LineProblem> problems, String sha256) {}

  private FlagListReader() {}

  /** The most text a list file may hold: a list of every WordNet noun and its words is a few MB. */
  static final int MAX_CHARS = 64 << 20;

  /**
   * Reads {@code file} as an import reads a label list (a .gz transparently, lines up to 1 MB, a bad byte
   * named with its line); {@code type} may be null to guess it.
   */
  public static Result read(Path file, String type) {
    StringBuilder text = new StringBuilder();
    try (org.synscope.dataset.LineSource lines = new org.synscope.dataset.LineSource(file, "flag list")) {
      for (var l = lines.next(); l != null; l = lines.next()) {
        if (l.text() == null) {
          throw new DatasetException(new LineProblem(file.toString(), l.number(), l.encodingError()));
        }
        text.append(l.text()).append('\n');
        if (text.length() > MAX_CHARS) {
          throw new DatasetException(new LineProblem(file.toString(), l.number(), String.format(java.util.Locale.ROOT,
              "the list holds over %,d characters by here; a flag list is words or wnids, a few MB at most", MAX_CHARS)));
        }
      }
      // The file as stored is what the list records the hash of, as an import does.
      return parse(file.toString(), text.toString(), type, lines.sha256());
    }
  }

  /** Reads a list's bytes; {@code source} names it in problems. */
  public static Result read(String source, byte[] bytes, String type) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new DatasetException(new LineProblem(source, 0, "is not valid UTF-8; save it as UTF-8"));
    }
    return parse(source, text, type, Sha256.hex(bytes));
  }

  /**
   * A line's entry: without a comment ({@code # ...} from the line's start, or after a space) and without
   * the spaces around it, non-breaking ones included (a copied {@code \u00a0v01926311} was kept as a label).
   */
  private static String entry(String line) {
    int hash = line.indexOf('#');
    while (hash > 0 && !Character.isWhitespace(line.charAt(hash - 1)) && !Character.isSpaceChar(line.charAt(hash - 1))) {
      hash = line.indexOf('#', hash + 1);
    }
    String kept = hash >= 0 ? line.substring(0, hash) : line;
    int from = 0;
    int to = kept.length();
    while (from < to && (Character.isWhitespace(kept.charAt(from)) || Character.isSpaceChar(kept.charAt(from)))) {
      from++;
    }
    while (to > from && (Character.isWhitespace(kept.charAt(to - 1)) || Character.isSpaceChar(kept.charAt(to - 1)))) {
      to--;
    }
    return kept.substring(from, to);
  }

  /** An entry with full-width and other compatibility forms made plain ({@code ｖ01926311} is v01926311). */
  private static String plain(String value) {
    return java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC);
  }

  /** Why an entry written like a WordNet id is none synscope reads (it is never a label either). */
  private static String notAnId(String value) {
    String plain = plain(value);
    if (!plain.equals(value)) {
      String as = "is written in full-width or other compatibility characters";
      return SynsetIds.isId(plain.toLowerCase(java.util.Locale.ROOT)) ? as + "; write it "
          + plain.toLowerCase(java.util.Locale.ROOT) : as + ", and as " + plain + " it " + notAnId(plain);
    }
    if (CategoryKeys.looksLikeWnid(value)) {
      return "looks like a WordNet id but names no noun; synscope reads noun ids, n + 8 digits (a verb or adjective"
          + " offset names no category)";
    }
    return "looks like a WordNet id but is not one: an id is n and 8 digits (n02084071)";
  }

  private static Result parse(String source, String text, String type, String sha256) {
    Path file = Path.of(source);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark is no part of the first entry
    }
    String[] lines = text.split("\r?\n", -1);
    List<int[]> data = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      lines[i] = entry(lines[i]);
      if (!lines[i].isEmpty()) {
        data.add(new int[] {i});
      }
    }
    if (data.isEmpty()) {
      throw new DatasetException(new LineProblem(file.toString(), 0, "the list is empty (no entries, only blank lines or # comments)"));
    }
    // Mostly ids is a wnid list with bad lines, not a list of labels: one typo turned a wnid list into
    // labels, so none of its ids flagged anything.
    long ids = data.stream().filter(d -> CategoryKeys.nearWnid(plain(lines[d[0]]))).count();
    String used = type != null ? type : 2 * ids > data.size() ? "wnids" : "labels";
    if (!List.of("wnids", "labels", "lexicon").contains(used)) {
      throw new BadInput("unknown list type '" + type + "' (use wnids, labels or lexicon)");
    }
    List<FlagList.Entry> entries = new ArrayList<>();
    List<LineProblem> problems = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int[] d : data) {
      int line = d[0] + 1;
      String value = lines[d[0]];
      String written = value;
      if (CategoryKeys.nearWnid(plain(value)) && !SynsetIds.isId(value.toLowerCase(java.util.Locale.ROOT))) {
        problems.add(new LineProblem(file.toString(), line, "'" + value + "' " + notAnId(value)));
        continue;
      }
      if (SynsetIds.isId(value.toLowerCase(java.util.Locale.ROOT))) {
        value = value.toLowerCase(java.util.Locale.ROOT); // N02084071 is the wnid n02084071, not a label
      }
      if (value.length() > org.synscope.dataset.DatasetReader.MAX_LABEL) { // as a label of an import is
        problems.add(new LineProblem(file.toString(), line, String.format(java.util.Locale.ROOT,
            "the entry is %,d characters long; the limit is %,d", value.length(), org.synscope.dataset.DatasetReader.MAX_LABEL)));
        continue;
      }
      String invisible = org.synscope.dataset.InvisibleCharacters.first(value, "");
      if (invisible != null) { // 'sea\u200bl' would be kept and reported as matching no category, like seal
        problems.add(new LineProblem(file.toString(), line, "the entry has " + invisible + "; remove it"));
        continue;
      }
      if (used.equals("wnids") && !SynsetIds.isId(value)) {
        problems.add(new LineProblem(file.toString(), line, "expected a wnid such as n02084071, found '" + value + "'"));
        continue;
      }
      if (!used.equals("wnids") && SynsetIds.isId(value)) {
        problems.add(new LineProblem(file.toString(), line, "'" + written + "' is a wnid in "
            + (used.equals("lexicon") ? "a lexicon" : "a list of " + used)
            + "; give ids and labels in separate lists (--type wnids for ids)"));
        continue;
      }
      String key = used.equals("wnids") ? value : CategoryKeys.ofLabel(value);
      Integer first = seen.putIfAbsent(key, line);
      if (first != null) {
        problems.add(new LineProblem(file.toString(), line, "'" + value + "' is listed twice, first on line " + first));
        continue;
      }
      entries.add(new FlagList.Entry(line, used.equals("wnids") ? value : key, null));
    }
    return new Result(used, entries, problems, sha256);
  }
}
