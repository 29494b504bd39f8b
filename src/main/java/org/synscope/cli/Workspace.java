package org.synscope.cli;

import java.io.PrintStream;
import org.synscope.audit.AuditStore;
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
    this.settings = settings;
    this.catalog = new IndexCatalog(settings.index());
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

  /** Loads the lexicon for reading or for an import. */
  Lexicon lexicon(boolean forImport) {
    return Lexicon.wordNet(version(forImport));
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
    if (!EmbeddedDefault.needed(catalog)) {
      return;
    }
    log.printf("No dataset indexed yet in %s: building the default dataset '%s' in a JVM of its own (C1 JIT, as"
        + " for any one-shot command)...%n", catalog.root(), EmbeddedDefault.NAME);
    int code = OneShot.run(OneShot.buildDefault(catalog.root(), settings.wordnet()), false);
    if (code != 0 || EmbeddedDefault.needed(catalog)) {
      log.printf("The separate build did not finish (exit %d); building here instead.%n", code);
    }
  }

  /** Opens a searcher that reads the audit record, first building the embedded default when the index is empty. */
  LabelSearcher searcher(PrintStream log) {
    return searcher(log, audit(false));
  }

  /** Opens a searcher over the given audit record. */
  LabelSearcher searcher(PrintStream log, AuditStore audit) {
    Lexicon lexicon = lexicon(false);
    if (EmbeddedDefault.needed(catalog)) {
      log.printf("No dataset indexed yet in %s: building the default dataset '%s' (every WordNet %s noun)...%n",
          catalog.root(), EmbeddedDefault.NAME, lexicon.version());
      ImportReport report = EmbeddedDefault.build(catalog, lexicon, ConsoleProgress.stderr());
      log.printf("Built '%s': %,d categories in %.1f s.%n", EmbeddedDefault.NAME, report.dataset().categories(),
          report.dataset().buildMillis() / 1000.0);
    }
    return LabelSearcher.open(catalog, lexicon, settings.queryTimeoutMillis(), audit,
        SignalDefinitions.load(lexicon, settings.signals()));
  }
}
