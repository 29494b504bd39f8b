package org.synscope.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.dataset.LabelRecord;
import org.synscope.wordnet.SenseMapping;

/** A build written in parts holds every document once, in row order, one segment per part. */
class BuildWriterTest {
  @TempDir
  Path dir;

  private static List<Category> categories(int n) {
    CategoryEnricher enricher = new CategoryEnricher(Fixtures.handMade());
    List<String> ids = List.of("n00000001", "n00000002", "n00000003", "n00000004", "n00000005", "n00000006",
        "n00000007", "n00000008", "n00000009", "n00000010", "n00000011");
    List<Category> out = new ArrayList<>();
    for (int line = 1; line <= n; line++) {
      LabelRecord row = LabelRecord.ofWnid(line, ids.get(line % ids.size()), null);
      SenseMapping mapping = enricher.map(row, null, "");
      out.add(enricher.build("fixture", row, mapping));
    }
    return out;
  }

  private static List<Integer> linesInDocOrder(Path index) throws IOException {
    try (FSDirectory d = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(d)) {
      StoredFields stored = r.storedFields();
      List<Integer> lines = new ArrayList<>();
      for (int doc = 0; doc < r.maxDoc(); doc++) {
        lines.add(CategoryDocuments.details(stored.document(doc).get(IndexFields.DETAILS)).line());
      }
      return lines;
    }
  }

  private static int segments(Path index) throws IOException {
    try (FSDirectory d = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(d)) {
      return r.leaves().size();
    }
  }

  @Test
  void partsAreAppendedInRowOrder() throws IOException {
    List<Category> categories = categories(101);
    Path index = dir.resolve("parts");
    new BuildWriter(new Workers(3), 10).write(index, categories, ProgressListener.NONE);
    assertEquals(categories.stream().map(Category::line).toList(), linesInDocOrder(index));
    assertEquals(3, segments(index));
  }

  @Test
  void aSmallBuildIsOneSegment() throws IOException {
    List<Category> categories = categories(19);
    Path index = dir.resolve("one");
    new BuildWriter(new Workers(3), 10).write(index, categories, ProgressListener.NONE);
    assertEquals(categories.stream().map(Category::line).toList(), linesInDocOrder(index));
    assertEquals(1, segments(index));
  }
}
