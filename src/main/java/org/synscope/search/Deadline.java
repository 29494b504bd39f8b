package org.synscope.search;

import org.apache.lucene.index.QueryTimeout;

/**
 * A per-thread time limit that {@code ExitableDirectoryReader} checks while it enumerates terms and
 * reads doc values, so a leading wildcard or a huge fuzzy expansion is stopped instead of hanging the
 * server ({@code IndexSearcher.setTimeout} alone does not stop term expansion).
 */
final class Deadline implements QueryTimeout {
  static final Deadline INSTANCE = new Deadline();
  private static final ThreadLocal<long[]> END = ThreadLocal.withInitial(() -> new long[1]);

  private Deadline() {}

  @Override
  public boolean shouldExit() {
    long end = END.get()[0];
    return end != 0 && System.nanoTime() - end > 0;
  }

  /** Starts the clock for this thread; closing the returned scope stops it. */
  static Scope start(long millis) {
    long[] end = END.get();
    long previous = end[0];
    end[0] = System.nanoTime() + millis * 1_000_000;
    return () -> end[0] = previous;
  }

  /** No limit for this thread (leaves any enclosing limit as it is). */
  static Scope none() {
    return () -> { };
  }

  /** A running time limit. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
