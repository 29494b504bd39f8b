package org.synscope;

import java.nio.file.Path;
import org.synscope.audit.AuditStore;
import org.synscope.audit.FlagListImport;
import org.synscope.audit.FlagListReader;
import org.synscope.audit.Scope;
import org.synscope.index.IndexCatalog;
import org.synscope.search.LabelSearcher;

/** The hand-made fixture imported as {@code fixture} (first sense) under {@code dir}, its audit record, a searcher. */
public final class HandMadeSearch implements AutoCloseable {
  public final Path dir;
  public final AuditStore audit;
  public final LabelSearcher searcher;

  public HandMadeSearch(Path dir) {
    this.dir = dir;
    IndexCatalog catalog = Fixtures.importFirstSense(dir.resolve("index"), Fixtures.handMade(), "fixture",
        Fixtures.handMadeLabels(dir));
    audit = AuditStore.open(catalog.root(), false);
    searcher = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000, audit);
  }

  /** Imports {@code text} as offensive flag list {@code name} of this {@code type}, as {@code flags import} does. */
  public FlagListImport.Result importList(String name, String text, String type, Scope scope) {
    Path file = Fixtures.write(dir.resolve(name + ".txt"), text);
    return FlagListImport.save(FlagListReader.read(file, type), file.toString(),
        new FlagListImport.Request(name, "offensive", type, scope, null, false), Fixtures.handMade(),
        label -> searcher.hasLabel(null, label), audit.lists());
  }

  @Override
  public void close() {
    searcher.close();
    audit.close();
  }
}
