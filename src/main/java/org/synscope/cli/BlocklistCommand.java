package org.synscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.synscope.audit.AuditStore;
import org.synscope.audit.ReviewStatus;
import org.synscope.config.BadInput;
import org.synscope.report.BlockList;
import org.synscope.search.LabelSearcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synscope blocklist}: the categories to remove from a training set, with reasons and image counts. */
@Command(name = "blocklist", mixinStandardHelpOptions = true,
    description = "List the wnids or labels to remove (reviewed with the given statuses, or flagged), with reasons.")
final class BlocklistCommand extends CliCommand {
  @Option(names = "--dataset", required = true, paramLabel = "D")
  String dataset;

  @Option(names = "--status", split = ",", paramLabel = "S",
      description = "Review statuses (default offensive,sensitive unless --flag is given).")
  List<String> statuses = new ArrayList<>();

  @Option(names = "--flag", split = ",", paramLabel = "F", description = "Flags or flag lists to include too.")
  List<String> flags = new ArrayList<>();

  @Option(names = "--with-descendants", description = "Add every category below each listed one.")
  boolean withDescendants;

  @Option(names = "--format", defaultValue = "txt", description = "txt or csv (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--images", description = "List images instead of categories: every image of the listed categories"
      + " and every image marked by an auditor, one number or path a line with its reason (the dataset's images must"
      + " be imported).")
  boolean images;

  @Override
  int run() {
    Set<String> s = new LinkedHashSet<>();
    statuses.forEach(x -> s.add(ReviewStatus.parse(x).key()));
    if (s.isEmpty() && flags.isEmpty()) {
      s.add(ReviewStatus.OFFENSIVE.key());
      s.add(ReviewStatus.SENSITIVE.key());
    }
    if (!format.equals("txt") && !format.equals("csv")) {
      throw new BadInput("unknown format '" + format + "' (use txt or csv)");
    }
    if (images && format.equals("csv")) { // it wrote the text list anyway
      throw new BadInput("--images writes the text list (number or path, a tab, the reason); --format csv is for categories");
    }
    Workspace ws = workspace();
    PrintWriter out = out();
    try (AuditStore audit = ws.audit(false); LabelSearcher searcher = ws.searcher(System.err, audit)) {
      BlockList list = new BlockList(searcher, audit);
      var entries = list.entries(dataset, s, new LinkedHashSet<>(flags), withDescendants);
      if (images) {
        list.writeImages(out, dataset, entries, describe(s));
      } else if (format.equals("csv")) {
        BlockList.writeCsv(out, entries);
      } else {
        List<String> parts = new ArrayList<>();
        if (!s.isEmpty()) {
          parts.add("reviewed " + String.join(" or ", s));
        }
        if (!flags.isEmpty()) {
          parts.add("flagged " + String.join(" or ", flags));
        }
        BlockList.writeText(out, dataset, entries, String.join(", or ", parts)
            + (withDescendants ? ", with every category below them" : ", without descendants"));
      }
      out.flush();
    }
    return 0;
  }

  private String describe(Set<String> statuses) {
    List<String> parts = new ArrayList<>();
    if (!statuses.isEmpty()) {
      parts.add("reviewed " + String.join(" or ", statuses));
    }
    if (!flags.isEmpty()) {
      parts.add("flagged " + String.join(" or ", flags));
    }
    return String.join(", or ", parts) + (withDescendants ? ", with every category below them" : "");
  }
}
