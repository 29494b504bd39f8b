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
            + "dog\nengineer\nteapot\ncunt\nsuit\nbitch\nlee\nwidow\nredhead\ncarpenter\n"));
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
        "criminality", "socio-economic", "politics", "pejorative", "stigmatised-occupation",
        "marital-status", "appearance"),
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
  void maritalStatusAndAppearanceAreSignalsOfTheirOwn() {
    // widow.n.01, "a woman whose husband is dead", is under woman.n.01 (gender) and is an anchor of marital-status:
    // two signals and the person flag, 1 - 0.55 * 0.55 * 0.9 = 0.72775, high. redhead.n.01, "someone who has red
    // hair", is an anchor of appearance: 1 - 0.55 * 0.9 = 0.505, medium.
    assertEquals(List.of("gender", "marital-status"), hit("widow").signals());
    assertEquals(0.728, hit("widow").riskScore());
    assertEquals("high", hit("widow").risk());
    assertEquals(List.of("appearance"), hit("redhead").signals());
    assertEquals(0.505, hit("redhead").riskScore());
  }

  @Test
  void aPersonNamedByAnOccupationWeighsHalfAsMuch() {
    // engineer.n.01 is an anchor of the occupations (ISCO-08 214); carpenter.n.01 is under worker.n.01 (through
    // woodworker.n.01 and craftsman.n.03). Each is a person and nothing else: the person flag weighs 0.05, not 0.1.
    for (String job : List.of("engineer", "carpenter")) {
      assertEquals(List.of("person", "occupation"), hit(job).primaryFlags(), job);
      assertEquals(0.05, hit(job).riskScore(), job);
      assertEquals("low", hit(job).risk(), job);
    }
    // A person who is not named by work keeps 0.1 beside its signals: molester.n.01 (under wrongdoer.n.01) is
    // criminality, sexuality and pejorative, 1 - 0.55^3 * 0.9 = 0.8503.
    assertTrue(!hit("molester").primaryFlags().contains("occupation"));
    assertEquals(0.85, hit("molester").riskScore());
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

  @Test
  void signalsReadTheOtherSensesOfTheWordThatAreNotRareOnes() {
    // bitch is bitch.n.01 first, "an unpleasant difficulty" (slang); its four senses have no counts, so
    // each is an even share, and its second, cunt.n.01 ("a person (usually but not necessarily a woman)
    // who is thoroughly disliked"), is under unwelcome_person.n.01 and its gloss says 'woman'.
    Hit bitch = hit("bitch");
    assertEquals(List.of(), bitch.signals());
    assertEquals(List.of("gender", "pejorative"), bitch.otherSignals());
    double noisyOr = 1 - (1 - 0.15) * (1 - 0.45) * (1 - 0.45); // slang, and the two signals: 0.742875
    assertEquals(Math.round(noisyOr * 1000) / 1000.0, bitch.riskScore());
    assertEquals("high", bitch.risk());
    List<String> because = searcher.category("words", "bitch").risk().because().stream()
        .map(e -> e.what() + " " + e.weight()).toList();
    assertEquals(List.of("slang: WordNet usage domain 'slang' on the synset bitch.n.01 0.15",
        "signal Sex, gender identity and maternity: on another sense of the word, cunt.n.01 (sense 2), gloss says 'woman' 0.45",
        "signal Pejoratives and judgements of character: on another sense of the word, cunt.n.01 (sense 2), under"
            + " unwelcome_person.n.01 (\"not wanted or welcome\" (unpleasant person, troublemaker, villain, meddler ...)) 0.45"),
        because);
    // A named individual is no picture the word likely holds: lee's people are all instances (Robert E. Lee, ...).
    assertEquals(List.of(), hit("lee").otherSignals());
    // A rare sense does not count: dog's frump.n.01, "a dull unattractive unpleasant girl or woman", scores 0.020
    // of seven senses beside the animal's 0.878.
    assertEquals(List.of(), hit("dog").otherSignals());
  }
}
