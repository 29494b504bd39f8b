package org.synscope.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.synscope.audit.AuditStore;
import org.synscope.index.IndexCatalog;
import org.synscope.index.IndexException;
import org.synscope.index.IndexFields;
import org.synscope.index.IndexMeta;
import org.synscope.risk.Signal;
import org.synscope.wordnet.HypernymPaths;
import org.synscope.wordnet.Lexicon;

/**
 * The index as requests see it: the current {@link IndexSnapshot} on Lucene's {@link ReferenceManager}.
 * A request acquires a snapshot and finishes on it while a newer one is swapped in. An import in this
 * process swaps at once (the catalog's publish hook); another process's import is noticed when a
 * request finds meta.json changed, looked at no more than every half second.
 */
final class Snapshots extends ReferenceManager<IndexSnapshot> {
  private static final long CHECK_NANOS = 500_000_000L;

  private final IndexCatalog catalog;
  private final Lexicon lexicon;
  private final AuditStore audit;
  private final HypernymPaths paths;
  private final Map<String, Signal> signals;
  private final long timeoutMillis;
  private final Runnable onPublish = this::refreshNow;
  private volatile long lastCheck;
  private volatile FileTime lastModified;

  Snapshots(IndexCatalog catalog, Lexicon lexicon, AuditStore audit, HypernymPaths paths, Map<String, Signal> signals,
      long timeoutMillis) {
    this.catalog = catalog;
    this.lexicon = lexicon;
    this.audit = audit;
    this.paths = paths;
    this.signals = signals;
    this.timeoutMillis = timeoutMillis;
    this.lastModified = catalog.metaModified();
    this.current = IndexSnapshot.open(catalog, readMeta(), null);
    this.lastCheck = System.nanoTime();
    catalog.addPublishListener(onPublish);
  }

  /** The audit record, or null when the index is searched without one. */
  AuditStore audit() {
    return audit;
  }

  /** The query deadline in milliseconds. */
  long timeoutMillis() {
    return timeoutMillis;
  }

  /** The current snapshot, after looking for another process's import when due; release it when done. */
  IndexSnapshot take() {
    long now = System.nanoTime();
    if (now - lastCheck >= CHECK_NANOS) {
      lastCheck = now;
      if (!catalog.metaModified().equals(lastModified)) {
        try {
          maybeRefresh(); // one request opens the new build; the others go on with the current one
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    try {
      return acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives back a snapshot from {@link #take()}. */
  void give(IndexSnapshot s) {
    try {
      release(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** meta.json as the current snapshot read it. */
  IndexMeta meta() {
    IndexSnapshot s = take();
    try {
      return s.meta;
    } finally {
      give(s);
    }
  }

  /** Opens what meta.json names now, waiting for a refresh already under way. */
  void refreshNow() {
    try {
      maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected IndexSnapshot refreshIfNeeded(IndexSnapshot old) {
    FileTime modified = catalog.metaModified(); // before reading, so a later change is not missed
    IndexMeta meta = readMeta();
    lastModified = modified;
    return meta.generation() == old.meta.generation() ? null : IndexSnapshot.open(catalog, meta, old);
  }

  @Override
  protected boolean tryIncRef(IndexSnapshot s) {
    return s.tryAcquire();
  }

  @Override
  protected void decRef(IndexSnapshot s) {
    s.release();
  }

  @Override
  protected int getRefCount(IndexSnapshot s) {
    return s.refCount();
  }

  @Override
  protected void afterClose() {
    catalog.removePublishListener(onPublish);
  }

  private IndexMeta readMeta() {
    IndexMeta meta = catalog.meta().orElse(new IndexMeta(IndexFields.SCHEMA_VERSION, lexicon.version(), 0, Map.of()));
    if (!meta.datasets().isEmpty() && !meta.wordnet().equals(lexicon.version())) {
      throw new IndexException("the index at " + catalog.root() + " was built with WordNet " + meta.wordnet()
          + ", not " + lexicon.version());
    }
    return meta;
  }

  /** The snapshot's overlay of the audit record, recomputed when either has changed. */
  Overlay overlay(IndexSnapshot s) {
    long version = audit == null ? -1 : audit.version();
    Overlay o = s.overlay;
    if (o != null && o.version == version) {
      return o;
    }
    synchronized (s) {
      o = s.overlay;
      if (o == null || o.version != version) {
        o = Overlay.compute(s.searcher, audit, paths, signals, o);
        s.overlay = o;
      }
      return o;
    }
  }

  /** Work on one snapshot under the query deadline. */
  interface Work<T> {
    T run(IndexSnapshot s) throws IOException;
  }

  /** Runs {@code work} on the current snapshot, bounded by the deadline; {@code query} names it in errors. */
  @SuppressWarnings("try") // the deadline scope is held, not read
  <T> T read(String query, Work<T> work) {
    IndexSnapshot s = take();
    // Only term expansion (wildcards, fuzzy terms, regular expressions) is bounded: a plain page under
    // load is slow, never a 4xx that blames a wildcard the user did not type.
    try (Deadline.Scope d = deadline(query)) {
      return work.run(s);
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      throw tooSlow(query);
    } catch (IndexSearcher.TooManyClauses e) {
      throw SearchException.badRequest(QueryLimits.tooManyClauses()); // a wildcard that expands too far
    } catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
      throw SearchException.badRequest(QueryLimits.TOO_COMPLEX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      give(s);
    }
  }

  /** The time limit of a query: only term expansion (wildcards, fuzzy terms, regular expressions) is bounded. */
  Deadline.Scope deadline(String query) {
    return QueryLimits.expandsTerms(query) ? Deadline.start(timeoutMillis) : Deadline.none();
  }

  SearchException tooSlow(String query) {
    return SearchException.badRequest("the query '" + query + "' ran longer than " + timeoutMillis + " ms and was stopped;"
        + " leading wildcards (*foo), fuzzy terms (~) and regular expressions scan many terms: make them more specific");
  }
}
