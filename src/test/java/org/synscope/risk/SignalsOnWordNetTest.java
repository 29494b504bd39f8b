package org.synscope.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synscope.Fixtures;
import org.synscope.index.CategoryEnricher;
import org.synscope.index.DatasetIndexer;
import org.synscope.index.IndexCatalog;
import org.synscope.index.ProgressListener;
import org.synscope.search.Hit;
import org.synscope.search.LabelSearcher;
import org.synscope.wordnet.SensePolicy;

/** The built-in signals on WordNet 3.0: each marks what its definition implies, and nothing else here. */
class SignalsOnWordNetTest {
  @TempDir
  static Path dir;
  static LabelSearcher searcher;

  @BeforeAll
  static void index() {
    IndexCatalog catalog = Fixtures.importFirstSense(dir.resolve("index"), Fixtures.wordNet30(), "words",
        Fixtures.write(dir.resolve("words.txt"), "molester\npedophile\nrape_suspect\nchild_molester\ncoolie\nwhore\n"
            + "dog\nengineer\nteapot\ncunt\nsuit\n"));
    searcher = LabelSearcher.open(catalog, Fixtures.wordNet30(), 5_000);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  static Hit hit(String label) {
    return searcher.category("words", label).hit();
  }

  @Test
  void theBuiltInDefinitionsLoadStrictlyOnWordNet30() {
    // The built-in file names only WordNet 3.0 synsets that exist (a user's file is always read strictly).
    String text;
    try (var in = SignalDefinitions.class.getResourceAsStream(SignalDefinitions.BUILT_IN)) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    List<Signal> strict = SignalDefinitions.parse("built-in", text, Fixtures.wordNet30(), true);
    assertEquals(List.of("ethnicity", "nationality", "religion", "gender", "sexuality", "age", "disability", "health",
        "criminality", "socio-economic", "politics", "pejorative", "stigmatised-occupation"),
        strict.stream().map(Signal::name).toList());
    assertEquals(strict.stream().map(Signal::name).toList(), List.copyOf(searcher.signals().keySet()));
  }

  @Test
  void eachSignalMarksWhatItsDefinitionImplies() {
    for (String crime : List.of("molester", "rape_suspect", "child_molester")) {
      assertTrue(hit(crime).signals().containsAll(List.of("criminality", "sexuality")), crime + " " + hit(crime).signals());
    }
    assertTrue(hit("pedophile").signals().contains("sexuality"), hit("pedophile").signals().toString());
    assertTrue(hit("coolie").signals().containsAll(List.of("ethnicity", "socio-economic")), hit("coolie").signals().toString());
    assertTrue(hit("whore").signals().containsAll(List.of("sexuality", "stigmatised-occupation")),
        hit("whore").signals().toString());
    for (String plain : List.of("dog", "engineer", "teapot")) {
      assertEquals(List.of(), hit(plain).signals(), plain);
    }
    assertEquals(Map.of("molester", "high", "engineer", "low", "dog", "low"),
        Map.of("molester", hit("molester").risk(), "engineer", hit("engineer").risk(), "dog", hit("dog").risk()));
  }

  @Test
  void aLabelIsItsWordInEverySenseThatIsNotARareOne() {
    // cunt's first sense (a disliked person) is unmarked; its second, as likely (no counts), is "obscene terms for
    // female genitals": the label is masked and the word counts 0.9 beside its two signals and the person flag.
    Hit cunt = hit("cunt");
    assertEquals("cunt.n.01", cunt.name());
    assertTrue(cunt.sensitive());
    double noisyOr = 1 - (1 - 0.9) * (1 - 0.45) * (1 - 0.45) * (1 - 0.1); // 0.972775, shown to three places
    assertEquals(Math.round(noisyOr * 1000) / 1000.0, cunt.riskScore());
    // suit's businessman sense (disparagement) is one WordNet's tagged texts never use: not the word's mark,
    // only an offensive mark on another sense (0.4, medium).
    Hit suit = hit("suit");
    assertEquals(false, suit.sensitive());
    assertEquals(0.4, suit.riskScore());
    assertEquals("medium", suit.risk());
  }
}
