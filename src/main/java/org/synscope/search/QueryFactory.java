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
import org.synscope.dataset.CategoryKeys;
import org.synscope.index.Analyzers;
import org.synscope.index.IndexFields;
import org.synscope.wordnet.NounSynset;

/**
 * Builds Lucene queries from a {@link SearchRequest}: its text, checked against {@link QueryLimits} and
 * parsed by {@link FieldQueryParser}, and its filters (facet selections, the hierarchy node, images,
 * metadata). It holds what the index's fixed-value fields accept ({@code flag:}, {@code status:}, ...,
 * and the synsets {@code synset:} names), so the query and the URL parameters refuse the same typos.
 */
final class QueryFactory {
  /** Searched when a query names no field: the label counts most, then synonyms, then glosses. */
  static final Map<String, Float> DEFAULT_FIELDS = Map.of(
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
  /** Whether some term of a field the index holds passes a test. */
  private final java.util.function.BiPredicate<String, java.util.function.Predicate<String>> anyTerm;
  /** Parsed once per request: the main query and each drill-sideways query share the text query. */
  private final Map<String, Query> parsed = new java.util.HashMap<>();

  /**
   * @param metadataColumns every dataset's metadata column to {@code text} or {@code number}
   * @param overlay the audit record's lists and reviews on this snapshot
   * @param datasets the datasets a {@code dataset:} query field may name
   * @param holds whether the index holds a term (a lexicographer file a hand-made lexicon adds)
   * @param synsets the id of a noun synset named by its id or name, in any case ({@code synset:dog.n.01}), or empty
   * @param anyTerm whether some term of a field passes a test (a pattern on ids or lexicographer files)
   */
  QueryFactory(Map<String, String> metadataColumns, Overlay overlay, Set<String> datasets,
      java.util.function.BiPredicate<String, String> holds,
      java.util.function.Function<String, java.util.Optional<String>> synsets,
      java.util.function.BiPredicate<String, java.util.function.Predicate<String>> anyTerm) {
    this.metadataColumns = metadataColumns;
    this.overlay = overlay;
    this.datasets = datasets;
    this.holds = holds;
    this.synsets = synsets;
    this.anyTerm = anyTerm;
  }

  /** The kind of a metadata column that holds numbers in one dataset and text in another. */
  static final String MIXED = "mixed";

  static SearchException mixed(String column) {
    return SearchException.badRequest("metadata column '" + column + "' holds numbers in one dataset and text in"
        + " another, so it cannot be searched; import one of them again with the column renamed");
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
    QueryLimits.checkLimits(query);
    MultiFieldQueryParser parser = new FieldQueryParser(metadataColumns, this::keyword, this::pattern);
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
      throw SearchException.badRequest(QueryLimits.TOO_COMPLEX);
    } catch (IndexSearcher.TooManyClauses e) {
      throw SearchException.badRequest(QueryLimits.tooManyClauses());
    } catch (IllegalArgumentException e) {
      throw SearchException.badRequest("cannot run the query '" + query + "': " + e.getMessage());
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
    return synsets.apply(value).orElseThrow(() -> SearchException.badRequest("no noun synset '" + value + "' for " + field
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


  /**
   * A pattern (wildcard, prefix, fuzzy, regex or range) on a field with fixed values: over the flags' and
   * the lists' names for {@code flag:} (as {@code flag:NAME} reaches both); elsewhere a 400 when it accepts
   * none of the field's values ({@code match:zzz*} matched nothing, where {@code match:zzz} is refused),
   * else the values it accepts. On {@code synset:}, {@code sense:}, {@code ancestor:} and {@code lexfile:}
   * (values the index holds) a 400 when it accepts no term, else null: Lucene's own pattern query.
   */
  private Query pattern(String field, String pattern,
      java.util.function.Supplier<java.util.function.Predicate<String>> test) {
    Set<String> values = fieldValues(field);
    if (!field.equals(IndexFields.FLAG) && !SYNSET_FIELDS.contains(field) && !field.equals(IndexFields.LEXFILE)
        && values == null) {
      return null; // a searched text field: Lucene's own pattern query, and no test built for nothing
    }
    java.util.function.Predicate<String> accepts = test.get();
    if (field.equals(IndexFields.FLAG)) {
      return flagsMatching(pattern, accepts);
    }
    if (SYNSET_FIELDS.contains(field) && !anyTerm.test(field, accepts)) {
      throw SearchException.badRequest("no synset id matches '" + pattern + "' in " + field + ": (it holds noun ids"
          + " such as n02084071, in lower case: a pattern runs over ids, not names)");
    }
    if (field.equals(IndexFields.LEXFILE) && !anyTerm.test(field, accepts)) {
      throw SearchException.badRequest("no lexfile matches '" + pattern + "' (WordNet's noun files: "
          + String.join(", ", NounSynset.NOUN_LEX_FILES) + ")");
    }
    if (values == null) {
      return null;
    }
    List<String> matching = values.stream().filter(accepts).sorted().toList();
    if (matching.isEmpty()) {
      throw SearchException.badRequest("no value of " + field + ": matches '" + pattern + "' (use one of "
          + String.join(", ", new TreeSet<>(values)) + ")");
    }
    // The values it accepts, each as field:VALUE finds it (Lucene would build the pattern's automaton again).
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : matching) {
      Query q = keyword(field, v);
      any.add(q != null ? q : new TermQuery(new Term(field, v)), Occur.SHOULD);
    }
    return new org.apache.lucene.search.ConstantScoreQuery(any.build());
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
