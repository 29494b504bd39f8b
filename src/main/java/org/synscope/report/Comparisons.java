package org.synscope.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synscope.audit.AuditStore;
import org.synscope.audit.FlagList;
import org.synscope.audit.ReviewStatus;
import org.synscope.search.Facet;
import org.synscope.search.Hit;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchRequest;
import org.synscope.search.Selection;

/** Builds {@link Comparison}s: which flagged synsets of one dataset another dataset holds too. */
public final class Comparisons {
  private final LabelSearcher searcher;
  private final AuditStore audit;

  public Comparisons(LabelSearcher searcher, AuditStore audit) {
    this.searcher = searcher;
    this.audit = audit;
  }

  /**
   * Compares {@code a} with {@code b}.
   *
   * @param flags flags and lists that select a synset in {@code a}; empty: every offensive built-in
   *     flag and every imported list
   * @param reviews review statuses that select; empty: offensive and sensitive
   */
  public Comparison compare(String a, String b, Set<String> flags, Set<String> reviews) {
    Set<String> useFlags = new LinkedHashSet<>(flags);
    if (useFlags.isEmpty()) {
      useFlags.addAll(org.synscope.flags.BuiltInFlags.OFFENSIVE);
      if (audit != null) {
        audit.lists().all().values().stream().map(FlagList::name).forEach(useFlags::add);
      }
    }
    Set<String> useReviews = new LinkedHashSet<>(reviews);
    if (useReviews.isEmpty()) {
      useReviews.add(ReviewStatus.OFFENSIVE.key());
      useReviews.add(ReviewStatus.SENSITIVE.key());
    }
    SearchRequest base = AuditCards.in(a);
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    Map<String, List<Hit>> inA = new LinkedHashMap<>();
    List<Hit> selected = new ArrayList<>();
    searcher.export(base.withSelection(Facet.FLAG, new Selection(useFlags, Set.of())), selected::add);
    searcher.export(base.withSelection(Facet.REVIEW, new Selection(useReviews, Set.of())), selected::add);
    for (Hit h : selected) {
      if (h.synset() == null) {
        continue;
      }
      List<String> why = reasons.computeIfAbsent(h.synset(), k -> new ArrayList<>());
      h.primaryFlags().stream().filter(useFlags::contains).filter(f -> !why.contains(f)).forEach(why::add);
      if (h.review() != null && useReviews.contains(h.review()) && !why.contains("reviewed " + h.review())) {
        why.add("reviewed " + h.review());
      }
      List<Hit> hits = inA.computeIfAbsent(h.synset(), k -> new ArrayList<>());
      if (hits.stream().noneMatch(x -> x.key().equals(h.key()))) {
        hits.add(h);
      }
    }
    Map<String, List<Hit>> inB = new LinkedHashMap<>();
    for (Hit h : searcher.bySynsets(b, reasons.keySet())) {
      inB.computeIfAbsent(h.synset(), k -> new ArrayList<>()).add(h);
    }
    List<Comparison.Row> rows = new ArrayList<>();
    Long imagesB = null; // each side stays null when it has no image counts (CIFAR against itself said null and 0)
    Long imagesA = null;
    for (var e : inB.entrySet()) {
      Long rowA = sum(inA.get(e.getKey()));
      Long rowB = sum(e.getValue());
      if (rowB != null) {
        imagesB = (imagesB == null ? 0L : imagesB) + rowB;
      }
      if (rowA != null) {
        imagesA = (imagesA == null ? 0L : imagesA) + rowA; // stays null when side a has no image counts
      }
      rows.add(new Comparison.Row(e.getKey(), e.getValue().get(0).name(), reasons.get(e.getKey()),
          categories(inA.get(e.getKey())), categories(e.getValue()), rowA, rowB));
    }
    rows.sort((x, y) -> Long.compare(y.imagesB() == null ? -1 : y.imagesB(), x.imagesB() == null ? -1 : x.imagesB()));
    return new Comparison(a, b, List.copyOf(useFlags), List.copyOf(useReviews), reasons.size(), rows.size(), imagesA,
        imagesB, rows);
  }

  private static Long sum(List<Hit> hits) {
    Long total = null;
    for (Hit h : hits) {
      if (h.images() != null) {
        total = (total == null ? 0 : total) + h.images();
      }
    }
    return total;
  }

  private static List<Comparison.Category> categories(List<Hit> hits) {
    return hits.stream().map(h -> new Comparison.Category(h.key(), h.label(), h.images(), h.sensitive()))
        .toList();
  }
}
