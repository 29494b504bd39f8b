package org.synscope.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system of record for sense corrections, with the same guarantees as reviews: a {@link RecordLog}
 * (durable before {@link #record} returns, append-only, a torn tail cut on open). The latest
 * correction of a category is its pinned primary sense, in every import and in the live index.
 */
public final class SenseCorrections implements AutoCloseable {
  private final RecordLog<SenseCorrection> log;
  private final List<SenseCorrection> all = new ArrayList<>();

  private SenseCorrections(RecordLog<SenseCorrection> log) {
    this.log = log;
    all.addAll(log.replayed());
  }

  /** Opens the journal, for reading or (one process at a time) for recording too. */
  public static SenseCorrections open(Path file, boolean write) {
    return new SenseCorrections(RecordLog.open(file, write, SenseCorrection.class, "sense correction",
        SenseCorrection::seq));
  }

  /** What opening repaired (a cut torn tail), or null. */
  public String repaired() {
    return log.repaired();
  }

  /** Records a correction; it is on disk when this returns. */
  public synchronized SenseCorrection record(String user, String dataset, String category, String label, String before,
      String beforeName, String after, String afterName, String rationale) {
    long seq = all.isEmpty() ? 1 : all.get(all.size() - 1).seq() + 1;
    SenseCorrection c = new SenseCorrection(seq, "s" + seq, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), user,
        dataset, category, label, before, beforeName, after, afterName, rationale);
    log.append(List.of(c));
    all.add(c);
    return c;
  }

  /** Every correction, oldest first. */
  public synchronized List<SenseCorrection> all() {
    return List.copyOf(all);
  }

  /** The latest correction of each corrected category of a dataset, by category key, in journal order. */
  public synchronized Map<String, SenseCorrection> latest(String dataset) {
    Map<String, SenseCorrection> out = new LinkedHashMap<>();
    for (SenseCorrection c : all) {
      if (c.dataset().equals(dataset)) {
        out.remove(c.category());
        out.put(c.category(), c);
      }
    }
    return out;
  }

  /** A category's corrections, oldest first. */
  public synchronized List<SenseCorrection> history(CategoryRef category) {
    return all.stream().filter(c -> c.ref().equals(category)).toList();
  }

  @Override
  public void close() {
    log.close();
  }
}
