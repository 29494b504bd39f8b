package org.synscope.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;
import org.synscope.index.IndexFields;

/** Label order, built once per snapshot, is the order Lucene's label sort gives, across segments. */
class LabelOrderTest {

  /** Three segments; "dog" twice (a tie, broken by document) and one deleted document. */
  private static DirectoryReader index(ByteBuffersDirectory dir) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE))) {
      for (List<String> segment : List.of(List.of("dog", "ant", "zebra"), List.of("cat", "dog", "gone"),
          List.of("bee", "aardvark"))) {
        for (String label : segment) {
          Document d = new Document();
          d.add(new StringField("id", label + segment.size(), Field.Store.NO));
          d.add(new SortedDocValuesField(IndexFields.LABEL_SORT, new BytesRef(label)));
          w.addDocument(d);
        }
        w.commit();
      }
      w.deleteDocuments(new Term("id", "gone3"));
      w.commit();
    }
    return DirectoryReader.open(dir);
  }

  @Test
  void matchesLuceneLabelSortAcrossSegments() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); DirectoryReader reader = index(dir)) {
      assertEquals(3, reader.leaves().size());
      ScoreDoc[] lucene = new IndexSearcher(reader).search(MatchAllDocsQuery.INSTANCE, 100,
          new Sort(new SortField(IndexFields.LABEL_SORT, SortField.Type.STRING))).scoreDocs;
      int[] expected = Arrays.stream(lucene).mapToInt(sd -> sd.doc).toArray();
      // By hand: aardvark(7) ant(1) bee(6) cat(3) dog(0) dog(4) zebra(2); gone(5) is deleted.
      assertArrayEquals(new int[] {7, 1, 6, 3, 0, 4, 2}, expected);
      FixedBitSet[] all = new FixedBitSet[3];
      for (int i = 0; i < 3; i++) {
        all[i] = new FixedBitSet(reader.leaves().get(i).reader().maxDoc());
        all[i].set(0, all[i].length());
      }
      LabelOrder order = LabelOrder.build(reader);
      assertArrayEquals(expected, order.page(all, 0, 100));
      assertArrayEquals(new int[] {6, 3, 0}, order.page(all, 2, 3), "a page from the third match");
      FixedBitSet[] some = {null, all[1], null};
      assertArrayEquals(new int[] {3, 4}, order.page(some, 0, 10), "only the second segment matched");
    }
  }
}
