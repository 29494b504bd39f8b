package org.synscope.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;
import org.synscope.risk.Signal;
import org.synscope.risk.SignalDefinitions;
import org.synscope.wordnet.SensePolicy;

/** Risk, signals and the queue on the hand-made fixture, with one signal of the test's own. */
class RiskAndQueueTest {
  @TempDir
  static Path dir;
  static LabelSearcher searcher;

  @BeforeAll
  static void index() {
    IndexCatalog catalog = Fixtures.importFirstSense(dir.resolve("index"), Fixtures.handMade(), "fixture",
        Fixtures.handMadeLabels(dir));
    Map<String, Signal> kinship = Map.of("kinship", SignalDefinitions.parse("kinship.conf", """
        [kinship]
        title = Kinship
        definition = People named by a family tie.
        anchor = kid.n.01 | a child of someone
        """, Fixtures.handMade(), true).get(0));
    searcher = LabelSearcher.open(catalog, Fixtures.handMade(), 2_000, null, kinship);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  static List<String> labels(SearchResult r) {
    return r.hits().stream().map(h -> h.label() + " " + h.risk() + " " + h.riskScore()).toList();
  }

  static List<String> values(SearchResult r, Facet f) {
    return r.facets().get(f).stream().map(v -> v.value() + " " + v.categories() + " " + v.images()).toList();
  }

  @Test
  void riskSortsTheFixtureAsTheWeightsSay() {
    // By hand: slurword has an ethnic slur on its synset (0.9), an offensive gloss (0.8) and is a person
    // (0.1): 1 - 0.1 * 0.2 * 0.9 = 0.982. kid (kid.n.01, first sense) is a person marked by kinship:
    // 1 - 0.9 * 0.55 = 0.505. Nothing else has evidence; ties go by label.
    SearchResult r = searcher.search(new SearchRequest("", null, Map.of(), List.of(), SortOrder.RISK, 1, 20));
    assertEquals(List.of("slurword high 0.982", "kid medium 0.505", "canine low 0.0", "cat low 0.0", "dog low 0.0",
        "domestic_dog low 0.0", "rex low 0.0", "unicorn low 0.0"), labels(r));
    assertEquals(List.of("high 1 3", "medium 1 20", "low 6 192"), values(r, Facet.RISK));
    assertEquals(List.of("kinship 1 20"), values(r, Facet.SIGNAL));
    SearchResult medium = searcher.search(new SearchRequest("", null,
        Map.of(Facet.RISK, new Selection(Set.of("medium"), Set.of())), List.of(), SortOrder.LABEL, 1, 20));
    assertEquals(List.of("kid medium 0.505"), labels(medium)); // facet count == hits after filtering
    CategoryView kid = searcher.category("fixture", "kid");
    assertEquals(List.of("person: kid.n.01 is under person.n.01", "signal Kinship: under kid.n.01 (a child of someone)"),
        kid.risk().because().stream().map(e -> e.what()).toList());
  }

  @Test
  void reviewsAreCountedApartFromTheListExamplesTheModelLearntFrom() {
    // trained_on.reviews said 2,836 on an index with no review: the members of another dataset's list.
    QueueResult.TrainedOn t = QueueResult.TrainedOn.of(List.of(new QueueResult.Source("reviews of tiny-images", 3,
        "this dataset's decisions"), new QueueResult.Source("list imagenet-unsafe", 2836, "transfer from imagenet-21k")));
    assertEquals(2839, t.examples());
    assertEquals(3, t.reviews());
  }

  @Test
  void theQueueSimulationOnAKnownAnswer() {
    // Truth: slurword and kid. Static order finds both in the first 2; label order finds kid 5th and slurword 7th.
    QueueEvaluation e = searcher.evalQueue("fixture", null, Set.of("slurword", "kid"), List.of(1, 2, 5, 7, 8));
    assertEquals(8, e.pool());
    assertEquals(2, e.unsafe());
    assertEquals(Map.of("1", 1, "2", 2, "5", 2, "7", 2, "8", 2), e.staticOrder());
    assertEquals(Map.of("1", 0, "2", 0, "5", 1, "7", 2, "8", 2), e.alphabetical());
    assertEquals(1.0, e.aucStatic());
    assertEquals(1, e.found().get("1")); // the first suggestion has no decision to learn from: the prior's best
    assertEquals(2, e.found().get("8"));
  }
}
