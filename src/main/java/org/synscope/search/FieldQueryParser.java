package org.synscope.search;

import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.RegExp;
import org.synscope.index.IndexFields;

/**
 * Lucene's classic parser over the default fields, with what the index's fields mean: a field the index
 * does not search is a 400, a numeric metadata column is searched as numbers, a value or pattern on a
 * field with fixed values goes through {@link QueryFactory}'s checks (so {@code flag:} reaches imported
 * lists and a typo is a 400, not an empty answer), and a regular expression whose automaton would be
 * too large is refused before it is built: building {@code /.{1,999}{1,999}/} alone ran for minutes (the
 * determinization limit and the request deadline only apply after it is built).
 */
final class FieldQueryParser extends MultiFieldQueryParser {
  private final Map<String, String> columnTypes;
  private final java.util.function.BiFunction<String, String, Query> keyword;
  private final PatternQuery patterns;

  /**
   * @param keyword the query of a value of a field with a fixed set of values ({@code flag:}, {@code
   *     status:}, ...), refusing one the field does not have; null for other fields
   * @param patterns the query of a pattern on a field with fixed values, or null for the usual one
   */
  FieldQueryParser(Map<String, String> columnTypes, java.util.function.BiFunction<String, String, Query> keyword,
      PatternQuery patterns) {
    super(QueryFactory.DEFAULT_FIELDS.keySet().toArray(String[]::new), QueryFactory.ANALYZER, QueryFactory.DEFAULT_FIELDS);
    this.columnTypes = columnTypes;
    this.keyword = keyword;
    this.patterns = patterns;
  }

  /** The column of a numeric metadata field ({@code meta.year}), or null. */
  private String numeric(String field) {
    if (field == null || !field.startsWith(IndexFields.META_PREFIX)) {
      return null;
    }
    String column = field.substring(IndexFields.META_PREFIX.length());
    if (QueryFactory.MIXED.equals(columnTypes.get(column))) {
      throw QueryFactory.mixed(column);
    }
    return "number".equals(columnTypes.get(column)) ? column : null;
  }

  /** A numeric column's value: it is indexed as a number, which a term never matches. */
  private Query number(String field, String column, String text) {
    try {
      return DoubleField.newExactQuery(field, MetaFilter.number(text));
    } catch (NumberFormatException e) {
      throw SearchException.badRequest("metadata column '" + column + "' holds numbers; '" + text
          + "' is not one (a range is " + field + ":[1 TO 10])");
    }
  }

  private Query notForNumbers(String field, String column) {
    throw SearchException.badRequest("metadata column '" + column + "' holds numbers: give one (" + field
        + ":5) or a range (" + field + ":[1 TO 10]), not a pattern");
  }

  /**
   * A 400 for a field the index does not search: {@code glos:slur} matched nothing, which an
   * audit would read as "no slurs here".
   */
  private String known(String field) {
    Set<String> columns = columnTypes.keySet();
    if (field == null || QueryFactory.QUERY_FIELDS.contains(field)
        || field.startsWith(IndexFields.META_PREFIX) && columns.contains(field.substring(IndexFields.META_PREFIX.length()))) {
      return field;
    }
    String shown = field.length() > 40 ? field.substring(0, 40) + "..." : field;
    throw SearchException.badRequest("unknown field '" + shown + "' in the query; fields are "
        + String.join(", ", QueryFactory.QUERY_FIELDS) + (columns.isEmpty() ? "" : ", and meta.COLUMN for "
        + String.join(", ", new java.util.TreeSet<>(columns)))
        + " (image counts are filtered with images=, or --images in the CLI)");
  }

