package org.synscope.cli;

import org.synscope.index.EmbeddedDefault;
import org.synscope.index.ImportReport;
import org.synscope.wordnet.Lexicon;
import picocli.CommandLine.Command;

/**
 * {@code synscope build-default}: builds the embedded default dataset when the index has none yet.
 * {@code serve} runs it in a JVM of its own on the C1 JIT (see {@link OneShot}), as the launcher runs every
 * one-shot command, and the bench times builds the same way; the message for a missing index names it.
 */
@Command(name = "build-default", mixinStandardHelpOptions = true,
    description = "Build the default dataset (every WordNet noun) when the index has no dataset yet.")
final class BuildDefaultCommand extends CliCommand {
  @Override
  int run() {
    Workspace ws = workspace();
    ws.requireIndexOrEmptyDirectory();
    if (!EmbeddedDefault.needed(ws.catalog())) {
      out().printf("The index at %s already has a dataset; nothing to build.%n", ws.catalog().root());
      return 0;
    }
    Lexicon lexicon = ws.lexicon(false);
    ImportReport report = EmbeddedDefault.build(ws.catalog(), lexicon, ConsoleProgress.stderr());
    out().printf("Built '%s': %,d categories in %.1f s.%n", EmbeddedDefault.NAME, report.dataset().categories(),
        report.dataset().buildMillis() / 1000.0);
    return 0;
  }
}
