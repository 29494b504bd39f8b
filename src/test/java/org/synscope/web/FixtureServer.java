package org.synscope.web;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.synscope.Fixtures;
import org.synscope.audit.AuditStore;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.IndexCatalog;
import org.synscope.index.SenseAmender;
import org.synscope.search.LabelSearcher;

/** The web server of an in-process HTTP test over an index of the hand-made lexicon, on a free port. */
record FixtureServer(LabelSearcher searcher, AuditStore audit, Javalin app) implements AutoCloseable {
  static FixtureServer start(IndexCatalog catalog, AuditStore audit) {
    return start(catalog, audit, null);
  }

  /** With share links starting at {@code publicUrl} (null: the request's own address). */
  static FixtureServer start(IndexCatalog catalog, AuditStore audit, String publicUrl) {
    LabelSearcher searcher = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000, audit);
    Javalin app = WebServer.create(searcher, audit, new SenseAmender(catalog, new CategoryEnricher(Fixtures.handMade())),
        Path.of("."), false, publicUrl).start("127.0.0.1", 0);
    return new FixtureServer(searcher, audit, app);
  }

  @Override
  public void close() {
    app.stop();
    searcher.close();
    audit.close();
  }
}
