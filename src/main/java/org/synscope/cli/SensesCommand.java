package org.synscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.synscope.audit.AuditStore;
import org.synscope.report.SenseFile;
import org.synscope.search.Facet;
import org.synscope.search.Hit;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchRequest;
import org.synscope.search.Selection;
import org.synscope.search.SortOrder;
import org.synscope.wordnet.Suggestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synscope senses export|unmapped --dataset D}: sense corrections and suggestions as {@code --senses} files. */
@Command(name = "senses", mixinStandardHelpOptions = true,
    description = "Sense corrections and unmapped suggestions as --senses files.",
    subcommands = {SensesCommand.Export.class, SensesCommand.Unmapped.class})
final class SensesCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name a subcommand: export or unmapped");
  }

  /** The recorded corrections of a dataset. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Print the latest correction of each category as a --senses file (label<TAB>wnid).")
  static final class Export extends CliCommand {
    @Option(names = "--dataset", required = true, paramLabel = "D", description = "The dataset.")
    String dataset;

    @Override
    int run() {
      PrintWriter out = out();
      Workspace ws = workspace();
      try (AuditStore audit = ws.audit(false)) {
        var latest = audit.corrections().latest(dataset).values();
        var meta = ws.catalog().meta();
        if (latest.isEmpty() && meta.isPresent() && !meta.get().datasets().containsKey(dataset)) {
          throw new org.synscope.config.BadInput("no dataset '" + dataset + "' and no correction recorded for it; indexed: "
              + String.join(", ", meta.get().sorted().keySet()));
        }
        SenseFile.corrections(out, dataset, latest);
      }
      out.flush();
      return 0;
    }
  }

  /** The unmapped categories of a dataset with their suggestions. */
  @Command(name = "unmapped", mixinStandardHelpOptions = true,
      description = "Print each unmapped category's suggestions as commented --senses lines.")
  static final class Unmapped extends CliCommand {
    @Option(names = "--dataset", required = true, paramLabel = "D", description = "The dataset.")
    String dataset;

    @Override
    int run() {
      PrintWriter out = out();
      try (LabelSearcher searcher = workspace().searcher(System.err)) {
        searcher.requireDataset(dataset);
        var selections = new java.util.EnumMap<Facet, Selection>(Facet.class);
        selections.put(Facet.DATASET, new Selection(Set.of(dataset), Set.of()));
        selections.put(Facet.STATUS, new Selection(Set.of("unmapped"), Set.of()));
        List<Hit> hits = new ArrayList<>();
        searcher.export(new SearchRequest("", null, selections, List.of(), SortOrder.LABEL, 1, SearchRequest.DEFAULT_SIZE),
            hits::add);
        List<List<Suggestion>> suggestions = new ArrayList<>();
        for (Hit h : hits) {
          suggestions.add(searcher.category(dataset, h.key()).details().suggestions());
        }
        SenseFile.suggestions(out, dataset, hits, suggestions);
      }
      out.flush();
      return 0;
    }
  }
}
