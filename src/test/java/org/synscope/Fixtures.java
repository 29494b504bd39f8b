package org.synscope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.synscope.wordnet.DomainPointer;
import org.synscope.wordnet.HypernymPaths;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.NounSynset;
import org.synscope.wordnet.SenseDisambiguator;
import org.synscope.wordnet.SenseResolver;
import org.synscope.wordnet.WordNetVersion;

/**
 * Shared test fixtures: real WordNet 3.0 (loaded once per JVM) and a hand-made noun graph small
 * enough to compute every roll-up by hand.
 *
 * <pre>
 * entity.n.01 (n00000001)
 * +-- animal.n.01 (n00000002)
 * |   +-- canine.n.01 (n00000004)
 * |   |   +-- dog.n.01 (n00000006)        parents: canine AND pet (two paths)
 * |   |       +-- rex.n.01 (n00000010)    instance of dog
 * |   +-- pet.n.01 (n00000005)
 * |   |   +-- dog.n.01
 * |   |   +-- cat.n.01 (n00000007)
 * |   +-- kid.n.02 (n00000011)            young goat; second sense of "kid"
 * +-- person.n.01 (n00000003)
 *     +-- kid.n.01 (n00000009)            child; first sense of "kid"
 *     +-- slurword.n.01 (n00000008)       usage domain: ethnic slur (synset level)
 * </pre>
 */
public final class Fixtures {
  private static Lexicon wordNet30;
  private static HypernymPaths wordNet30Paths;
  private static SenseResolver wordNet30Resolver;
  private static SenseDisambiguator wordNet30Disambiguator;

  private Fixtures() {}

  /** Princeton WordNet 3.0, loaded once. */
  public static synchronized Lexicon wordNet30() {
    if (wordNet30 == null) {
      wordNet30 = Lexicon.wordNet(WordNetVersion.V3_0);
    }
    return wordNet30;
  }

  /*
   * What is derived from WordNet 3.0 is shared too: each of these caches what it has computed (paths,
   * the given names of WordNet's people, the lemmas by length, subtree sizes), and several of those
   * caches take a pass over all 82,115 nouns to fill. Being pure functions of the lexicon, they are
   * the same whichever test fills them first.
   */

  /** Hypernym paths over {@link #wordNet30()}, one memo for every test. */
  public static synchronized HypernymPaths wordNet30Paths() {
    if (wordNet30Paths == null) {
      wordNet30Paths = new HypernymPaths(wordNet30());
    }
    return wordNet30Paths;
  }

  /** The sense resolver (and label matcher) over {@link #wordNet30()}, one for every test. */
  public static synchronized SenseResolver wordNet30Resolver() {
    if (wordNet30Resolver == null) {
      wordNet30Resolver = new SenseResolver(wordNet30(), wordNet30Paths());
    }
    return wordNet30Resolver;
  }

  /** The sense disambiguator over {@link #wordNet30()}, one for every test. */
  public static synchronized SenseDisambiguator wordNet30Disambiguator() {
    if (wordNet30Disambiguator == null) {
      wordNet30Disambiguator = new SenseDisambiguator(wordNet30(), wordNet30Paths());
    }
    return wordNet30Disambiguator;
  }

  /** The hand-made graph above. */
  public static Lexicon handMade() {
    return Lexicon.of("fixture", List.of(
        synset("n00000001", "entity.n.01", List.of("entity"), "that which exists", List.of(), List.of(), List.of()),
        synset("n00000002", "animal.n.01", List.of("animal"), "a living organism", List.of("n00000001"), List.of(), List.of()),
        synset("n00000003", "person.n.01", List.of("person"), "a human being", List.of("n00000001"), List.of(), List.of()),
        synset("n00000004", "canine.n.01", List.of("canine"), "a dog-like mammal", List.of("n00000002"), List.of(), List.of()),
        synset("n00000005", "pet.n.01", List.of("pet"), "a domesticated animal kept for company", List.of("n00000002"),
            List.of(), List.of()),
        synset("n00000006", "dog.n.01", List.of("dog", "domestic dog"), "a member of the genus Canis",
            List.of("n00000004", "n00000005"), List.of(), List.of()),
        synset("n00000007", "cat.n.01", List.of("cat"), "a small domesticated feline", List.of("n00000005"), List.of(),
            List.of()),
        synset("n00000009", "kid.n.01", List.of("kid", "child"), "a young person", List.of("n00000003"), List.of(), List.of()),
        synset("n00000008", "slurword.n.01", List.of("slurword"), "offensive term for a made-up group",
            List.of("n00000003"), List.of(), List.of(new DomainPointer("usage", "n00000099", "ethnic slur", null))),
        synset("n00000010", "rex.n.01", List.of("rex"), "a famous dog", List.of(), List.of("n00000006"), List.of()),
        synset("n00000011", "kid.n.02", List.of("kid"), "young goat", List.of("n00000002"), List.of(), List.of())));
  }

  private static NounSynset synset(String id, String name, List<String> lemmas, String gloss, List<String> hypernyms,
      List<String> instanceOf, List<DomainPointer> domains) {
    return new NounSynset(id, name, lemmas, gloss, List.of(), "noun.fixture", hypernyms, instanceOf, domains);
  }

  /**
   * The label list that goes with {@link #handMade()}; every count in the tests is computed from it:
   * dog 100, domestic_dog 50, cat 30, rex 7, kid 20 (ambiguous: child first), unicorn 5 (unmapped),
   * canine 0, slurword 3.
   */
  public static Path handMadeLabels(Path dir) {
    return write(dir.resolve("hand-made.txt"), """
        dog\t100
        domestic_dog\t50
        cat\t30
        rex\t7
        kid\t20
        unicorn\t5
        canine\t0
        slurword\t3
        """);
  }

  /** Writes a text file (UTF-8). */
  public static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a directory tree (file modes and times kept) to a directory that does not exist yet. */
  public static void copyTree(Path from, Path to) {
    try (var all = Files.walk(from)) {
      for (Path source : all.toList()) {
        Files.copy(source, to.resolve(from.relativize(source).toString()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code ../shared/datasets/NAME}, which tests must skip without. */
  public static Path shared(String name) {
    return Path.of("..", "shared", "datasets", name);
  }

  /** Imports a label list as {@code dataset} under WordNet's first sense (what hand-derived counts assume). */
  public static org.synscope.index.IndexCatalog importFirstSense(Path indexDir, org.synscope.wordnet.Lexicon lexicon,
      String dataset, Path labels) {
    var catalog = new org.synscope.index.IndexCatalog(indexDir);
    new org.synscope.index.DatasetIndexer(catalog, new org.synscope.index.CategoryEnricher(lexicon)).index(
        new org.synscope.index.DatasetIndexer.Request(dataset, labels, null, false, null,
            org.synscope.wordnet.SensePolicy.FIRST, java.util.List.of(), null), org.synscope.index.ProgressListener.NONE);
    return catalog;
  }
}
