package org.synscope.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.config.BadInput;
import org.synscope.search.Facet;
import org.synscope.search.MetaFilter;
import org.synscope.search.SearchException;
import org.synscope.search.SearchRequest;
import org.synscope.search.Selection;
import org.synscope.search.SortOrder;

/**
 * The URL is the whole state: parses query parameters into a {@link SearchRequest}. Repeating a
 * facet parameter ({@code flag=a&flag=b}) ORs its values; {@code not_flag} drops values. Unknown
 * parameters are an error, so a typo never silently shows unfiltered results.
 */
public final class SearchParams {
  /** Parameters that are not facets, in canonical order. */
  static final List<String> SCALARS = List.of("q", "under", "sort", "page", "size", "reveal");

  private SearchParams() {}

  /** An export's request: its whole result, so {@code page} and {@code size} are left out (a deep page is no error). */
  static SearchRequest parseExport(Map<String, List<String>> params) {
    one(params, "page"); // ignored, but given twice is as much an error as on a page
    one(params, "size");
    reveal(params);
    Map<String, List<String>> whole = new java.util.LinkedHashMap<>(params);
    whole.remove("page");
    whole.remove("size");
    return parse(whole);
  }

  /** Parses a query-parameter map. */
  public static SearchRequest parse(Map<String, List<String>> params) {
    for (String name : params.keySet()) {
      if (!known(name)) {
        throw SearchException.badRequest("unknown parameter '" + name + "' (known: q, dataset, under, flag, lexfile,"
            + " status, sense, images, review, signal, risk, meta, sort, page, size, reveal; not_ before a facet drops values)");
      }
    }
    Map<Facet, Selection> selections = new EnumMap<>(Facet.class);
    for (Facet f : Facet.values()) {
      selections.put(f, new Selection(values(params, f.param()), values(params, "not_" + f.param())));
    }
    List<MetaFilter> meta = new ArrayList<>();
    try {
      for (String m : values(params, "meta")) {
        meta.add(MetaFilter.parse(m));
      }
      return new SearchRequest(one(params, "q"), one(params, "under"), selections, meta,
          SortOrder.parse(one(params, "sort")), number(params, "page", 1), number(params, "size", SearchRequest.DEFAULT_SIZE));
    } catch (BadInput e) {
      throw SearchException.badRequest(e.getMessage());
    }
  }

  /** True when {@code reveal=1} asks for masked labels to be shown. */
  public static boolean reveal(Map<String, List<String>> params) {
    String r = one(params, "reveal");
    if (r == null || r.equals("0") || r.equalsIgnoreCase("false")) {
      return false;
    }
    if (r.equals("1") || r.equalsIgnoreCase("true")) {
      return true;
    }
    // reveal=2 or reveal=yes silently showed the masked view: say so instead.
    throw SearchException.badRequest("reveal is 1 (show masked words and blurred images) or 0, not '" + r + "'");
  }

  /** A single parameter's value, stripped; null when absent or blank. */
  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static boolean known(String name) {
    if (SCALARS.contains(name) || name.equals("meta")) {
      return true;
    }
    String facet = name.startsWith("not_") ? name.substring(4) : name;
    for (Facet f : Facet.values()) {
      if (f.param().equals(facet)) {
        return true;
      }
    }
    return false;
  }

  static String one(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    if (v == null || v.isEmpty() || v.get(0).isBlank()) {
      return null;
    }
    if (v.size() > 1 && !SCALARS.contains(name)) {
      return v.get(0);
    }
    if (v.size() > 1) {
      throw SearchException.badRequest("parameter '" + name + "' was given " + v.size() + " times; give it once");
    }
    return v.get(0);
  }

  static Set<String> values(Map<String, List<String>> params, String name) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : params.getOrDefault(name, List.of())) {
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  static int number(Map<String, List<String>> params, String name, int fallback) {
    String v = one(params, name);
    if (v == null) {
      return fallback;
    }
    // Written plainly, as links write it: size=+5, size=05 and size=%205 named the same view as size=5 by
    // another URL.
    if (!v.matches("0|-?[1-9][0-9]*")) {
      throw SearchException.badRequest(name + " must be a whole number written plainly (5, not +5, 05 or ' 5'), was '"
          + v + "'");
    }
    // Past an int, as far out of range as an int goes: the caller's range check names the range.
    return v.length() > 10 || Long.parseLong(v) != (int) Long.parseLong(v)
        ? (v.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE) : Integer.parseInt(v);
  }
}
