package org.synscope.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import org.synscope.audit.SenseCorrection;
import org.synscope.search.Hit;
import org.synscope.wordnet.Suggestion;

/**
 * Writes a {@code --senses} file ({@code label<TAB>wnid} a line, {@code #} comments): the recorded
 * corrections of a dataset, ready to re-apply anywhere, or an unmapped dataset's suggestions, each
 * commented out so that removing one {@code #} applies it.
 */
public final class SenseFile {
  private SenseFile() {}

  /** The latest correction of each category, each under a comment saying who, when, from what and why. */
  public static void corrections(Writer out, String dataset, Collection<SenseCorrection> latest) {
    line(out, "# sense corrections of dataset '" + dataset + "' (" + latest.size() + "), a --senses file: "
        + "synscope index FILE --dataset " + dataset + " --senses THIS_FILE");
    for (SenseCorrection c : latest) {
      line(out, "# " + c.id() + " " + c.at() + " " + c.user() + ": " + (c.beforeName() == null ? "unmapped" : c.beforeName())
          + " -> " + c.afterName() + (c.rationale().isEmpty() ? "" : " (" + oneLine(c.rationale()) + ")"));
      line(out, oneLine(c.label()) + "\t" + c.after());
    }
  }

  /** Each unmapped category's suggestions as commented {@code --senses} lines. */
  public static void suggestions(Writer out, String dataset, List<Hit> unmapped, List<List<Suggestion>> suggestions) {
    line(out, "# unmapped categories of dataset '" + dataset + "' (" + unmapped.size() + "): uncomment one line per"
        + " label to apply it with --senses");
    for (int i = 0; i < unmapped.size(); i++) {
      Hit h = unmapped.get(i);
      List<Suggestion> s = suggestions.get(i);
      line(out, "# " + oneLine(h.label()) + (s.isEmpty() ? ": no suggestion" : ""));
      s.forEach(x -> line(out, "#" + oneLine(h.label()) + "\t" + x.id() + "\t# " + x.name() + ", " + x.why()));
    }
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\t\\r\\n]+", " ");
  }

  private static void line(Writer out, String text) {
    try {
      out.write(text);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
