package org.synscope.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.images.ImageFormat;
import org.synscope.images.ImageRecord;
import org.synscope.images.ImageSource;
import org.synscope.images.PixelFile;
import org.synscope.images.Skips;
import org.synscope.images.SyntheticTiny;
import org.synscope.search.ImageHit;
import org.synscope.search.ImageRequest;
import org.synscope.search.ImageResult;
import org.synscope.search.LabelSearcher;

/**
 * The same 6,000 synthetic records imported twice: slim (written in three parts at once, nothing stored,
 * records read again from the generator) and as before (one thread, every record stored). Every search
 * must give the same answer from both, and the slim build must hold its documents in image order.
 */
class SlimImageIndexTest {
  @TempDir
  static Path dir;
  static IndexCatalog catalog;
  static SyntheticTiny generator;
  static LabelSearcher searcher;

  @BeforeAll
  static void importTwice() throws IOException {
    Path classes = Files.writeString(dir.resolve("classes.csv"), "class_ind,class_name,n_images\n0,animal,20\n"
        + "1,cat,300\n2,dog,500\n3,kid,200\n4,rex,100\n5,slurword,50\n6,unicorn,80\n");
    generator = SyntheticTiny.load(classes, 6_000L);
    catalog = new IndexCatalog(dir.resolve("index"));
    DatasetIndexer categories = new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.handMade()));
    ImageIndexer indexer = new ImageIndexer(catalog, categories, 3, 1_000);
    ImageSetMeta slim = indexer.index("slim", generator.source(), ProgressListener.NONE).meta();
    ImageSetMeta stored = indexer.index("stored", new InOrderOnly(generator.source()), ProgressListener.NONE).meta();
    assertTrue(slim.slim());
    assertFalse(stored.slim());
    assertEquals(List.of(6_000L, 7L, 6_000L, 7L), List.of(slim.images(), slim.categories(), stored.images(),
        stored.categories()));
    assertEquals(List.of("engine", "domain", "year"), slim.facets());
    searcher = LabelSearcher.open(catalog, Fixtures.handMade(), 30_000);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  /** The generator's records as a source that can only be read in order: imported the way tables are, stored. */
  record InOrderOnly(ImageSource source) implements ImageSource {
    @Override
    public ImageFormat format() {
      return source.format();
    }

    @Override
    public boolean guessed() {
      return false;
    }

    @Override
    public Path path() {
      return source.path();
    }

    @Override
    public OptionalLong count() {
      return source.count();
    }

    @Override
    public Stream<ImageRecord> records() {
      return source.records();
    }

    @Override
    public Optional<PixelFile> pixels() {
      return Optional.empty();
    }

    @Override
    public Path base() {
      return null;
    }

    @Override
    public Skips skipped() {
      return Skips.NONE;
    }

    @Override
    public void close() {}
  }

  @Test
  void theSlimBuildHoldsItsImagesInNumberOrderInThreeSegmentsWithNothingStored() throws IOException {
    ImageSetMeta slim = catalog.meta().orElseThrow().images().get("slim");
    try (FSDirectory d = FSDirectory.open(catalog.root().resolve(slim.directory()));
        DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(6_000, reader.maxDoc());
      assertEquals(3, reader.leaves().size(), "one segment per part");
      for (LeafReaderContext leaf : reader.leaves()) {
        assertNull(leaf.reader().getFieldInfos().fieldInfo(ImageFields.N));
        assertNull(leaf.reader().getFieldInfos().fieldInfo(ImageFields.RECORD));
        SortedSetDocValues categories = DocValues.getSortedSet(leaf.reader(), ImageFields.CATEGORY);
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          assertTrue(categories.advanceExact(doc));
          long n = leaf.docBase + doc;
          assertEquals(ImageIndexer.key(generator.record(n)), categories.lookupOrd(categories.nextOrd()).utf8ToString(),
              "document " + n);
        }
      }
    }
    assertTrue(Files.notExists(catalog.root().resolve(slim.directory()).resolve("parts")), "the parts are gone");
  }

  static List<ImageRequest> requests() {
    List<ImageRequest> out = new ArrayList<>();
    for (String dataset : List.of("slim", "stored")) {
      out.add(new ImageRequest(dataset, "", null, null, Map.of(), 1, 100));
      out.add(new ImageRequest(dataset, "", null, null, Map.of(), 37, 100));
      out.add(new ImageRequest(dataset, "", "animal.n.01", null, Map.of(), 1, 50));
      out.add(new ImageRequest(dataset, "", "pet.n.01", null, Map.of("engine", Set.of("flickr")), 2, 20));
      out.add(new ImageRequest(dataset, "", null, null, Map.of("engine", Set.of("google", "ask"), "year",
          Set.of("2006")), 1, 30));
      out.add(new ImageRequest(dataset, "", null, "dog", Map.of(), 1, 100));
      out.add(new ImageRequest(dataset, "", "person.n.01", "dog", Map.of(), 1, 100));
      out.add(new ImageRequest(dataset, "jpg", "dog.n.01", null, Map.of("domain", Set.of("image10.webshots.com")), 1, 10));
      out.add(new ImageRequest(dataset, "flickr photos", null, null, Map.of(), 3, 25));
      out.add(new ImageRequest(dataset, "img OR dsc", "entity.n.01", null, Map.of("year", Set.of("2005")), 1, 40));
    }
    return out;
  }

  @Test
  void everySearchGivesTheSameAnswerFromTheSlimBuildAsFromStoredRecords() {
    List<ImageRequest> all = requests();
    int half = all.size() / 2;
    for (int i = 0; i < half; i++) {
      ImageResult slim = searcher.images(all.get(i));
      ImageResult stored = searcher.images(all.get(i + half));
      assertEquals(comparable(stored), comparable(slim), all.get(i).toString());
      assertEquals(stored.hierarchy(), searcher.imageCounts(all.get(i)), "the counts alone: " + all.get(i));
    }
    ImageResult everything = searcher.images(all.get(0));
    assertEquals(6_000, everything.total());
    assertEquals(List.of(0L, 1L, 2L), everything.images().subList(0, 3).stream().map(ImageHit::n).toList());
    assertEquals(generator.record(3_600).metadata(), searcher.images(all.get(1)).images().get(0).metadata(),
        "page 37 of 100 starts at image 3,600");
  }

  @Test
  void oneImageByNumberAndTheImagesOfCategoriesInOrder() {
    for (long n : new long[] {0, 1_999, 2_000, 5_999}) {
      ImageHit slim = searcher.image("slim", n);
      assertEquals(n, slim.n());
      assertEquals(generator.record(n).url(), slim.url());
      assertEquals(comparable(searcher.image("stored", n)), comparable(slim));
    }
    List<String> slim = new ArrayList<>();
    List<String> stored = new ArrayList<>();
    assertEquals(searcher.imagesOf("stored", List.of("kid", "unicorn"), (n, path, key) -> stored.add(n + " " + key)),
        searcher.imagesOf("slim", List.of("kid", "unicorn"), (n, path, key) -> slim.add(n + " " + key)));
    assertEquals(stored, slim);
    assertFalse(slim.isEmpty());
  }

  private static String comparable(ImageResult r) {
    return r.total() + " " + r.images().stream().map(SlimImageIndexTest::comparable).toList() + " " + r.facets() + " "
        + r.hierarchy();
  }

  private static String comparable(ImageHit h) {
    return new ImageHit("x", h.n(), h.label(), h.wnid(), h.category(), h.synset(), h.name(), h.url(), h.path(),
        h.metadata(), h.hurtful(), h.masked()).toString();
  }
}
