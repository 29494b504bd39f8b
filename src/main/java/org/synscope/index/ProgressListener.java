package org.synscope.index;

/** Receives progress of a long job (the CLI draws a bar or prints lines). */
public interface ProgressListener {
  /** A phase starts with {@code total} steps. */
  void start(String phase, long total);

  /** {@code done} steps of the current phase are finished. */
  void advance(long done);

  /** The current phase is over. */
  void finish();

  /** Ignores progress. */
  ProgressListener NONE = new ProgressListener() {
    @Override
    public void start(String phase, long total) {}

    @Override
    public void advance(long done) {}

    @Override
    public void finish() {}
  };
}
