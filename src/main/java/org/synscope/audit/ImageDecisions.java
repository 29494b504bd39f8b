package org.synscope.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The system of record for decisions about single images, with the same guarantees as reviews: a
 * {@link RecordLog} (forced to disk before {@link #record} returns, append-only, a torn tail cut on
 * open, a damaged or replayed record stopping with its line). The latest decision of an image is its state.
 */
public final class ImageDecisions implements AutoCloseable {
  private final RecordLog<ImageDecision> log;
  private final List<ImageDecision> all = new ArrayList<>();

  private ImageDecisions(RecordLog<ImageDecision> log) {
    this.log = log;
    all.addAll(log.replayed());
  }

  /** Opens the journal, for reading or (one process at a time) for recording too. */
  public static ImageDecisions open(Path file, boolean write) {
    return new ImageDecisions(RecordLog.open(file, write, ImageDecision.class, "image decision", ImageDecision::seq));
  }

  /** Records a decision; it is on disk when this returns. */
  public synchronized ImageDecision record(String user, String dataset, long image, String category, String source,
      ImageStatus status, String rationale) {
    long seq = all.isEmpty() ? 1 : all.get(all.size() - 1).seq() + 1;
    ImageDecision d = new ImageDecision(seq, "i" + seq, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), user,
        dataset, image, category, status.key(),
        rationale == null ? "" : org.synscope.dataset.InvisibleCharacters.visibleRationale(rationale).strip(), source);
    log.append(List.of(d));
    all.add(d);
    return d;
  }

  /** An image's decisions, oldest first. */
  public synchronized List<ImageDecision> history(String dataset, long image) {
    return all.stream().filter(d -> d.dataset().equals(dataset) && d.image() == image).toList();
  }

  /** The latest decision of each decided image of a dataset that is not {@code ok}, by image number. */
  public synchronized Map<Long, ImageDecision> marked(String dataset) {
    Map<Long, ImageDecision> latest = new TreeMap<>();
    for (ImageDecision d : all) {
      if (d.dataset().equals(dataset)) {
        latest.put(d.image(), d);
      }
    }
    latest.values().removeIf(d -> !d.decision().removes());
    return latest;
  }

  /** Every decision, oldest first. */
  public synchronized List<ImageDecision> all() {
    return List.copyOf(all);
  }

  /** What opening repaired (a cut torn tail), or null. */
  public String repaired() {
    return log.repaired();
  }

  @Override
  public void close() {
    log.close();
  }
}
