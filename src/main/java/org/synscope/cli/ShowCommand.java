package org.synscope.cli;

import java.io.PrintWriter;
import org.synscope.audit.AuditStore;
import org.synscope.audit.CategoryRef;
import org.synscope.audit.SenseCorrection;
import java.util.ArrayList;
import java.util.List;
import org.synscope.flags.Flag;
import org.synscope.index.CategoryDetails;
import org.synscope.index.PathNode;
import org.synscope.index.SenseInfo;
import org.synscope.search.CategoryView;
import org.synscope.search.Hit;
import org.synscope.search.LabelSearcher;
import org.synscope.search.NodeCount;
import org.synscope.search.SearchException;
import org.synscope.web.CategoryPage;
import org.synscope.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code synscope show}: one category in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show one category: senses, every hypernym path, flags with evidence, children, other datasets.")
final class ShowCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "SYNSET_OR_LABEL", description = "A label, a wnid (n02084071) or a name (dog.n.01).")
  String category;

  @Option(names = "--dataset", paramLabel = "D", description = "The dataset (default: the first that holds it, wordnet first).")
  String dataset;

  @Option(names = "--json", description = "Print the same JSON as /c/DATASET/CATEGORY.json.")
  boolean json;

  @Override
  int run() throws Exception {
    PrintWriter out = out();
    try (AuditStore audit = workspace().audit(false); LabelSearcher searcher = workspace().searcher(System.err, audit)) {
      CategoryView view = find(searcher);
      var corrections = audit.corrections().history(new CategoryRef(view.hit().dataset(), view.hit().key()));
      if (json) {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
            CategoryPage.of(view, corrections, false, true)));
      } else {
        print(out, view);
        for (SenseCorrection c : corrections) {
          out.printf("  corrected %s %s by %s: %s -> %s (%s)%n", c.id(), c.at(), c.user(),
              c.beforeName() == null ? "unmapped" : c.beforeName(), c.afterName(), c.rationale());
        }
      }
    }
    return 0;
  }

  private CategoryView find(LabelSearcher searcher) {
    if (dataset != null) {
      return searcher.categoryToDecide(dataset, category);
    }
    List<String> order = new ArrayList<>(searcher.meta().sorted().keySet());
    if (order.remove("wordnet")) {
      order.add(0, "wordnet");
    }
    for (String d : order) {
      try {
        return searcher.categoryToDecide(d, category);
      } catch (SearchException e) {
        if (e.status() != 404) {
          throw e;
        }
      }
    }
    throw SearchException.notFound("no category '" + category + "' in any dataset (" + String.join(", ", order) + ")");
  }

  private static void print(PrintWriter out, CategoryView view) {
    Hit h = view.hit();
    CategoryDetails d = view.details();
    out.printf("%s   (dataset %s, line %d)   %s images%n", Terminal.safe(h.label()), h.dataset(), d.line(),
        h.images() == null ? "unknown" : String.format("%,d", h.images()));
    out.printf("  status   %s%s%s%s%n", h.status(), h.match() == null ? "" : " (" + h.match() + " match)",
        h.sense() == null ? "" : ", " + h.sense() + (d.confidence() == null ? "" : String.format(" (margin %.3f)",
            d.confidence())), d.reason() == null || d.reason().isEmpty() ? "" : " - " + d.reason());
    if (!d.scores().isEmpty()) {
      out.println("  scored   " + d.scores().stream().map(s -> String.format("%s %.3f", s.name(), s.score()))
          .collect(java.util.stream.Collectors.joining(", ")));
    }
    for (var s : d.suggestions()) {
      out.printf("  suggest  %s %s (%s); to apply: %s<TAB>%s in a --senses file%n", s.id(), s.name(), s.why(),
          h.label(), s.id());
    }
    if (h.synset() != null) {
      SenseInfo p = d.senses().get(0);
      out.printf("  synset   %s %s [%s]%n", p.id(), p.name(), p.lexFile());
      out.printf("  lemmas   %s%n", String.join(", ", p.lemmas()));
      out.printf("  gloss    %s%n", p.definition());
      p.examples().forEach(e -> out.printf("           \"%s\"%n", e));
    }
    if (!d.flags().isEmpty()) {
      out.println("  flags");
      for (Flag f : d.flags()) {
        out.printf("    %-16s %-8s %s%n", f.name(), f.primary() ? "primary" : "other", f.evidence());
      }
    }
    out.printf("  paths (%d)%n", d.paths().size());
    for (List<PathNode> path : d.paths()) {
      out.printf("    %s%n", String.join(" > ", path.stream().map(PathNode::name).toList()));
    }
    if (d.senses().size() > 1) {
      out.println("  other senses");
      for (int i = 1; i < d.senses().size(); i++) {
        SenseInfo s = d.senses().get(i);
        out.printf("    %d. %s %s [%s] %s%n", i + 1, s.id(), s.name(), s.lexFile(), s.definition());
      }
    }
    if (!d.metadata().isEmpty()) {
      out.println("  metadata");
      d.metadata().forEach((k, v) -> out.printf("    %-16s %s%n", k, v));
    }
    if (!view.children().isEmpty()) {
      out.printf("  children in %s (%d)%n", h.dataset(), view.children().size());
      for (NodeCount c : view.children()) {
        // A list without image counts has none for its children either ("0 images" said otherwise).
        out.printf("    %-40s %s%n", c.name(), Reports.countColumns(c.categories(), h.images() == null ? null : c.images()));
      }
    }
    if (!view.sameSynset().isEmpty()) {
      out.println("  same synset");
      for (Hit o : view.sameSynset()) {
        out.printf("    %-14s %-30s %s%s%n", o.dataset(), o.label(), o.images() == null ? "-" : String.format("%,d images", o.images()),
            h.synset().equals(o.synset()) ? "" : "  (as another sense)");
      }
    }
  }
}
