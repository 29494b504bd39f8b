package org.synscope.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.RegExp;
import org.synscope.dataset.CategoryKeys;
import org.synscope.index.Analyzers;
import org.synscope.index.IndexFields;
import org.synscope.wordnet.NounSynset;

/** Builds Lucene queries from a {@link SearchRequest}. */
final class QueryFactory {
  /** Searched when a query names no field: the label counts most, then synonyms, then glosses. */
  private static final Map<String, Float> DEFAULT_FIELDS = Map.of(
      IndexFields.LABEL, 4f, IndexFields.LEMMAS, 2f, IndexFields.GLOSS, 1f, IndexFields.OTHER_GLOSSES, 0.5f);

  /** The index's analyzer, shared (Lucene analyzers are thread-safe and reuse their token streams per thread). */
  static final org.apache.lucene.analysis.Analyzer ANALYZER = Analyzers.forIndex();

  private final Map<String, String> metadataColumns;
  private final Overlay overlay;
  /** The datasets of the snapshot, and whether it holds a term: what a query field's value is checked against. */
  private final Set<String> datasets;
  private final java.util.function.BiPredicate<String, String> holds;
  /** The id of a noun synset named by its id or name, as the index's WordNet has it. */
  private final java.util.function.Function<String, java.util.Optional<String>> synsets;
  /** Parsed once per request: the main query and each drill-sideways query share the text query. */
  private final Map<String, Query> parsed = new java.util.HashMap<>();

  /**
   * @param metadataColumns every dataset's metadata column to {@code text} or {@code number}
   * @param overlay the audit record's lists and reviews on this snapshot
   * @param datasets the datasets a {@code dataset:} query field may name
   * @param holds whether the index holds a term (a lexicographer file a hand-made lexicon adds)
   * @param synsets the id of a noun synset named by its id or name ({@code synset:dog.n.01}), or empty
   */
  QueryFactory(Map<String, String> metadataColumns, Overlay overlay, Set<String> datasets,
      java.util.function.BiPredicate<String, String> holds,
      java.util.function.Function<String, java.util.Optional<String>> synsets) {
    this.metadataColumns = metadataColumns;
    this.overlay = overlay;
    this.datasets = datasets;
    this.holds = holds;
    this.synsets = synsets;
  }

  /** The kind of a metadata column that holds numbers in one dataset and text in another. */
  static final String MIXED = "mixed";

  static SearchException mixed(String column) {
    return SearchException.badRequest("metadata column '" + column + "' holds numbers in one dataset and text in"
        + " another, so it cannot be searched; import one of them again with the column renamed");
  }

  /** The largest boost a query term may carry: past it, scores overflow and the query matches nothing. */
  static final double MAX_BOOST = 1_000_000;

  /** The longest query accepted, in characters. */
  static final int MAX_QUERY_CHARS = 2_000;
  /** The deepest nesting of parentheses accepted (the parser recurses once per level). */
  static final int MAX_DEPTH = 20;
  /** The most terms accepted: each expands over four fields, and Lucene stops at 1,024 clauses. */
  static final int MAX_TERMS = 100;

  /** True when the query has wildcards, fuzzy terms or a regular expression: what scans many terms. */
  static boolean expandsTerms(String query) {
    return query != null && (query.indexOf('*') >= 0 || query.indexOf('?') >= 0 || query.indexOf('~') >= 0
        || query.indexOf('/') >= 0);
  }

