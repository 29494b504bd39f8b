package org.synscope.cli;

import java.nio.file.Path;
import org.synscope.config.Settings;
import org.synscope.wordnet.WordNetVersion;
import picocli.CommandLine.Option;

/** Options every command shares: where the index lives and which WordNet to use. */
final class IndexOptions {
  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index-data/ in the synscope home).")
  Path index;

  @Option(names = "--wordnet", paramLabel = "VERSION", converter = WordNetConverter.class,
      description = "WordNet version for a new index: 3.0 (default; ImageNet ids), 3.1 or 2.1.")
  WordNetVersion wordnet;

  @Option(names = "--timeout", paramLabel = "MS", defaultValue = "2000",
      description = "Stop a query that runs longer than this (default: ${DEFAULT-VALUE} ms).")
  long timeoutMillis;

  @Option(names = "--signals", paramLabel = "FILE",
      description = "Signal definitions on top of the built-in ones (same format; a block replaces a built-in one by name).")
  Path signals;

  Settings settings() {
    return new Settings(Settings.defaultHome(), index, wordnet, timeoutMillis, signals);
  }

  /** Parses a WordNet version for picocli, with the accepted values in the error. */
  static final class WordNetConverter extends ParsedValue<WordNetVersion> {
    WordNetConverter() {
      super(WordNetVersion::parse);
    }
  }
}
