package org.synscope.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import org.synscope.audit.AuditStore;
import org.synscope.audit.CategoryRef;
import org.synscope.audit.Review;
import org.synscope.search.Facet;
import org.synscope.search.FacetValue;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchException;
import org.synscope.search.SearchRequest;
import picocli.CommandLine.Command;

/**
 * {@code synscope reindex-reviews}: rebuilds what search derives from the review journal (the review
 * facet, filters and inherited statuses) from the journal alone, checking every record and cutting a
 * torn tail, and reports reviews whose category no dataset build holds any more.
 */
@Command(name = "reindex-reviews", mixinStandardHelpOptions = true,
    description = "Rebuild the review status of every category from the review journal and check the journal.")
final class ReindexReviewsCommand extends CliCommand {

  @Override
  int run() {
    PrintWriter out = out();
    Workspace ws = workspace();
    try (AuditStore audit = ws.audit(true); LabelSearcher searcher = ws.searcher(System.err, audit)) {
      var journal = audit.journal();
      out.printf("journal %s: %,d records, all checksums valid%n", journal.file(), journal.all().size());
      if (journal.repaired() != null) {
        out.println("repaired: " + journal.repaired());
      }
      Map<CategoryRef, Review> latest = journal.latest();
      int orphans = 0;
      for (Review r : latest.values()) {
        try {
          searcher.category(r.dataset(), r.category());
        } catch (SearchException e) {
          if (orphans++ < Main.PROBLEMS_SHOWN) {
            out.printf("orphan: %s (%s) reviewed %s: %s%n", r.category(), r.dataset(), r.status().key(), e.getMessage());
          }
        }
      }
      out.printf("%,d categories carry their own review; %,d of them are not in the index now (kept: they return"
          + " if the dataset is re-imported with them)%n", latest.size(), orphans);
      Map<String, Long> status = new TreeMap<>();
      for (FacetValue v : searcher.search(SearchRequest.all()).facets().get(Facet.REVIEW)) {
        status.put(v.value(), v.categories());
      }
      out.println("effective review status of every indexed category (own or inherited): " + status);
    }
    return 0;
  }
}
