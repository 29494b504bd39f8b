package org.synscope.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.synscope.dataset.LabelRecord;
import org.synscope.dataset.SenseOverrides;
import org.synscope.wordnet.SenseMapping;

/**
 * Applies sense pins (auditors' corrections) to a published dataset at once, without a re-import: the
 * current build is linked file by file into a new build directory (Lucene never rewrites a file), the
 * corrected categories are re-enriched and replaced there, and the new build is committed and
 * published through meta.json like any import. Readers never see a half-applied change; a failure
 * leaves the published build as it was.
 */
public final class SenseAmender {
  private final IndexCatalog catalog;
  private final CategoryEnricher enricher;

  public SenseAmender(IndexCatalog catalog, CategoryEnricher enricher) {
    this.catalog = catalog;
    this.enricher = enricher;
  }

  /** The index it amends. */
  public IndexCatalog catalog() {
    return catalog;
  }

  /** One category's new mapping. */
  public record Amended(String key, String label, SenseMapping mapping) {}

  /**
   * Pins the primary sense of each category (by key) and publishes the result.
   *
   * @return the categories amended, in the pins' order
   * @throws IndexException when the dataset or a category is missing, or a category is a wnid row
   */
  public List<Amended> amend(String dataset, Map<String, SenseOverrides.Pin> pins) {
    try (IndexCatalog.ImportLock lock = catalog.lock()) {
      DatasetMeta current = catalog.meta().map(m -> m.datasets().get(dataset)).orElse(null);
      if (current == null) {
        throw new IndexException("no dataset '" + dataset + "' in " + catalog.root());
      }
      Path from = catalog.directory(current);
      Path dir = catalog.newBuild(dataset);
      try {
        link(from, dir);
        List<Amended> out = new ArrayList<>();
        Map<String, Long> mapping = new LinkedHashMap<>(current.mapping());
        Map<String, Long> matches = new LinkedHashMap<>(current.matches());
        Map<String, Long> certainty = new LinkedHashMap<>(current.certainty());
        Map<String, Long> flags = new LinkedHashMap<>(current.flags());
        int overrides = current.overrides();
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.forIndex())
            .setOpenMode(IndexWriterConfig.OpenMode.APPEND).setCommitOnClose(false);
        try (FSDirectory before = FSDirectory.open(from); DirectoryReader reader = DirectoryReader.open(before);
            FSDirectory after = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(after, config)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          for (Map.Entry<String, SenseOverrides.Pin> e : pins.entrySet()) {
            String id = dataset + "/" + e.getKey();
            TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
              throw new IndexException("no category '" + e.getKey() + "' in dataset '" + dataset + "'");
            }
            Document old = searcher.storedFields().document(top.scoreDocs[0].doc);
            CategoryDetails details = CategoryDocuments.details(old.get(IndexFields.DETAILS));
            if (old.get(IndexFields.STATUS).equals("exact")) {
              throw new IndexException("'" + e.getKey() + "' of dataset '" + dataset
                  + "' was given as a wnid and maps exactly; there is no sense to correct");
            }
            var images = old.getField(IndexFields.IMAGES);
            LabelRecord row = new LabelRecord(details.line(), old.get(IndexFields.LABEL), null,
                images == null ? null : images.numericValue().longValue(), details.metadata());
            SenseOverrides.Pin pin = e.getValue();
            Category c = enricher.build(dataset, row, enricher.map(row, pin.wnid(), pin.source()));
            writer.updateDocument(new Term(IndexFields.ID, id), CategoryDocuments.toDocument(c));
            recount(mapping, old.get(IndexFields.STATUS), c.mapping().status().key());
            recount(matches, old.get(IndexFields.MATCH), c.mapping().match() == null ? null : c.mapping().match().key());
            recount(certainty, old.get(IndexFields.CERTAINTY), c.mapping().certainty());
            for (String f : old.getValues(IndexFields.FLAG)) {
              recount(flags, f, null);
            }
            c.flags().stream().map(org.synscope.flags.Flag::name).distinct().forEach(f -> recount(flags, null, f));
            overrides += old.get(IndexFields.STATUS).equals("overridden") ? 0 : 1;
            out.add(new Amended(e.getKey(), row.label(), c.mapping()));
          }
          writer.commit();
        }
        flags.values().removeIf(n -> n == 0);
        DatasetMeta meta = new DatasetMeta(current.name(), catalog.root().relativize(dir).toString(), current.source(),
            current.format(), current.sha256(), current.wordnet(), current.categories(), current.images(), mapping, flags,
            current.rejected(), current.rejectedLines(), overrides, current.metadataColumns(), current.builtAt(),
            current.buildMillis(), current.sensePolicy(), matches, certainty);
        catalog.publish(lock, meta);
        catalog.collectGarbage(lock); // and any build a killed import or correction left unreferenced
        return out;
      } catch (IOException e) {
        IndexCatalog.deleteQuietly(dir);
        throw new IndexException("cannot amend dataset '" + dataset + "' at " + dir + ": " + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        IndexCatalog.deleteQuietly(dir);
        throw e;
      }
    }
  }

  private static void recount(Map<String, Long> counts, String was, String now) {
    if (was != null) {
      counts.merge(was, -1L, Long::sum);
    }
    if (now != null) {
      counts.merge(now, 1L, Long::sum);
    }
  }

  /** Hard-links every file of a build into a new directory (copies where links are not supported). */
  private static void link(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().equals("write.lock")) {
          continue;
        }
        try {
          Files.createLink(to.resolve(f.getFileName()), f);
        } catch (UnsupportedOperationException | IOException e) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }
}
