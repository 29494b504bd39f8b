package org.synscope.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.audit.AuditStore;
import org.synscope.audit.CategoryRef;
import org.synscope.audit.Review;
import org.synscope.audit.ReviewStatus;
import org.synscope.dataset.CsvFields;
import org.synscope.search.Facet;
import org.synscope.search.Hit;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchRequest;
import org.synscope.search.Selection;

/**
 * What a curator removes from a training set: the categories of a dataset reviewed with the given
 * statuses (a review for descendants reaches them too), or carrying the given flags, optionally with
 * every category below them except those reviewed safe; each with its reason and image count.
 */
public final class BlockList {
  /** One entry: the key to filter on (the wnid for wnid lists, the label otherwise), why, and how many images. */
  public record Entry(String key, String label, String synset, Long images, String reason) {}

  private final LabelSearcher searcher;
  private final AuditStore audit;

  public BlockList(LabelSearcher searcher, AuditStore audit) {
    this.searcher = searcher;
    this.audit = audit;
  }

  /** The entries, most images first. */
  public List<Entry> entries(String dataset, Set<String> statuses, Set<String> flags, boolean withDescendants) {
    Map<String, Entry> out = new LinkedHashMap<>();
    SearchRequest base = AuditCards.in(dataset);
    List<Hit> roots = new ArrayList<>();
    List<Entry> rootEntries = new ArrayList<>();
    if (!statuses.isEmpty()) {
      searcher.export(base.withSelection(Facet.REVIEW, new Selection(statuses, Set.of())), h -> {
        roots.add(h);
        rootEntries.add(entry(h, reviewReason(h)));
      });
    }
    List<Entry> otherSense = new ArrayList<>();
    if (!flags.isEmpty()) {
      searcher.export(base.withSelection(Facet.FLAG, new Selection(flags, Set.of())), h -> {
        List<String> primary = h.primaryFlags().stream().filter(flags::contains).toList();
        if (primary.isEmpty()) {
          // Flagged only on another sense of its word: listed, but what lies below its primary synset is not
          // that sense (relation's person sense put every relation below it on the list).
          otherSense.add(entry(h, "flagged " + String.join(", ", h.flags().stream().filter(flags::contains).toList())
              + " on another sense"));
        } else {
          roots.add(h);
          rootEntries.add(entry(h, "flagged " + String.join(", ", primary)));
        }
      });
    }
    java.util.stream.Stream.concat(rootEntries.stream(), otherSense.stream()).forEach(e -> out.merge(e.key(), e,
        (x, y) -> new Entry(x.key(), x.label(), x.synset(), x.images(), x.reason() + "; " + y.reason())));
    if (withDescendants) {
      Set<String> rootSynsets = new java.util.HashSet<>();
      roots.forEach(h -> {
        if (h.synset() != null) {
          rootSynsets.add(h.synset());
        }
      });
      Set<String> expanded = new java.util.HashSet<>();
      for (int i = 0; i < roots.size(); i++) {
        Hit root = roots.get(i);
        Entry because = rootEntries.get(i);
        // A root below another root adds nothing the higher one does not: expand each subtree once.
        boolean covered = root.path().stream().limit(Math.max(0, root.path().size() - 1))
            .anyMatch(n -> rootSynsets.contains(n.id()));
        if (root.synset() == null || covered || !expanded.add(root.synset())) {
          continue;
        }
        // An explicit "safe" decision below a blocked category stands: expansion does not override it.
        searcher.export(base.withUnder(root.synset()), h -> {
          if (!ReviewStatus.SAFE.key().equals(h.review())) {
            // The subtree holds the root's own synset too: a category that shares it is not below it.
            String where = root.synset().equals(h.synset()) ? "same synset as " : "below ";
            out.putIfAbsent(h.key(), entry(h, where + root.label() + " (" + root.synset() + "): " + because.reason()));
          }
        });
      }
    }
    List<Entry> sorted = new ArrayList<>(out.values());
    sorted.sort((x, y) -> Long.compare(y.images() == null ? -1 : y.images(), x.images() == null ? -1 : x.images()));
    return sorted;
  }

  private static Entry entry(Hit h, String reason) {
    return new Entry(h.key(), h.label(), h.synset(), h.images(), reason);
  }

  private String reviewReason(Hit h) {
    if (h.reviewFrom() != null) {
      return "reviewed " + h.review() + " through " + h.reviewFrom() + " (a review for all its descendants)";
    }
    Review r = latest(new CategoryRef(h.dataset(), h.key()));
    return r == null ? "reviewed " + h.review()
        : "reviewed " + r.status().key() + " by " + r.user() + " (" + r.id() + ")" + (r.rationale().isEmpty() ? "" : ": " + r.rationale());
  }

