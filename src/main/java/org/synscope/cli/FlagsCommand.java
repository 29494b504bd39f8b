package org.synscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.synscope.audit.AuditStore;
import org.synscope.audit.FlagList;
import org.synscope.audit.FlagListImport;
import org.synscope.audit.FlagListReader;
import org.synscope.audit.Scope;
import org.synscope.config.BadInput;
import org.synscope.dataset.LineProblem;
import org.synscope.search.LabelSearcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synscope flags}: import, list and remove flag lists. */
@Command(name = "flags", mixinStandardHelpOptions = true, description = "Imported flag lists: import, list, remove.",
    subcommands = {FlagsCommand.Import.class, FlagsCommand.ListLists.class, FlagsCommand.Remove.class})
final class FlagsCommand {

  /** {@code flags import FILE --name NAME}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import a wnid list, a label list or a word list as a flag (re-importing replaces it).")
  static final class Import extends CliCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "One wnid, label or word a line; # comments.")
    Path file;

    @Option(names = "--name", required = true, description = "The flag name, e.g. imagenet-unsafe.")
    String name;

    @Option(names = "--dataset", paramLabel = "D", description = "Apply to this dataset only (default: every dataset).")
    String dataset;

    @Option(names = "--kind", defaultValue = "offensive", description = "offensive, sensitive, unsafe, ... (default ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--type", description = "wnids, labels or lexicon (default: wnids when most lines are written as WordNet ids, else labels).")
    String type;

    @Option(names = "--lexicon", description = "Same as --type lexicon: flag every category whose label or lemma contains a listed word.")
    boolean lexicon;

    @Option(names = "--descendants", description = "A listed wnid flags its synset and every synset below it.")
    boolean descendants;

    @Option(names = "--skip-bad-lines", description = "Import the good lines and list the bad ones.")
    boolean skipBadLines;

    @Override
    int run() {
      Workspace ws = workspace();
      PrintWriter out = out();
      PrintWriter err = err();
      if (lexicon && type != null && !type.equals("lexicon")) {
        throw new BadInput("--lexicon means --type lexicon; it cannot go with --type " + type);
      }
      String listType = lexicon ? "lexicon" : type;
      FlagListReader.Result read = FlagListReader.read(file, listType);
      try (AuditStore audit = ws.audit(false); LabelSearcher searcher = ws.searcher(System.err, audit)) {
        if (dataset != null && !searcher.meta().datasets().containsKey(dataset)) {
          throw new BadInput("no dataset '" + dataset + "'; indexed: "
              + String.join(", ", searcher.meta().sorted().keySet()));
        }
        org.synscope.audit.FlagLists.checkName(name, searcher.signals().keySet());
        FlagListImport.Result r = FlagListImport.save(read, file.toString(),
            new FlagListImport.Request(name, kind, listType, descendants ? Scope.DESCENDANTS : Scope.CATEGORY, dataset,
                skipBadLines), searcher.lexicon(), label -> searcher.hasLabel(dataset, label), audit.lists());
        for (LineProblem p : r.skipped()) {
          err.println("skipped " + p);
        }
        r.warnings().stream().limit(Main.PROBLEMS_SHOWN).forEach(w -> err.println("warning: " + w));
        if (r.warnings().size() > Main.PROBLEMS_SHOWN) {
          err.printf("... and %,d more warnings%n", r.warnings().size() - Main.PROBLEMS_SHOWN);
        }
        FlagList l = r.list();
        out.printf("Imported flag list '%s' (%s, %s) from %s: %,d %s applied%s, %,d unknown; reach: %s%s%n",
            l.name(), l.kind(), l.type(), l.source(), l.entries().size(), l.entries().size() == 1 ? "entry" : "entries",
            r.unmatched() == 0 ? "" : String.format(" (%,d match no category yet)", r.unmatched()), l.unknown().size(), l.reach(),
            l.dataset() == null ? ", every dataset" : ", dataset " + l.dataset());
      }
      return 0;
    }
  }

  /** {@code flags list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "The imported flag lists.")
  static final class ListLists extends CliCommand {

    @Override
    int run() {
      PrintWriter out = out();
      try (AuditStore audit = workspace().audit(false)) {
        out.printf("%-24s %-10s %-8s %8s %8s  %-18s %s%n", "NAME", "KIND", "TYPE", "ENTRIES", "UNKNOWN", "DATASET", "REACH");
        for (FlagList l : audit.lists().all().values()) {
          out.printf("%-24s %-10s %-8s %,8d %,8d  %-18s %s%n", l.name(), l.kind(), l.type(), l.entries().size(),
              l.unknown().size(), l.dataset() == null ? "(all)" : l.dataset(), l.reach());
        }
      }
      return 0;
    }
  }

  /** {@code flags remove NAME}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an imported flag list.")
  static final class Remove extends CliCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    int run() {
      try (AuditStore audit = workspace().audit(false)) {
        audit.lists().remove(name);
      }
      out().println("Removed flag list '" + name + "'.");
      return 0;
    }
  }
}
