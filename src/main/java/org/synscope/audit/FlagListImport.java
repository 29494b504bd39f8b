package org.synscope.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.synscope.config.BadInput;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.LineProblem;
import org.synscope.wordnet.Lexicon;

/**
 * Turns a read list into a {@link FlagList}: malformed lines fail the import (unless skipped),
 * wnids that are not noun synsets and labels that match no category are reported, never silently
 * dropped, and the list is saved whole, replacing any earlier version.
 */
public final class FlagListImport {
  private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,31}");

  /** The saved list, the skipped bad lines, the warnings (unknown wnids, unmatched labels), and how many
   * labels were kept although no category has them yet. */
  public record Result(FlagList list, List<LineProblem> skipped, List<String> warnings, int unmatched) {}

  /** What to import. */
  public record Request(String name, String kind, String type, Scope scope, String dataset, boolean skipBadLines) {
    public Request {
      FlagLists.checkName(name);
      kind = kind == null ? "offensive" : kind.strip().toLowerCase(Locale.ROOT);
      if (!KIND.matcher(kind).matches()) {
        throw new BadInput("kind '" + kind + "' must be a lower-case word such as offensive or sensitive");
      }
      scope = scope == null ? Scope.CATEGORY : scope;
    }
  }

  private FlagListImport() {}

  /**
   * Checks and saves a list read by {@link FlagListReader}.
   *
   * @param labelExists whether a normalised label names a category (of the request's dataset, or any)
   */
  public static Result save(FlagListReader.Result read, String source, Request request, Lexicon lexicon,
      Predicate<String> labelExists, FlagLists lists) {
    if (!read.problems().isEmpty() && !request.skipBadLines()) {
      throw new DatasetException(read.problems(), DatasetException.IMPORT, true);
    }
    if (request.scope() == Scope.DESCENDANTS && !read.type().equals("wnids")) {
      throw new BadInput("--descendants needs a list of wnids; this is a list of " + read.type());
    }
    List<FlagList.Entry> applied = new ArrayList<>();
    List<FlagList.Entry> unknown = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (!FlagList.KNOWN_KINDS.contains(request.kind())) {
      // Any word is allowed (a team's own "reviewed" or "blocklist"), but a typo of unsafe would quietly weigh less.
      warnings.add("kind '" + request.kind() + "' is none of " + String.join(", ", FlagList.KNOWN_KINDS)
          + ": the risk score weighs its members as another kind, and the review queue does not learn from it");
    }
    int unmatched = 0;
    for (FlagList.Entry e : read.entries()) {
      if (read.type().equals("wnids") && lexicon.synset(e.value()).isEmpty()) {
        String note = e.value() + " is not a noun synset of WordNet " + lexicon.version();
        unknown.add(new FlagList.Entry(e.line(), e.value(), note));
        warnings.add(source + ":" + e.line() + ": " + note + " (kept out of the list)");
        continue;
      }
      if (read.type().equals("labels") && !labelExists.test(e.value())) {
        warnings.add(source + ":" + e.line() + ": '" + e.value() + "' matches no category"
            + (request.dataset() == null ? "" : " of " + request.dataset()) + " (kept: it applies once such a category exists)");
        unmatched++;
      }
      applied.add(e);
    }
    if (applied.isEmpty()) {
      // With --skip-bad-lines every bad line was skipped: say which, or the reader cannot see why none is left.
      List<LineProblem> why = new ArrayList<>(read.problems());
      why.add(new LineProblem(source, 0, "no entry of the list names anything; nothing was saved"));
      throw new DatasetException(why, DatasetException.IMPORT, false);
    }
    FlagList list = new FlagList(request.name(), request.kind(), read.type(), request.scope(), request.dataset(), source,
        read.sha256(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), applied, unknown);
    lists.save(list);
    return new Result(list, request.skipBadLines() ? read.problems() : List.of(), warnings, unmatched);
  }
}