  /**
   * The query of a value of a numeric metadata column or of a field with fixed values, or null for a
   * field the analyzer reads (after a 400 for a field the index does not search).
   */
  private Query valueQuery(String field, String queryText) {
    String column = numeric(known(field));
    if (column != null) {
      return number(field, column, queryText);
    }
    return field == null ? null : keyword.apply(field, queryText);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    Query value = valueQuery(field, queryText);
    return value != null ? value : super.getFieldQuery(field, queryText, quoted);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    // A quoted value ("flag:\"nosuch\"") comes here: a fixed field's value is checked as a bare one is.
    Query value = valueQuery(field, queryText);
    return value != null ? value : super.getFieldQuery(field, queryText, slop);
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    String column = numeric(known(field));
    if (column != null) {
      MetaFilter range;
      try {
        range = MetaFilter.parse(column + ":" + (startInclusive ? "[" : "{") + (part1 == null ? "*" : part1) + " TO "
            + (part2 == null ? "*" : part2) + (endInclusive ? "]" : "}"));
      } catch (IllegalArgumentException e) {
        throw SearchException.badRequest(field + ": " + e.getMessage());
      }
      return DoubleField.newRangeQuery(field, range.lowest(), range.highest());
    }
    if (field != null) {
      Query fixed = patterns.query(field, (startInclusive ? "[" : "{") + (part1 == null ? "*" : part1) + " TO "
          + (part2 == null ? "*" : part2) + (endInclusive ? "]" : "}"), () -> value -> {
            int low = part1 == null ? 1 : value.compareTo(part1);
            int high = part2 == null ? -1 : value.compareTo(part2);
            return (startInclusive ? low >= 0 : low > 0) && (endInclusive ? high <= 0 : high < 0);
          });
      if (fixed != null) {
        return fixed;
      }
    }
    return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
  }

  /** A fuzzy term's similarity as the query wrote it ({@code ~2}, {@code ~0.5}). */
  private static String written(float minSimilarity) {
    return minSimilarity == Math.rint(minSimilarity) ? Integer.toString((int) minSimilarity)
        : Float.toString(minSimilarity);
  }

  /** Whether an automaton (a fuzzy term's, a regular expression's) accepts a value. */
  private static java.util.function.Predicate<String> accepts(org.apache.lucene.util.automaton.Automaton automaton) {
    var run = new org.apache.lucene.util.automaton.CharacterRunAutomaton(org.apache.lucene.util.automaton.Operations
        .determinize(automaton, org.apache.lucene.util.automaton.Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
    return run::run;
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    Query fixed = field == null ? null : patterns.query(field, termStr, () -> wildcard(termStr).asMatchPredicate());
    if (fixed != null) {
      return fixed;
    }
    String column = numeric(known(field));
    return column != null ? notForNumbers(field, column) : super.getWildcardQuery(field, termStr);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    Query fixed = field == null ? null : patterns.query(field, termStr + "*", () -> value -> value.startsWith(termStr));
    if (fixed != null) {
      return fixed;
    }
    String column = numeric(known(field));
    return column != null ? notForNumbers(field, column) : super.getPrefixQuery(field, termStr);
  }

  /** A wildcard pattern ({@code *} any run, {@code ?} one character, {@code \} escapes) as a regular expression. */
  private static java.util.regex.Pattern wildcard(String pattern) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        out.append(".*");
      } else if (c == '?') {
        out.append('.');
      } else {
        if (c == '\\' && i + 1 < pattern.length()) {
          c = pattern.charAt(++i);
        }
        out.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return java.util.regex.Pattern.compile(out.toString(), java.util.regex.Pattern.DOTALL);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    if (field != null) {
      int edits = org.apache.lucene.search.FuzzyQuery.floatToEdits(minSimilarity, termStr.codePointCount(0,
          termStr.length()));
      Query fixed = patterns.query(field, termStr + "~" + written(minSimilarity), () -> accepts(
          new org.apache.lucene.util.automaton.LevenshteinAutomata(termStr, true).toAutomaton(edits)));
      if (fixed != null) {
        return fixed;
      }
    }
    String column = numeric(known(field));
    return column != null ? notForNumbers(field, column) : super.getFuzzyQuery(field, termStr, minSimilarity);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    QueryLimits.checkRegexp(termStr);
    if (field != null) {
      Query fixed = patterns.query(field, "/" + termStr + "/", () -> accepts(new RegExp(termStr).toAutomaton()));
      if (fixed != null) {
        return fixed;
      }
    }
    String column = numeric(known(field));
    return column != null ? notForNumbers(field, column) : super.getRegexpQuery(field, termStr);
  }

  /**
   * The query of a pattern (wildcard, prefix, fuzzy, regex or range) on a field, or null for the parser's
   * own. {@code accepts} makes the test of a value, asked for only on a field whose values are checked: on
   * the searched text fields an automaton built for it would be built again by Lucene.
   */
  @FunctionalInterface
  interface PatternQuery {
    Query query(String field, String pattern,
        java.util.function.Supplier<java.util.function.Predicate<String>> accepts);
  }
}