  private Review latest(CategoryRef ref) {
    if (audit == null) {
      return null;
    }
    List<Review> h = audit.journal().history(ref);
    return h.isEmpty() ? null : h.get(h.size() - 1);
  }

  /** One key a line, then a tab and a comment with the images and the reason. */
  public static void writeText(Writer out, String dataset, List<Entry> entries, String selection) {
    try {
      out.write("# synscope block list for dataset " + dataset + ", " + selection + "\n");
      out.write("# generated " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; " + entries.size()
          + " categories, " + entries.stream().mapToLong(e -> e.images() == null ? 0 : e.images()).sum() + " images\n");
      out.write("# class (the wnid, or the label as the list writes it)<TAB># images: reason\n");
      for (Entry e : entries) {
        // The class as the dataset names it, so the list filters the dataset's own files: cub_scout, not the
        // key 'cub scout' synscope matches labels by.
        String name = org.synscope.dataset.CategoryKeys.isWnid(e.key()) || e.label() == null ? e.key() : oneLine(e.label());
        out.write(name + "\t# " + (e.images() == null ? "?" : e.images()) + " images: " + oneLine(e.reason()) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CSV: key, label, synset, images, reason. */
  public static void writeCsv(Writer out, List<Entry> entries) {
    try {
      out.write("key,label,synset,images,reason\r\n");
      for (Entry e : entries) {
        out.write(String.join(",", CsvFields.quote(e.key()), CsvFields.quote(e.label()),
            CsvFields.quote(e.synset() == null ? "" : e.synset()), e.images() == null ? "" : e.images().toString(),
            CsvFields.quote(e.reason())) + "\r\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A path on one line that still names its file: a backslash, a tab, a line break written {@code \\},
   * {@code \t}, {@code \n}, {@code \r} (replacing them with spaces named a file that does not exist).
   */
  static String escaped(String path) {
    if (path.indexOf('\\') < 0 && path.indexOf('\t') < 0 && path.indexOf('\n') < 0 && path.indexOf('\r') < 0) {
      return path;
    }
    return path.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ");
  }

  /**
   * The images to remove, one a line in number order: every image of the listed categories and every
   * image an auditor marked (offensive, wrong label, duplicate, personal data), as its number or, when
   * it has one, its path, then a tab and the reason. Streamed as the images are read.
   */
  public long writeImages(Writer out, String dataset, List<Entry> entries, String selection) {
    Map<String, String> reasons = new java.util.HashMap<>();
    entries.forEach(e -> reasons.put(e.key(), "category " + e.key() + ": " + oneLine(e.reason())));
    java.util.TreeMap<Long, org.synscope.audit.ImageDecision> marked = new java.util.TreeMap<>(
        audit == null ? Map.of() : audit.images().marked(dataset));
    Set<String> markedCategories = new java.util.LinkedHashSet<>();
    marked.values().forEach(d -> markedCategories.add(d.category()));
    Set<String> keys = new java.util.LinkedHashSet<>(reasons.keySet());
    keys.addAll(markedCategories);
    long[] lines = {0};
    try {
      out.write("# synscope image block list for dataset " + dataset + ": images of categories " + selection
          + ", and images marked by auditors\n");
      out.write("# generated " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "; image number or path<TAB>reason\n");
      Set<Long> applied = new java.util.HashSet<>();
      searcher.imagesOf(dataset, keys, (n, path, category) -> {
        String reason = reasons.get(category);
        var mark = marked.get(n);
        if (mark != null && mark.about(category, path)) {
          applied.add(n);
          String why = "marked " + mark.status() + " by " + mark.user() + (mark.rationale().isEmpty() ? ""
              : ": " + oneLine(mark.rationale()));
          reason = reason == null ? why : reason + "; " + why;
        }
        if (reason != null) {
          try {
            out.write((path != null ? escaped(path) : Long.toString(n)) + "\t" + reason + "\n");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          lines[0]++;
        }
      });
      // A decision whose image took another number at a re-import is named, never applied to whatever image
      // has its number now.
      for (var mark : marked.values()) {
        if (!applied.contains(mark.image())) {
          out.write("# not applied: " + mark.id() + " marked image " + mark.image() + " (" + (mark.source() != null
              ? oneLine(mark.source()) : "category " + mark.category()) + ") " + mark.status() + ", but that number is now"
              + " another image; review it again\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines[0];
  }
}
