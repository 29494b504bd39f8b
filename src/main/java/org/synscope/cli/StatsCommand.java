package org.synscope.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.synscope.index.DatasetMeta;
import org.synscope.index.IndexMeta;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;
import org.synscope.web.DatasetStats;
import org.synscope.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synscope stats}: what is indexed. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Categories, images, mapping statuses, flags, WordNet version, source and build time per dataset.")
final class StatsCommand extends CliCommand {
  @Option(names = "--dataset", paramLabel = "D", description = "Only this dataset (with its details).")
  String dataset;

  @Option(names = "--json", description = "Print the same JSON as /datasets.json.")
  boolean json;

  @Override
  int run() throws Exception {
    PrintWriter out = out();
    IndexMeta meta;
    try (LabelSearcher searcher = workspace().searcher(System.err)) {
      meta = searcher.meta();
    }
    Map<String, DatasetMeta> datasets = meta.sorted();
    if (dataset != null) {
      DatasetMeta one = datasets.get(dataset);
      if (one == null) {
        throw SearchException.notFound("no dataset '" + dataset + "'; indexed: " + String.join(", ", datasets.keySet()));
      }
      datasets = Map.of(dataset, one);
    }
    if (json) {
      var list = datasets.values().stream().map(DatasetStats::of).toList();
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
    } else {
      out.printf("index %s (WordNet %s, schema %d)%n%n", options.settings().index(), meta.wordnet(), meta.schema());
      out.print(Reports.statsTable(datasets));
      if (dataset != null) {
        out.print(Reports.datasetDetails(datasets.get(dataset)));
      }
    }
    return 0;
  }
}
