package org.synscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.synscope.search.Facet;
import org.synscope.search.LabelSearcher;
import org.synscope.search.MetaFilter;
import org.synscope.search.NodeCount;
import org.synscope.search.SearchRequest;
import org.synscope.search.SearchResult;
import org.synscope.search.Selection;
import org.synscope.search.SortOrder;
import org.synscope.web.HitCsv;
import org.synscope.web.Json;
import org.synscope.web.SearchPage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synscope search}: the same search as {@code /search.json}, in the terminal. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search labels, synonyms and glosses (Lucene syntax), filter and count through the hierarchy.")
final class SearchCommand extends CliCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Lucene query; omit to match everything.")
  String query;

  @Option(names = "--dataset", paramLabel = "D", description = "Only these datasets (repeatable).")
  List<String> datasets = new ArrayList<>();

  @Option(names = "--under", paramLabel = "SYNSET", description = "Only categories below this synset (id or name).")
  String under;

  @Option(names = "--flag", paramLabel = "F", description = "Categories with any of these flags (repeatable).")
  List<String> flags = new ArrayList<>();

  @Option(names = "--not-flag", paramLabel = "F", description = "Drop categories with this flag (repeatable).")
  List<String> notFlags = new ArrayList<>();

  @Option(names = "--lexfile", paramLabel = "L", description = "Lexicographer file, e.g. noun.person (repeatable).")
  List<String> lexfiles = new ArrayList<>();

  @Option(names = "--status", paramLabel = "S", description = "Mapping status (repeatable).")
  List<String> statuses = new ArrayList<>();

  @Option(names = "--sense", paramLabel = "C", description = "Sense choice: confident or low (repeatable).")
  List<String> senses = new ArrayList<>();

  @Option(names = "--signal", paramLabel = "S", description = "Sensitive-attribute signal (repeatable; synscope signals lists them).")
  List<String> signals = new ArrayList<>();

  @Option(names = "--risk", paramLabel = "LEVEL", description = "Risk level: high, medium or low (repeatable).")
  List<String> risks = new ArrayList<>();

  @Option(names = "--images", paramLabel = "RANGE", description = "Image-count range: unknown, 0, 1-99, 100-999, 1000-9999, 10000+.")
  List<String> images = new ArrayList<>();

  @Option(names = "--meta", paramLabel = "FILTER", description = "Metadata filter, column:value or column:[lo TO hi].")
  List<String> meta = new ArrayList<>();

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance, images, label or risk.")
  String sort;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Hits per page (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page (default 1).")
  int page;

  @ArgGroup(exclusive = true)
  OutputFormat output = new OutputFormat();

  static final class OutputFormat {
    @Option(names = "--json", description = "Print the same JSON as /search.json.")
    boolean json;

    @Option(names = "--csv", description = "Print every matching category as CSV (not only one page).")
    boolean csv;
  }

  @Override
  int run() throws Exception {
    PrintWriter out = out();
    SearchRequest request = request();
    try (LabelSearcher searcher = workspace().searcher(System.err)) {
      if (output.csv) {
        HitCsv csv = new HitCsv(out);
        csv.header();
        searcher.export(request, csv::row);
      } else if (output.json) {
        SearchResult result = searcher.search(request);
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(SearchPage.of(request, result, true)));
      } else {
        print(out, request, searcher.search(request));
      }
    }
    return 0;
  }

  SearchRequest request() {
    Map<Facet, Selection> selections = new EnumMap<>(Facet.class);
    selections.put(Facet.DATASET, new Selection(new LinkedHashSet<>(datasets), java.util.Set.of()));
    selections.put(Facet.FLAG, new Selection(new LinkedHashSet<>(flags), new LinkedHashSet<>(notFlags)));
    selections.put(Facet.LEXFILE, new Selection(new LinkedHashSet<>(lexfiles), java.util.Set.of()));
    selections.put(Facet.STATUS, new Selection(new LinkedHashSet<>(statuses), java.util.Set.of()));
    selections.put(Facet.SENSE, new Selection(new LinkedHashSet<>(senses), java.util.Set.of()));
    selections.put(Facet.SIGNAL, new Selection(new LinkedHashSet<>(signals), java.util.Set.of()));
    selections.put(Facet.RISK, new Selection(new LinkedHashSet<>(risks), java.util.Set.of()));
    selections.put(Facet.IMAGES, new Selection(new LinkedHashSet<>(images), java.util.Set.of()));
    if (limit < 1 || limit > SearchRequest.MAX_SIZE) {
      // SearchRequest would say "size", the web's name for it.
      throw new org.synscope.config.BadInput("--limit must be 1 to " + SearchRequest.MAX_SIZE + ", was " + limit);
    }
    return new SearchRequest(query, under, selections, meta.stream().map(MetaFilter::parse).toList(),
        SortOrder.parse(sort), page, limit);
  }

  private static void print(PrintWriter out, SearchRequest request, SearchResult r) {
    out.printf("%,d categories, %s images%s%n%n", r.total(),
        r.imagesKnown() == 0 ? "unknown" : String.format("%,d", r.images()),
        r.suggestion() == null ? "" : "  (did you mean: " + r.suggestion() + "?)");
    if (!r.hits().isEmpty()) {
      out.print(Reports.hits(r.hits()));
      long shownTo = (long) (request.page() - 1) * request.size() + r.hits().size();
      if (shownTo < r.total()) {
        out.printf("(hits %,d-%,d of %,d; --page %d for more, --csv for all)%n",
            shownTo - r.hits().size() + 1, shownTo, r.total(), request.page() + 1);
      }
      out.println("(* = the flag holds only on another sense of the label)");
    }
    var h = r.hierarchy();
    boolean imagesKnown = r.imagesKnown() > 0; // none known: the sums are "unknown", not 0
    out.printf("%nHierarchy at %s: %,d categories, %s (%,d at the node itself%s)%n", h.node().name(),
        h.total().categories(), imagesKnown ? String.format("%,d images", h.total().images()) : "images unknown", h.here(),
        h.unmapped() > 0 ? String.format(", %,d unmapped", h.unmapped()) : "");
    out.printf("  %s%n", String.join(" > ", h.breadcrumbs().stream().map(n -> n.name()).toList()));
    for (NodeCount c : h.children()) {
      out.printf("    %-40s %s%s%n", c.name(), Reports.countColumns(c.categories(), imagesKnown ? c.images() : null),
          c.flagged() > 0 ? String.format("  (%,d offensive)", c.flagged()) : "");
    }
    r.facets().forEach((facet, values) -> {
      if (facet != Facet.DATASET || values.size() > 1) {
        out.printf("%n%s:", facet.param());
        values.stream().limit(12).forEach(v -> out.printf("  %s %,d", v.value(), v.categories()));
        out.println(values.size() > 12 ? "  ..." : "");
      }
    });
  }
}
