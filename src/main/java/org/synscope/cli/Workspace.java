package org.synscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.synscope.audit.AuditStore;
import org.synscope.config.BadInput;
import org.synscope.config.Settings;
import org.synscope.index.EmbeddedDefault;
import org.synscope.index.ImportReport;
import org.synscope.index.IndexCatalog;
import org.synscope.index.IndexException;
import org.synscope.index.IndexMeta;
import org.synscope.risk.SignalDefinitions;
import org.synscope.search.LabelSearcher;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.WordNetVersion;

/** Wires the objects a command needs from the settings: catalog, lexicon, searcher. */
final class Workspace {
  private final Settings settings;
  private final IndexCatalog catalog;

  Workspace(Settings settings) {
    if (Files.exists(settings.index()) && !Files.isDirectory(settings.index())) {
      // It said "cannot open the review journal FILE/audit/reviews.journal: FILE/audit: Not a directory".
      throw new BadInput(settings.index() + " is a file, not an index directory: give the directory that holds"
          + " meta.json (or a new or empty one to build an index in)");
    }
    this.settings = settings;
    this.catalog = new IndexCatalog(settings.index());
  }

  /** True for serve, which builds the default dataset in a new index directory it is given. */
  private boolean serving;

  /**
   * Refuses to build the default dataset where nobody asked for an index: in a directory that holds
   * other files, or, for any command but {@code serve}, in a directory given with {@code --index} that
   * holds no index yet (a mistyped path would get 15 s of building and a new index).
   */
  private void requireNewIndexHere() {
    requireIndexOrEmptyDirectory();
    if (!settings.defaultIndex() && !serving && catalog.meta().isEmpty()) {
      Path root = catalog.root();
      throw new BadInput("no synscope index at " + root + ": build one there with 'synscope build-default --index "
          + root + "' or 'synscope index FILE --index " + root + "', or give the index directory you meant");
    }
  }

  /**
   * Refuses to write an index into a directory that holds other files and no index (a home directory, a
   * project's folder): {@code index} and {@code build-default} wrote one beside them.
   */
  void requireIndexOrEmptyDirectory() {
    Path root = catalog.root();
    boolean empty;
    try (var entries = Files.list(root)) {
      // A .gitkeep, the accounts and audit record made before the first index, or what a killed first import
      // left (its builds, before meta.json named one) are not an index's rival.
      empty = entries.map(p -> p.getFileName().toString())
          .allMatch(n -> n.startsWith(".") || IndexCatalog.OWN_ENTRIES.contains(n));
    } catch (NoSuchFileException e) {
      empty = true;
    } catch (IOException e) {
      throw new BadInput("cannot read the index directory " + root + ": " + e.getMessage());
    }
    if (!empty && catalog.meta().isEmpty()) {
      throw new BadInput(root + " is not a synscope index (it has no meta.json) and is not empty: give an index"
          + " directory, or a new or empty one to build an index in");
    }
  }

  IndexCatalog catalog() {
    return catalog;
  }

  /**
   * The WordNet version of this index: the index's own once it holds datasets (one index, one
   * WordNet), otherwise the one asked for, otherwise 3.0 (ImageNet ids are 3.0 offsets).
   */
  WordNetVersion version(boolean forImport) {
    IndexMeta meta = catalog.meta().orElse(null);
    if (meta == null || meta.datasets().isEmpty()) {
      return settings.wordnet() != null ? settings.wordnet() : WordNetVersion.V3_0;
    }
    WordNetVersion indexed = WordNetVersion.parse(meta.wordnet());
    if (settings.wordnet() != null && settings.wordnet() != indexed && !forImport) {
      throw new IndexException("the index at " + catalog.root() + " was built with WordNet " + indexed
          + "; drop --wordnet " + settings.wordnet() + " or give another --index directory");
    }
    return forImport && settings.wordnet() != null ? settings.wordnet() : indexed;
  }

