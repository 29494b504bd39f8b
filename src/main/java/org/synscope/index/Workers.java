package org.synscope.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs the per-row work of an import on every core. Rows are independent once WordNet is loaded,
 * so they are handed out in batches; results come back in row order whatever thread made them, so
 * an import gives the same index on one core or on many.
 */
final class Workers {
  private static final int BATCH = 128;
  private static final long PROGRESS_MILLIS = 100;

  private final int threads;

  /** Workers on {@code threads} threads (the calling thread is one of them). */
  Workers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.threads = threads;
  }

  /** Workers on every core of this machine. */
  static Workers onAllCores() {
    return new Workers(Runtime.getRuntime().availableProcessors());
  }

  /** How many threads run at once. */
  int threads() {
    return threads;
  }

  /**
   * {@code f} of every item, in item order; {@code progress} advances with the items done. An
   * exception thrown by {@code f} stops the other threads taking more items and is rethrown here.
   */
  <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f, ProgressListener progress) {
    int n = items.size();
    Object[] out = new Object[n];
    AtomicInteger next = new AtomicInteger();
    AtomicLong done = new AtomicLong();
    int batches = (n + BATCH - 1) / BATCH;
    run(Math.min(threads, Math.max(batches, 1)), part -> {
      for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
        int from = b * BATCH;
        int to = Math.min(n, from + BATCH);
        try {
          for (int i = from; i < to; i++) {
            out[i] = f.apply(items.get(i));
          }
        } catch (RuntimeException | Error e) {
          next.set(batches);
          throw e;
        }
        done.addAndGet(to - from);
      }
    }, done, progress);
    @SuppressWarnings("unchecked")
    List<R> results = (List<R>) Arrays.asList(out);
    return results;
  }

  /**
   * Runs {@code job} once for each part {@code 0..parts-1}, each on its own thread, and returns when
   * every part is finished; meanwhile the calling thread advances {@code progress} with {@code done}.
   * The first exception of a part is rethrown here once every part has stopped.
   */
  static void run(int parts, IntConsumer job, AtomicLong done, ProgressListener progress) {
    List<Future<?>> running = new ArrayList<>();
    Throwable failure = null;
    try (ExecutorService pool = Executors.newFixedThreadPool(parts,
        Thread.ofPlatform().daemon().name("synscope-import-", 1).factory())) {
      for (int p = 0; p < parts; p++) {
        int part = p;
        running.add(pool.submit(() -> job.accept(part)));
      }
      for (Future<?> f : running) {
        failure = await(f, done, progress, failure);
      }
    }
    progress.advance(done.get());
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }

  /** Waits for one part, advancing progress; returns the first failure seen so far. */
  private static Throwable await(Future<?> f, AtomicLong done, ProgressListener progress, Throwable failure) {
    while (true) {
      try {
        f.get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
        return failure;
      } catch (TimeoutException e) {
        progress.advance(done.get());
      } catch (ExecutionException e) {
        return failure != null ? failure : e.getCause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failure != null ? failure : new IllegalStateException("interrupted while importing", e);
      }
    }
  }
}
