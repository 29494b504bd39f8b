package org.synscope.cli;

import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.synscope.config.BadInput;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.LineProblem;
import org.synscope.index.IndexException;
import org.synscope.search.SearchException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code synscope} command line. Exit codes: 0 success, 1 failure (or a bug: an internal error), 2 usage error. */
@Command(name = "synscope", mixinStandardHelpOptions = true, version = "synscope 0.1.0",
    description = "A searchable, WordNet-enriched index of an image dataset's labels, for auditors.",
    subcommands = {IndexCommand.class, SearchCommand.class, ShowCommand.class, StatsCommand.class, ServeCommand.class, BenchCommand.class,
        FlagsCommand.class, UsersCommand.class, ReindexReviewsCommand.class, AuditCardCommand.class, BlocklistCommand.class, EvalSensesCommand.class, SensesCommand.class, SignalsCommand.class, QueueCommand.class, EvalQueueCommand.class, ImagesCommand.class,
        BuildDefaultCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  /** Most bad lines printed before the rest are only counted. */
  static final int PROBLEMS_SHOWN = 50;
  /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns the exit code (used by tests to run it in-process). */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the CLI with the given output streams and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    // Lucene logs a warning on every start when the incubating Vector API is not enabled; synscope
    // does no vector search, so the hint is noise for its users.
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, commandLine.getErr(),
        commandLine.getCommand() instanceof CliCommand c && c.debug));
    return cli.execute(args);
  }

  /** The one error mapping of the CLI: prints what went wrong and returns the exit code. */
  static int report(Exception e, PrintWriter err, boolean debug) {
    if (e instanceof DatasetException d) {
      int shown = 0;
      for (LineProblem p : d.problems()) {
        if (shown++ < PROBLEMS_SHOWN) {
          err.println(Terminal.safe(p.toString()));
        }
      }
      if (d.problems().size() > PROBLEMS_SHOWN) {
        err.printf("... and %,d more%n", d.problems().size() - PROBLEMS_SHOWN);
      }
      // A problem of the file as a whole (line 0: "no line could be read") is no bad line.
      long lines = d.problems().stream().filter(p -> p.line() > 0).count();
      String counted = String.format("%,d bad line%s", lines, lines == 1 ? "" : "s");
      if (!d.failed().equals(DatasetException.IMPORT)) {
        err.printf("synscope: %s: %s%n", d.failed(), d.wholeFile() ? "the file cannot be used" : counted);
      } else if (d.wholeFile() || lines < d.problems().size()) {
        err.println("synscope: import failed" + (d.wholeFile() ? "" : " (" + counted + ", and the file as a whole)")
            + "; nothing was published and the index is unchanged");
      } else {
        err.printf("synscope: import failed: %s; nothing was published and the index is unchanged%s%n", counted,
            d.skippable() ? " (use --skip-bad-lines to index the good lines and list the rest)" : "");
      }
      err.flush();
      // A file named that is not there is a usage error, as an unknown dataset is; bad content is a failure.
      return d.problems().stream().allMatch(LineProblem::missingFile) ? 2 : 1;
    }
    if (e instanceof SearchException s) {
      err.println("synscope: " + Terminal.safe(s.getMessage()));
      err.flush();
      // 400: a request that cannot be answered; 404: a dataset, synset or category named that does not exist.
      return s.status() == 400 || s.status() == 404 ? 2 : 1;
    }
    if (e instanceof BadInput) {
      err.println("synscope: " + Terminal.safe(e.getMessage()));
      err.flush();
      return 2;
    }
    if (e instanceof IndexException || e instanceof java.io.UncheckedIOException || e instanceof IllegalStateException
        || e instanceof org.synscope.audit.AuditException) {
      err.println("synscope: " + Terminal.safe(e.getMessage()));
      err.flush();
      return 1;
    }
    // Anything else is a bug: its message may say nothing to a user, or too much.
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    if (debug) {
      err.println("synscope: internal error (id " + id + "):");
      e.printStackTrace(err);
    } else {
      err.println("synscope: internal error (id " + id + "); run the command again with --debug to see where it failed");
    }
    err.flush();
    return 1;
  }
}
