package org.synscope.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.search.SearchException;

/**
 * The query parameters of the pages that have no parser of their own (search, tree and category pages
 * parse theirs in {@link SearchParams}): a name a page does not take, or a single-valued one given twice,
 * is a 400, so a typo never silently shows another view than the one asked for.
 */
final class RouteParams {
  private RouteParams() {}

  /**
   * A form field of a POST, given at most once: its value, or null. Given twice it is a 400: the first
   * value won, so {@code decision=safe&decision=offensive} recorded "safe" without a word.
   */
  static String formField(io.javalin.http.Context ctx, String name) {
    List<String> values = ctx.formParams(name);
    if (values.size() > 1) {
      throw SearchException.badRequest("form field '" + name + "' is given " + values.size() + " times; send it once");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  /** A page's parameters: those given at most once, and those that may repeat. */
  record Params(Set<String> single, Set<String> repeatable) {
    String described() {
      List<String> all = new java.util.ArrayList<>(single);
      repeatable.forEach(r -> all.add(r + " (repeatable)"));
      return all.isEmpty() ? "no parameters" : String.join(", ", all.stream().sorted().toList());
    }
  }

  private static Params p(String single, String repeatable) {
    return new Params(words(single), words(repeatable));
  }

  private static Set<String> words(String s) {
    return s.isBlank() ? Set.of() : Set.of(s.split(" "));
  }

  private static final Params HISTORY = p("user dataset bulk page reveal", "");
  private static final Params QUEUE = p("dataset size under reveal", "");
  private static final Params SIGNALS = p("reveal", "");
  private static final Params NONE = p("", "");
  private static final Params AUDIT = p("dataset reveal", "");
  private static final Params COMPARE = p("a b reveal", "flag review");
  private static final Params BLOCKLIST = p("dataset descendants", "status flag");

  static final Map<String, Params> BY_PATH = Map.ofEntries(
      Map.entry("/history", HISTORY), Map.entry("/history.json", HISTORY),
      Map.entry("/queue", QUEUE), Map.entry("/queue.json", QUEUE),
      Map.entry("/signals", SIGNALS), Map.entry("/signals.json", SIGNALS),
      Map.entry("/datasets", NONE), Map.entry("/datasets.json", NONE), Map.entry("/lists.json", NONE),
      Map.entry("/audit", AUDIT), Map.entry("/audit.json", AUDIT), Map.entry("/audit.md", AUDIT),
      Map.entry("/audit/compare", COMPARE), Map.entry("/audit/compare.json", COMPARE),
      Map.entry("/export/blocklist.txt", BLOCKLIST), Map.entry("/export/blocklist.csv", BLOCKLIST),
      Map.entry("/export/blocklist-images.txt", BLOCKLIST),
      Map.entry("/suggest.json", p("q reveal", "dataset")),
      Map.entry("/senses.json", p("dataset", "")), Map.entry("/export/senses.tsv", p("dataset", "")),
      Map.entry("/login", p("next", "")), Map.entry("/index.json", NONE));

  private static final Params IMAGE = p("reveal", "");
  private static final Params IMAGE_PNG = p("reveal large", "");

  /** A path's parameters: by the table, or an image's ({@code /i/{dataset}/{n}}, its {@code .json}, its {@code .png}). */
  private static Params of(String path) {
    if (path.startsWith("/i/")) {
      return path.endsWith(".png") ? IMAGE_PNG : IMAGE;
    }
    return BY_PATH.get(path);
  }

  /** Refuses a GET's unknown or repeated parameter on a page listed here; others are left to their parser. */
  static void check(String method, String path, Map<String, List<String>> params) {
    Params known = "GET".equals(method) || "HEAD".equals(method) ? of(path) : null;
    if (known == null) {
      return;
    }
    for (var e : params.entrySet()) {
      String name = e.getKey();
      if (!known.single().contains(name) && !known.repeatable().contains(name)) {
        throw SearchException.badRequest("unknown parameter '" + name + "' (" + path + " takes " + known.described() + ")");
      }
      if (known.single().contains(name) && e.getValue().size() > 1) {
        throw SearchException.badRequest("parameter '" + name + "' is given " + e.getValue().size() + " times; " + path
            + " takes it once");
      }
    }
  }
}
