package org.synscope.audit;

import java.nio.file.Path;

/**
 * The audit record of an index directory, under {@code audit/}: the review journal, the sense
 * corrections, the image decisions, the accounts file and the imported flag lists. The search side reads it; nothing here knows Lucene.
 */
public final class AuditStore implements AutoCloseable {
  private final Path dir;
  private final ReviewJournal journal;
  private final SenseCorrections corrections;
  private final ImageDecisions images;
  private final Users users;
  private final FlagLists lists;

  private AuditStore(Path dir, boolean write, int hashIterations) {
    this.dir = dir;
    this.journal = ReviewJournal.open(dir.resolve("reviews.journal"), write);
    this.corrections = SenseCorrections.open(dir.resolve("senses.journal"), write);
    this.images = ImageDecisions.open(dir.resolve("images.journal"), write);
    this.users = Users.open(dir.resolve("users.json"), hashIterations);
    this.lists = new FlagLists(dir.resolve("lists"));
  }

  /** Opens the audit record beside an index ({@code INDEX/audit}) for reading, or for recording reviews too. */
  public static AuditStore open(Path indexDir, boolean write) {
    return open(indexDir, write, Users.ITERATIONS);
  }

  /** The same, creating accounts with this PBKDF2 cost (the default is {@link Users#ITERATIONS}). */
  public static AuditStore open(Path indexDir, boolean write, int hashIterations) {
    return new AuditStore(indexDir.resolve("audit"), write, hashIterations);
  }

  public Path dir() {
    return dir;
  }

  public ReviewJournal journal() {
    return journal;
  }

  public SenseCorrections corrections() {
    return corrections;
  }

  /** Decisions about single images. */
  public ImageDecisions images() {
    return images;
  }

  public Users users() {
    return users;
  }

  public FlagLists lists() {
    return lists;
  }

  /** Changes whenever a review is recorded or a list changes: what search derives must be recomputed. */
  public long version() {
    return journal.version() * 1_000_003L + lists.version();
  }

  @Override
  public void close() {
    journal.close();
    corrections.close();
    images.close();
  }
}
