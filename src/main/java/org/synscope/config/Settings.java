package org.synscope.config;

import java.nio.file.Path;
import org.synscope.wordnet.WordNetVersion;

/**
 * The settings of one run, built once by the CLI and passed by constructor.
 *
 * @param home the synscope directory ({@code templates/}, {@code static/} and the default index live there)
 * @param index the index directory
 * @param wordnet the WordNet version asked for, or {@code null} to use the index's (3.0 for a new index)
 * @param queryTimeoutMillis longest a query may run before it is stopped
 * @param signals a file of signal definitions on top of the built-in ones, or {@code null}
 */
public record Settings(Path home, Path index, WordNetVersion wordnet, long queryTimeoutMillis, Path signals) {
  /** Default query time limit. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 2_000;

  public Settings {
    home = home.toAbsolutePath().normalize();
    index = index == null ? defaultIndex(home) : index.toAbsolutePath().normalize();
    if (queryTimeoutMillis < 1) {
      throw new BadInput("query timeout must be positive");
    }
  }

  public Settings(Path home, Path index, WordNetVersion wordnet, long queryTimeoutMillis) {
    this(home, index, wordnet, queryTimeoutMillis, null);
  }

  /** Where the index lives unless {@code --index} says otherwise: {@code index-data/} in the home. */
  public static Path defaultIndex(Path home) {
    return home.toAbsolutePath().normalize().resolve("index-data");
  }

  /** True when the index is the home's default one (no {@code --index}, or one naming it). */
  public boolean defaultIndex() {
    return index.equals(defaultIndex(home));
  }

  /** The synscope home: {@code -Dsynscope.home} (set by the launcher), else the working directory. */
  public static Path defaultHome() {
    String home = System.getProperty("synscope.home");
    return Path.of(home == null || home.isBlank() ? "." : home);
  }
}
