package org.synscope.cli;

import java.io.PrintStream;
import org.synscope.index.ProgressListener;

/**
 * Progress on stderr: a redrawn bar with count, rate and ETA on a terminal; a plain line every few
 * seconds otherwise (logs and CI stay readable).
 */
final class ConsoleProgress implements ProgressListener {
  private static final int WIDTH = 28;
  private final PrintStream out;
  private final boolean terminal;
  private String phase = "";
  private long total;
  private long started;
  private long lastDraw;

  ConsoleProgress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** Progress for this process's stderr. */
  static ConsoleProgress stderr() {
    return new ConsoleProgress(System.err, isTerminal());
  }

  @Override
  public void start(String phase, long total) {
    this.phase = phase;
    this.total = total;
    this.started = System.nanoTime();
    this.lastDraw = started;
    if (!terminal) {
      if (total < 0) {
        out.printf("%s ...%n", phase); // a stream of unknown length
      } else {
        out.printf("%s: %,d to do%n", phase, total);
      }
    }
  }

  @Override
  public void advance(long done) {
    long now = System.nanoTime();
    long interval = terminal ? 100_000_000L : 5_000_000_000L;
    if (now - lastDraw < interval && done < total) {
      return;
    }
    lastDraw = now;
    double seconds = Math.max((now - started) / 1e9, 1e-3);
    double rate = done / seconds;
    long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    if (terminal) {
      int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
      out.printf("\r%-28s [%s%s] %,d/%,d  %,.0f/s  ETA %ds ", phase, "#".repeat(filled), ".".repeat(WIDTH - filled),
          done, total, rate, eta);
    } else if (done < total) {
      out.printf("%s: %,d/%,d (%d%%), %,.0f/s, ETA %ds%n", phase, done, total, total == 0 ? 100 : 100 * done / total,
          rate, eta);
    }
  }

  @Override
  public void finish() {
    double seconds = (System.nanoTime() - started) / 1e9;
    if (terminal) {
      out.print("\r" + " ".repeat(100) + "\r");
    }
    if (total < 0) {
      out.printf("%s: done in %.1f s%n", phase, seconds);
    } else {
      out.printf("%s: %,d done in %.1f s%n", phase, total, seconds);
    }
  }

  /** True when stderr is an interactive terminal (Java 22+ can tell; Java 21 by the console's presence). */
  static boolean isTerminal() {
    var console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