  /**
   * Loads the lexicon for reading or for an import, and checks a {@code --signals} file against it: a
   * command that does not search (an import) does not use the file, but one that does not exist, or does
   * not parse, is said at once rather than passed over (index --signals /nonexistent exited 0).
   */
  Lexicon lexicon(boolean forImport) {
    Lexicon lexicon = Lexicon.wordNet(version(forImport));
    if (settings.signals() != null) {
      signals(lexicon);
    }
    return lexicon;
  }

  /** What {@link #signals(Lexicon)} last read, and in which lexicon: a command reads the file once. */
  private java.util.Map<String, org.synscope.risk.Signal> signals;
  private Lexicon signalsLexicon;

  /** The signal definitions in force: the built-in ones and the --signals file's, resolved in {@code lexicon}. */
  java.util.Map<String, org.synscope.risk.Signal> signals(Lexicon lexicon) {
    if (signals == null || signalsLexicon != lexicon) {
      signals = SignalDefinitions.load(lexicon, settings.signals());
      signalsLexicon = lexicon;
    }
    return signals;
  }

  /** Opens the audit record: for reading (every command but a writing server), or to record reviews. */
  AuditStore audit(boolean write) {
    return AuditStore.open(settings.index(), write);
  }

  /**
   * For {@code serve}: builds the embedded default, when the index has no dataset yet, in a JVM of its own
   * on the C1 JIT ({@link OneShot}), as {@code ./synscope index} would. If that does not finish, the
   * searcher builds it in this JVM instead (and reports any error there).
   */
  void buildDefaultInOwnJvm(PrintStream log) {
    serving = true;
    if (!EmbeddedDefault.needed(catalog)) {
      return;
    }
    requireNewIndexHere();
    log.printf("No dataset indexed yet in %s: building the default dataset '%s' in a JVM of its own (C1 JIT, as"
        + " for any one-shot command)...%n", catalog.root(), EmbeddedDefault.NAME);
    int code = OneShot.run(OneShot.buildDefault(catalog.root(), settings.wordnet()), false);
    if (code != 0 || EmbeddedDefault.needed(catalog)) {
      log.printf("The separate build did not finish (exit %d); building here instead.%n", code);
    }
  }

  /** Opens a searcher that reads the audit record, first building the embedded default when the index is empty. */
  LabelSearcher searcher(PrintStream log) {
    if (EmbeddedDefault.needed(catalog)) {
      requireNewIndexHere(); // before the audit record is opened: a mistyped path got an empty audit/ directory
    }
    return searcher(log, audit(false));
  }

  /** Opens a searcher over the given audit record. */
  LabelSearcher searcher(PrintStream log, AuditStore audit) {
    Lexicon lexicon = lexicon(false);
    if (EmbeddedDefault.needed(catalog)) {
      requireNewIndexHere();
      log.printf("No dataset indexed yet in %s: building the default dataset '%s' (every WordNet %s noun)...%n",
          catalog.root(), EmbeddedDefault.NAME, lexicon.version());
      ImportReport report = EmbeddedDefault.build(catalog, lexicon, ConsoleProgress.stderr());
      log.printf("Built '%s': %,d categories in %.1f s.%n", EmbeddedDefault.NAME, report.dataset().categories(),
          report.dataset().buildMillis() / 1000.0);
    }
    var signals = signals(lexicon);
    if (audit != null) {
      // flag=NAME would be the list and signal=NAME the signal: two things under one name.
      for (var s : signals.values()) {
        if (audit.lists().all().containsKey(s.name())) {
          throw new org.synscope.config.BadInput("signal [" + s.name() + "] (" + s.source() + ") has the name of an"
              + " imported list; give the signal another name, or remove the list with 'synscope flags remove "
              + s.name() + "'");
        }
      }
    }
    return LabelSearcher.open(catalog, lexicon, settings.queryTimeoutMillis(), audit, signals);
  }
}
