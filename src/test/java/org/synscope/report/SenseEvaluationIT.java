package org.synscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.dataset.GoldSenses;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;
import org.synscope.search.LabelSearcher;

/**
 * The committed gold sets, scored as {@code eval-senses} scores them, so the accuracy reached cannot
 * drop silently. The README reports the same figures (bash eval/senses.sh).
 */
class SenseEvaluationIT {
  static final Path GOLD = Path.of("eval/senses");
  static final Path SHARED = Path.of("../shared/datasets");
  @TempDir
  static Path dir;
  static IndexCatalog catalog;
  static LabelSearcher searcher;

  @BeforeAll
  static void importGoldLabels() {
    catalog = new IndexCatalog(dir.resolve("index"));
    DatasetIndexer indexer = new DatasetIndexer(catalog, new CategoryEnricher(Fixtures.wordNet30()));
    indexer.index(new DatasetIndexer.Request("first-lemmas", GOLD.resolve("imagenet1k-first-lemmas.txt"), null, false,
        null), ProgressListener.NONE);
    indexer.index(new DatasetIndexer.Request("full-names", GOLD.resolve("imagenet1k-full-names.txt"), null, false, null),
        ProgressListener.NONE);
    if (Files.exists(SHARED.resolve("cifar100-fine-labels.txt"))) {
      indexer.index(new DatasetIndexer.Request("cifar", SHARED.resolve("cifar100-fine-labels.txt"), null, false, null),
          ProgressListener.NONE);
      indexer.index(new DatasetIndexer.Request("cifar-coarse", SHARED.resolve("cifar100-fine-labels.txt"), null, false,
          null, null, List.of(), SHARED.resolve("cifar100-coarse-to-fine.json")), ProgressListener.NONE);
    }
    searcher = LabelSearcher.open(catalog, Fixtures.wordNet30(), 10_000);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  /** labels, correct, correct with alternatives, wrongly under person; then the same three for the first sense. */
  static List<Integer> figures(String gold, String dataset) {
    SenseEvaluation e = SenseEvaluation.run(GoldSenses.read(GOLD.resolve(gold)), dataset, searcher);
    return List.of(e.labels(), e.correct(), e.correctWithAlternatives(), e.wrongUnderPerson(), e.firstSense().correct(),
        e.firstSense().correctWithAlternatives(), e.firstSense().wrongUnderPerson());
  }

  @Test
  void imageNetFirstLemmas() {
    // 997 labels (crane, Cardigan and maillot each name two classes); first sense 791 with alternatives.
    assertEquals(List.of(997, 940, 941, 0, 789, 791, 34), figures("imagenet1k-first-lemmas.tsv", "first-lemmas"));
  }

  @Test
  void imageNetFullNames() {
    assertEquals(List.of(999, 981, 981, 0, 893, 893, 14), figures("imagenet1k-full-names.tsv", "full-names"));
  }

  @Test
  void cifar100WithoutAndWithItsCoarseClasses() {
    assumeTrue(Files.exists(SHARED.resolve("cifar100-fine-labels.txt")), "../shared/datasets is not here");
    // Without hints mushroom is mushroom.n.01 (the cap, an accepted alternative), not the gold mushroom.n.05.
    assertEquals(List.of(100, 88, 91, 0, 71, 76, 4), figures("cifar100.tsv", "cifar"));
    // With them, bridge and caterpillar too: other groups' labels count only where a label's own group reaches.
    assertEquals(List.of(100, 92, 95, 0, 71, 76, 4), figures("cifar100.tsv", "cifar-coarse"));
    // Its reason names where its group reaches: no other aquatic mammal is a rodent, so rodent.n.01 (where the
    // small mammals lie) counted nothing for beaver, and the reason named it.
    String beaver = searcher.category("cifar-coarse", "beaver").details().reason();
    assertTrue(beaver.contains(" other labels under mammal.n.01;"), beaver);
  }
}
