package org.synscope.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The system of record for reviews: a {@link RecordLog} (one CRC-checked JSON record a line, forced
 * to disk before {@link #append} returns, a torn last line cut off on open) with the indexes the
 * pages need: per category, in order, and a version that changes with every record.
 */
public final class ReviewJournal implements AutoCloseable {
  private final RecordLog<Review> log;
  private final List<Review> all = new ArrayList<>();
  private final Map<CategoryRef, List<Review>> byCategory = new HashMap<>();
  /** What each bulk action recorded, by its id. */
  private final Map<String, BulkAction> bulks = new HashMap<>();
  private final AtomicLong version = new AtomicLong();

  /** One bulk action as recorded: who, which decision with which reach and rationale, on how many categories. */
  public record BulkAction(String user, ReviewStatus status, Scope scope, String rationale, int categories) {
    /** True when this user sending this decision, reach and rationale would record the same action again. */
    public boolean sameAs(String user, ReviewStatus status, Scope scope, String rationale) {
      return this.user.equals(user) && this.status == status && this.scope == scope
          && (this.rationale == null ? "" : this.rationale).equals(rationale == null ? "" : rationale);
    }
  }

  private ReviewJournal(RecordLog<Review> log) {
    this.log = log;
    log.replayed().forEach(this::remember);
  }

  /**
   * Opens the journal. A writer (one process at a time: it holds a lock on the file) may append and
   * cuts a torn tail; a reader only replays the complete records, so it can run beside a writer.
   */
  public static ReviewJournal open(Path file, boolean write) {
    return new ReviewJournal(RecordLog.open(file, write, Review.class, "review", Review::seq));
  }

  /** What opening repaired (a cut torn tail), or null. */
  public String repaired() {
    return log.repaired();
  }

  /** The journal file. */
  public Path file() {
    return log.file();
  }

  /**
   * Records reviews, all or none: they are written and forced to disk before this returns. Each
   * gets the next sequence number and the category's previous own status.
   */
  public synchronized List<Review> append(List<ReviewDraft> drafts, String bulk) {
    if (drafts.isEmpty()) {
      return List.of();
    }
    String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    long seq = all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    List<Review> written = new ArrayList<>(drafts.size());
    Map<CategoryRef, ReviewStatus> pending = new HashMap<>();
    for (ReviewDraft d : drafts) {
      seq++;
      ReviewStatus previous = pending.containsKey(d.category()) ? pending.get(d.category()) : current(d.category());
      written.add(new Review(seq, "r" + seq, at, d.user(), d.category().dataset(), d.category().key(), d.label(),
          d.synset(), d.status(), previous, d.rationale(), d.scope(), bulk));
      pending.put(d.category(), d.status());
    }
    log.append(written);
    written.forEach(this::remember);
    return written;
  }

  /**
   * As {@link #append} and null, unless bulk action {@code bulk} is recorded already: then nothing is
   * written and the action recorded before is returned. The check and the write hold one lock, so a
   * confirmation sent twice at once records once.
   */
  public synchronized BulkAction appendBulkOnce(List<ReviewDraft> drafts, String bulk) {
    BulkAction before = bulks.get(bulk);
    if (before == null) {
      append(drafts, bulk);
    }
    return before;
  }

  /** What bulk action {@code bulk} recorded, or null when it is not recorded. */
  public synchronized BulkAction bulk(String bulk) {
    return bulks.get(bulk);
  }

  private void remember(Review r) {
    if (r.bulk() != null) {
      bulks.merge(r.bulk(), new BulkAction(r.user(), r.status(), r.scope(), r.rationale(), 1),
          (a, b) -> new BulkAction(a.user(), a.status(), a.scope(), a.rationale(), a.categories() + 1));
    }
    all.add(r);
    byCategory.computeIfAbsent(r.ref(), k -> new ArrayList<>()).add(r);
    version.incrementAndGet();
  }

  /** The category's own latest decision, or null. */
  public synchronized ReviewStatus current(CategoryRef category) {
    List<Review> h = byCategory.get(category);
    return h == null ? null : h.get(h.size() - 1).status();
  }

  /** The category's own history, oldest first. */
  public synchronized List<Review> history(CategoryRef category) {
    return List.copyOf(byCategory.getOrDefault(category, List.of()));
  }

  /** The latest decision of every reviewed category. */
  public synchronized Map<CategoryRef, Review> latest() {
    Map<CategoryRef, Review> out = new LinkedHashMap<>();
    byCategory.forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
    return out;
  }

  /** Recent changes, newest first, that pass the filter. */
  public synchronized List<Review> recent(Predicate<Review> filter, int offset, int limit) {
    List<Review> out = new ArrayList<>();
    int skipped = 0;
    for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
      Review r = all.get(i);
      if (filter.test(r) && skipped++ >= offset) {
        out.add(r);
      }
    }
    return out;
  }

  /** How many records pass the filter. */
  public synchronized int count(Predicate<Review> filter) {
    return (int) all.stream().filter(filter).count();
  }

  /** Every record, oldest first. */
  public synchronized List<Review> all() {
    return Collections.unmodifiableList(new ArrayList<>(all));
  }

  /** Bumped by every record, so readers know when to recompute what they derive. */
  public long version() {
    return version.get();
  }

  @Override
  public void close() {
    log.close();
  }

  static String format(Review r) {
    return RecordLog.format(r);
  }

  /** The review of a line, or null when the line is torn or its checksum does not match. */
  static Review parse(String line) {
    return RecordLog.parse(line, Review.class);
  }
}