  /** Refuses a query past one of the limits, naming it; the parser and Lucene would fail less kindly. */
  static void checkLimits(String query) {
    int depth = 0;
    int deepest = 0;
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        deepest = Math.max(deepest, ++depth);
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && c == '^') {
        checkBoost(query, i + 1);
      }
    }
    if (deepest > MAX_DEPTH) {
      throw SearchException.badRequest("the query nests parentheses " + deepest + " deep; the limit is " + MAX_DEPTH);
    }
    long terms = java.util.Arrays.stream(query.replaceAll("[()]", " ").strip().split("\\s+"))
        .filter(t -> !t.isEmpty() && !List.of("AND", "OR", "NOT", "&&", "||", "!").contains(t)).count();
    if (terms > MAX_TERMS) {
      throw SearchException.badRequest("the query has " + terms + " terms; the limit is " + MAX_TERMS);
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw SearchException.badRequest(String.format(java.util.Locale.ROOT,
          "the query is %,d characters long; the limit is %,d", query.length(), MAX_QUERY_CHARS));
    }
  }

  /**
   * A 400 for a boost the parser would misread or that passes {@link #MAX_BOOST}. The parser takes digits
   * and one point as the boost, so {@code dog^1e6} was {@code dog^1} followed by the word {@code e6}, and
   * matched nothing (its other clauses neither): an audit reads "none here".
   */
  private static void checkBoost(String query, int from) {
    int end = from;
    while (end < query.length() && "0123456789.eE+-".indexOf(query.charAt(end)) >= 0) {
      end++;
    }
    String written = query.substring(from, end);
    if (written.isEmpty() || !Character.isDigit(written.charAt(0))) {
      return; // no number at all: the parser's own message says what is wrong
    }
    if (!written.matches("[0-9]+(\\.[0-9]+)?")) {
      throw SearchException.badRequest("the boost ^" + written + " is not a plain number: write it with digits and"
          + " at most one point, from 0 to " + String.format(java.util.Locale.ROOT, "%,.0f", MAX_BOOST) + " (^2, ^0.5)");
    }
    if (Double.parseDouble(written) > MAX_BOOST) {
      throw SearchException.badRequest("the boost ^" + written + " is out of range: a boost is a number from 0 to "
          + String.format(java.util.Locale.ROOT, "%,.0f", MAX_BOOST));
    }
  }

  /** Parses Lucene query syntax; a blank query matches every category. */
  Query text(String query) {
    Query q = parsed.get(query);
    if (q == null) {
      q = parse(query);
      parsed.put(query, q);
    }
    return q;
  }

  private Query parse(String query) {
    if (query.isBlank()) {
      return MatchAllDocsQuery.INSTANCE;
    }
    checkLimits(query);
    MultiFieldQueryParser parser = new Parser(metadataColumns, this::keyword, this::pattern);
    // Two plain words mean both, as in a search box; OR is still there to type.
    parser.setDefaultOperator(QueryParser.Operator.AND);
    // One whitespace-free word that analyses to several tokens (a-bomb, chicken_taco) is a phrase.
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true);
    parser.setAllowLeadingWildcard(true); // bounded by the request deadline, not forbidden
    try {
      Query parsed = everythingBut(parser.parse(query));
      BooleanQuery.Builder scored = new BooleanQuery.Builder().add(parsed, Occur.MUST)
          .add(FeatureField.newLinearQuery(IndexFields.FEATURES, IndexFields.SENSE_FEATURE, 3f), Occur.SHOULD);
      if (query.matches("[\\p{L}\\p{N}' _.-]+")) {
        // The label typed in full ranks first: "dog" before "dog food".
        scored.add(new BoostQuery(new TermQuery(new Term(IndexFields.LABEL_EXACT, CategoryKeys.ofLabel(query))), 10f),
            Occur.SHOULD);
      }
      return scored.build();
    } catch (ParseException e) {
      String reason = e.getMessage().replaceAll("\\s+", " ").replaceFirst("^Cannot parse '.*?': ", "");
      // The lexer names a character by its code ("Encountered: '45' (45),"): name the character.
      reason = java.util.regex.Pattern.compile("Encountered: '(\\d+)' \\(\\d+\\),?").matcher(reason)
          .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1).length() > 6
              || !Character.isValidCodePoint(Integer.parseInt(m.group(1))) ? m.group()
              : "Encountered: '" + Character.toString(Integer.parseInt(m.group(1))) + "'"));
      throw SearchException.badRequest("cannot parse the query '" + query + "': " + reason
          + ". Put phrases and special characters (+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /) in double quotes"
          + " or escape them with \\.");
    } catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
      throw SearchException.badRequest(TOO_COMPLEX);
    } catch (IndexSearcher.TooManyClauses e) {
      throw SearchException.badRequest(tooManyClauses());
    } catch (IllegalArgumentException e) {
      throw SearchException.badRequest("cannot run the query '" + query + "': " + e.getMessage());
    }
  }

  /** The most states a regular expression may expand to before it is turned into an automaton. */
  static final long MAX_REGEXP_STATES = 10_000;

  /**
   * Lucene's classic parser over the default fields, refusing a regular expression whose automaton
   * would be too large before building it: building {@code /.{1,999}{1,999}/} alone ran for minutes
   * (the determinization limit and the request deadline only apply after it is built).
   */
  private static final class Parser extends MultiFieldQueryParser {
    private final Map<String, String> columnTypes;
    private final java.util.function.BiFunction<String, String, Query> keyword;
    private final PatternQuery patterns;

    /**
     * @param keyword the query of a value of a field with a fixed set of values ({@code flag:}, {@code
     *     status:}, ...), refusing one the field does not have; null for other fields
     * @param patterns the query of a pattern on a field with fixed values, or null for the usual one
     */
    Parser(Map<String, String> columnTypes, java.util.function.BiFunction<String, String, Query> keyword,
        PatternQuery patterns) {
      super(DEFAULT_FIELDS.keySet().toArray(String[]::new), ANALYZER, DEFAULT_FIELDS);
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
      if (MIXED.equals(columnTypes.get(column))) {
        throw mixed(column);
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
      if (field == null || QUERY_FIELDS.contains(field)
          || field.startsWith(IndexFields.META_PREFIX) && columns.contains(field.substring(IndexFields.META_PREFIX.length()))) {
        return field;
      }
      String shown = field.length() > 40 ? field.substring(0, 40) + "..." : field;
      throw SearchException.badRequest("unknown field '" + shown + "' in the query; fields are "
          + String.join(", ", QUERY_FIELDS) + (columns.isEmpty() ? "" : ", and meta.COLUMN for "
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
            + (part2 == null ? "*" : part2) + (endInclusive ? "]" : "}"), value -> {
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

    /** Whether an automaton (a fuzzy term's, a regular expression's) accepts a value. */
    private static java.util.function.Predicate<String> accepts(org.apache.lucene.util.automaton.Automaton automaton) {
      var run = new org.apache.lucene.util.automaton.CharacterRunAutomaton(org.apache.lucene.util.automaton.Operations
          .determinize(automaton, org.apache.lucene.util.automaton.Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
      return run::run;
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      Query fixed = field == null ? null : patterns.query(field, termStr, wildcard(termStr).asMatchPredicate());
      if (fixed != null) {
        return fixed;
      }
      String column = numeric(known(field));
      return column != null ? notForNumbers(field, column) : super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      Query fixed = field == null ? null : patterns.query(field, termStr + "*", value -> value.startsWith(termStr));
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
        Query fixed = patterns.query(field, termStr + "~" + edits, accepts(
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
      checkRegexp(termStr);
      if (field != null) {
        Query fixed = patterns.query(field, "/" + termStr + "/", accepts(new RegExp(termStr).toAutomaton()));
        if (fixed != null) {
          return fixed;
        }
      }
      String column = numeric(known(field));
      return column != null ? notForNumbers(field, column) : super.getRegexpQuery(field, termStr);
    }
  }

  /**
   * The query of {@code field:value} for a field whose values are a fixed set, as the matching URL
   * parameter reads it (so {@code flag:} holds imported lists as {@code flag=} does); a 400 for a value the
   * field does not have, where a typo matched nothing. Null for other fields.
   */
  private Query keyword(String field, String value) {
    if (SYNSET_FIELDS.contains(field)) {
      return new TermQuery(new Term(field, synsetId(field, value)));
    }
    Facet facet = switch (field) {
      case IndexFields.FLAG -> Facet.FLAG;
      case IndexFields.STATUS -> Facet.STATUS;
      case IndexFields.CERTAINTY -> Facet.SENSE;
      case IndexFields.LEXFILE -> Facet.LEXFILE;
      case IndexFields.DATASET -> Facet.DATASET;
      default -> null; // match: has no facet of its own: checked here, searched as the term it is
    };
    if (facet == null && !field.equals(IndexFields.MATCH)) {
      return null;
    }
    checkValue(facet, field, value, fieldValues(field), holds, " in the query");
    return facet == null ? null : value(facet, value);
  }

  /** The query fields whose values are noun synsets. */
  private static final Set<String> SYNSET_FIELDS = Set.of(IndexFields.SYNSET, IndexFields.SENSE, IndexFields.ANCESTOR);

  /**
   * The id a {@code synset:}, {@code sense:} or {@code ancestor:} value names: an id in either case or a
   * name ({@code N02084071}, {@code dog.n.01}); a 400 for anything else, which matched nothing.
   */
  private String synsetId(String field, String value) {
    return synsets.apply(value).or(() -> synsets.apply(value.toLowerCase(java.util.Locale.ROOT)))
        .orElseThrow(() -> SearchException.badRequest("no noun synset '" + value + "' for " + field
            + ": in the query (use an id such as n02084071 or a name such as dog.n.01)"));
  }

  /**
   * The values of a query field with a fixed set of them ({@code status:}, {@code certainty:}, {@code match:},
   * {@code dataset:}); null for the others, {@code flag:} and {@code lexfile:} among them, whose checks are
   * their own (a flag may be a list, a lexicographer file one a hand-made lexicon adds).
   */
  private Set<String> fieldValues(String field) {
    return switch (field) {
      case IndexFields.STATUS -> fixedValues(Facet.STATUS);
      case IndexFields.CERTAINTY -> fixedValues(Facet.SENSE);
      case IndexFields.MATCH -> MATCHES;
      case IndexFields.DATASET -> datasets;
      default -> null;
    };
  }

  /**
   * A 400 for a value a facet does not have, where a typo would match nothing and an audit read "none
   * here": a lexicographer file is one of WordNet's noun files or one the index holds (a hand-made
   * lexicon's); other facets' values are {@code allowed} (null: any). {@code name} and {@code where} say
   * how the request wrote it ({@code lexfile}, {@code " in the query"}).
   */
  static void checkValue(Facet facet, String name, String value, Set<String> allowed,
      java.util.function.BiPredicate<String, String> holds, String where) {
    if (facet == Facet.LEXFILE && !NounSynset.NOUN_LEX_FILES.contains(value) && !holds.test(IndexFields.LEXFILE, value)) {
      throw SearchException.badRequest("unknown lexfile '" + value + "'" + where + " (WordNet's noun files: "
          + String.join(", ", NounSynset.NOUN_LEX_FILES) + ")");
    }
    if (allowed != null && !allowed.contains(value)) {
      throw SearchException.badRequest("unknown " + name + " '" + value + "'" + where + " (use one of "
          + String.join(", ", new TreeSet<>(allowed)) + ")");
    }
  }

  /** The fields a query may name, as the README lists them (and the rest of what the index searches by term). */
  static final List<String> QUERY_FIELDS = List.of(IndexFields.LABEL, IndexFields.LEMMAS, IndexFields.GLOSS,
      IndexFields.OTHER_GLOSSES, IndexFields.FLAG, IndexFields.LEXFILE, IndexFields.SYNSET, IndexFields.SENSE,
      IndexFields.ANCESTOR, IndexFields.DATASET, IndexFields.KEY, IndexFields.STATUS, IndexFields.MATCH,
      IndexFields.CERTAINTY);

  /**
   * A 400 for a regular expression whose automaton would pass {@link #MAX_REGEXP_STATES}, before it
   * is built (every parser that reads user queries calls it: the label search and the image search).
   * A syntax error is left to Lucene's own message.
   */
  static void checkRegexp(String termStr) {
    long states;
    try {
      states = states(new RegExp(termStr, RegExp.ALL));
    } catch (IllegalArgumentException e) {
      return;
    }
    if (states > MAX_REGEXP_STATES) {
      throw SearchException.badRequest(String.format(java.util.Locale.ROOT, "the regular expression /%s/ expands to"
          + " about %,d states; the limit is %,d", termStr.length() > 60 ? termStr.substring(0, 60) + "..." : termStr,
          states, MAX_REGEXP_STATES));
    }
  }

  /**
   * About how many states a regular expression's automaton has before determinization (saturating
   * at {@code Long.MAX_VALUE}): a repetition multiplies its body, an intersection the two sides.
   */
  static long states(RegExp r) {
    if (r == null) {
      return 0;
    }
    long a = states(r.exp1);
    long b = states(r.exp2);
    return switch (r.kind) {
      case REGEXP_UNION, REGEXP_CONCATENATION -> Math.min(Long.MAX_VALUE / 2, a) + Math.min(Long.MAX_VALUE / 2, b);
      case REGEXP_INTERSECTION -> times(Math.max(a, 1), Math.max(b, 1));
      case REGEXP_OPTIONAL, REGEXP_REPEAT -> times(a, 1) + 1;
      case REGEXP_REPEAT_MIN -> times(a, (long) r.min + 1);
      case REGEXP_REPEAT_MINMAX -> times(a, Math.max(r.max, 1));
      case REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> Math.max(a, 1);
      case REGEXP_STRING -> r.s == null ? 1 : r.s.length() + 1;
      case REGEXP_INTERVAL -> 10L * Math.max(r.digits, String.valueOf(r.max).length());
      default -> 1;
    };
  }

  private static long times(long a, long b) {
    return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
  }

  /**
   * A query of only exclusions ({@code -dog}, {@code NOT dog}) means everything but those, as in Solr
   * and Kibana; Lucene alone would match nothing.
   */
  static Query everythingBut(Query parsed) {
    if (parsed instanceof BooleanQuery b && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.occur() == Occur.MUST_NOT)) {
      BooleanQuery.Builder all = new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
      b.clauses().forEach(all::add);
      return all.build();
    }
    return parsed;
  }

  static final String TOO_COMPLEX = "the regular expression in the query is too complex to run; simplify it";

  static String tooManyClauses() {
    return "the query expands to more than " + IndexSearcher.getMaxClauseCount() + " clauses; use fewer terms, or"
        + " wildcards that match fewer words";
  }

  /** The full query: text plus every filter, leaving out the selection of {@code except} (may be null). */
  Query build(SearchRequest request, String underId, Facet except) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text(request.query()), Occur.MUST);
    if (underId != null) {
      b.add(new TermQuery(new Term(IndexFields.ANCESTOR, underId)), Occur.FILTER);
    }
    request.selections().forEach((facet, selection) -> {
      if (facet != except) {
        addSelection(b, facet, selection);
      }
    });
    for (MetaFilter m : request.meta()) {
      b.add(meta(m), Occur.FILTER);
    }
    return b.build();
  }

  private void addSelection(BooleanQuery.Builder b, Facet facet, Selection selection) {
    if (!selection.include().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      selection.include().forEach(v -> any.add(value(facet, v), Occur.SHOULD));
      b.add(any.build(), Occur.FILTER);
    }
    selection.exclude().forEach(v -> b.add(value(facet, v), Occur.MUST_NOT));
  }

  private Query value(Facet facet, String value) {
    if (facet == Facet.REVIEW) {
      return overlay.reviewFilter(value);
    }
    if (facet == Facet.SIGNAL) {
      return overlay.signalFilter(value);
    }
    if (facet == Facet.RISK) {
      return overlay.riskFilter(value);
    }
    if (facet == Facet.FLAG && overlay.isList(value)) {
      return overlay.listFilter(value);
    }
    if (facet == Facet.FLAG && !org.synscope.flags.BuiltInFlags.NAMES.contains(value)) {
      // A typo would match nothing, and an audit would read "no slurs here".
      throw SearchException.badRequest("unknown flag '" + value + "' (" + flagNames() + ")");
    }
    if (facet != Facet.IMAGES) {
      return new TermQuery(new Term(facet.field(), value));
    }
    if (value.equals("unknown")) {
      return new BooleanQuery.Builder()
          .add(MatchAllDocsQuery.INSTANCE, Occur.MUST)
          .add(new FieldExistsQuery(IndexFields.IMAGES), Occur.MUST_NOT)
          .build();
    }
    long[] bounds = Facet.bucketBounds(value);
    return LongField.newRangeQuery(IndexFields.IMAGES, bounds[0], bounds[1]);
  }

  private Query meta(MetaFilter m) {
    String type = metadataColumns.get(m.column());
    if (type == null) {
      throw SearchException.badRequest("no metadata column '" + m.column() + "'"
          + (metadataColumns.isEmpty() ? " (no dataset has metadata columns)"
              : " (known: " + String.join(", ", new TreeSet<>(metadataColumns.keySet())) + ")"));
    }
    String field = IndexFields.meta(m.column());
    if (type.equals(MIXED)) {
      throw mixed(m.column());
    }
    if (type.equals("text")) {
      if (m.isRange()) {
        throw SearchException.badRequest("metadata column '" + m.column() + "' is text; a range needs a number column");
      }
      return new TermQuery(new Term(field, m.value()));
    }
    if (!m.isRange()) {
      try {
        return DoubleField.newExactQuery(field, MetaFilter.number(m.value()));
      } catch (NumberFormatException e) {
        throw SearchException.badRequest("metadata column '" + m.column() + "' holds numbers; '" + m.value()
            + "' is not one");
      }
    }
    return DoubleField.newRangeQuery(field, m.lowest(), m.highest());
  }

  /** The query of a wildcard or prefix pattern on a field, or null for the parser's own. */
  @FunctionalInterface
  private interface PatternQuery {
    Query query(String field, String pattern, java.util.function.Predicate<String> accepts);
  }

  /**
   * A pattern on a field with fixed values: over the flags' and the lists' names for {@code flag:}
   * (as {@code flag:NAME} reaches both); elsewhere a 400 when it accepts none of the field's values
   * ({@code match:zzz*} matched nothing, where {@code match:zzz} is refused), else null: the terms it
   * matches are the values.
   */
  private Query pattern(String field, String pattern, java.util.function.Predicate<String> accepts) {
    if (field.equals(IndexFields.FLAG)) {
      return flagsMatching(pattern, accepts);
    }
    Set<String> values = fieldValues(field);
    if (values != null && values.stream().noneMatch(accepts)) {
      throw SearchException.badRequest("no value of " + field + ": matches '" + pattern + "' (use one of "
          + String.join(", ", new TreeSet<>(values)) + ")");
    }
    return null;
  }

  /**
   * {@code flag:PATTERN}: every built-in flag and imported list whose name the pattern accepts, as
   * {@code flag:NAME} reaches each (a wildcard ranged over the built-in flags' terms alone, so
   * {@code flag:imagenet*} found nothing); a 400 when it accepts none.
   */
  private Query flagsMatching(String pattern, java.util.function.Predicate<String> accepts) {
    List<String> names = java.util.stream.Stream.concat(org.synscope.flags.BuiltInFlags.NAMES.stream(),
        overlay.lists().keySet().stream()).filter(accepts).distinct().sorted().toList();
    if (names.isEmpty()) {
      throw SearchException.badRequest("no flag or list matches 'flag:" + pattern + "' (" + flagNames() + ")");
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    names.forEach(name -> any.add(value(Facet.FLAG, name), Occur.SHOULD));
    return new org.apache.lucene.search.ConstantScoreQuery(any.build());
  }

  /** What {@code flag:} and {@code flag=} can name, as the messages list it: "flags: ...; lists: ...". */
  private String flagNames() {
    return "flags: " + String.join(", ", org.synscope.flags.BuiltInFlags.NAMES) + (overlay.lists().isEmpty() ? ""
        : "; lists: " + String.join(", ", new TreeSet<>(overlay.lists().keySet())));
  }

  /** How a label can match a lemma: the values of {@code match:}. */
  private static final Set<String> MATCHES = java.util.Arrays.stream(org.synscope.wordnet.LemmaMatch.values())
      .map(org.synscope.wordnet.LemmaMatch::key).collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** The term values a facet accepts, for checking a request before it runs (null = any). */
  static Set<String> fixedValues(Facet facet) {
    return switch (facet) {
      case IMAGES -> Set.copyOf(Facet.IMAGE_BUCKETS);
      case STATUS -> java.util.Arrays.stream(org.synscope.wordnet.MappingStatus.values())
          .map(org.synscope.wordnet.MappingStatus::key).collect(java.util.stream.Collectors.toSet());
      case SENSE -> Set.of("confident", "low");
      case RISK -> Set.of("high", "medium", "low");
      case REVIEW -> java.util.stream.Stream.concat(java.util.Arrays.stream(org.synscope.audit.ReviewStatus.values())
          .map(org.synscope.audit.ReviewStatus::key), java.util.stream.Stream.of(Overlay.UNREVIEWED))
          .collect(java.util.stream.Collectors.toSet());
      default -> null;
    };
  }

  /** The order of a result list; by risk needs the audit record's overlay. */
  static Sort sort(SortOrder order, Overlay overlay) {
    SortField byLabel = new SortField(IndexFields.LABEL_SORT, SortField.Type.STRING);
    return switch (order) {
      case RISK -> new Sort(overlay.riskSource().getSortField(true), byLabel);
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byLabel);
      case IMAGES -> new Sort(LongField.newSortField(IndexFields.IMAGES, true, SortedNumericSelector.Type.MIN,
          Long.MIN_VALUE), byLabel);
      case LABEL -> new Sort(byLabel);
    };
  }

  /** Most images first, then by label. */
  static final Sort BY_IMAGES = sort(SortOrder.IMAGES, null);
}
