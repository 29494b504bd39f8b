package org.synscope.index;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.synscope.config.BadInput;
import org.synscope.dataset.CategoryKeys;
import org.synscope.dataset.DatasetException;
import org.synscope.dataset.DatasetReader;
import org.synscope.dataset.Format;
import org.synscope.dataset.LabelRecord;
import org.synscope.dataset.LineProblem;
import org.synscope.dataset.SenseHints;
import org.synscope.dataset.SenseOverrides;
import org.synscope.flags.BuiltInFlags;
import org.synscope.flags.Flag;
import org.synscope.wordnet.LemmaMatch;
import org.synscope.wordnet.MappingStatus;
import org.synscope.wordnet.NounSynset;
import org.synscope.wordnet.SenseDisambiguator;
import org.synscope.wordnet.SenseMapping;
import org.synscope.wordnet.SensePolicy;

/**
 * Imports a dataset: read the list, enrich every row with WordNet, write a new Lucene index aside,
 * commit it, then publish it in meta.json. Bad lines fail the import (nothing is published) unless
 * they are to be skipped; the previous build of the dataset stays readable throughout.
 */
public final class DatasetIndexer {
  private static final Pattern DATASET_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  private static final int REJECTED_KEPT = 200;

  private final IndexCatalog catalog;
  private final CategoryEnricher enricher;
  private final Workers workers;

  public DatasetIndexer(IndexCatalog catalog, CategoryEnricher enricher) {
    this(catalog, enricher, Workers.onAllCores());
  }

  DatasetIndexer(IndexCatalog catalog, CategoryEnricher enricher, Workers workers) {
    this.catalog = catalog;
    this.enricher = enricher;
    this.workers = workers;
  }

  /**
   * What to import.
   *
   * @param dataset the dataset name
   * @param file the label list
   * @param format its format, or {@code null} to guess
   * @param skipBadLines skip (and list) rejected lines instead of failing
   * @param senses a sense-override file, or {@code null}
   * @param policy how ambiguous labels get their primary sense, or {@code null} for the format's default
   *     ({@code first} for tiny-images lists, taken from WordNet itself; {@code dataset} otherwise)
   * @param context synsets (ids or names) the whole list is known to lie under ({@code --context})
   * @param hints a JSON file of label groups ({@code --hints}), or {@code null}
   * @param corrections auditors' recorded sense corrections by category key: they pin the primary
   *     sense like a {@code --senses} line and win over one (they are the later decision)
   */
  public record Request(String dataset, Path file, Format format, boolean skipBadLines, Path senses, SensePolicy policy,
      List<String> context, Path hints, Map<String, SenseOverrides.Pin> corrections) {
    public Request {
      checkName(dataset);
      context = context == null ? List.of() : List.copyOf(context);
      corrections = corrections == null ? Map.of() : Map.copyOf(corrections);
    }

    public Request(String dataset, Path file, Format format, boolean skipBadLines, Path senses, SensePolicy policy,
        List<String> context, Path hints) {
      this(dataset, file, format, skipBadLines, senses, policy, context, hints, Map.of());
    }

    public Request(String dataset, Path file, Format format, boolean skipBadLines, Path senses) {
      this(dataset, file, format, skipBadLines, senses, null, List.of(), null, Map.of());
    }
  }

  /** The sense policy a format gets when none is asked for. */
  public static SensePolicy defaultPolicy(Format format) {
    return format == Format.TINY_IMAGES || format == Format.WNIDS ? SensePolicy.FIRST : SensePolicy.DATASET;
  }

  /** Imports a label list file. */
  public ImportReport index(Request request, ProgressListener progress) {
    long started = System.nanoTime();
    DatasetReader.Result read = DatasetReader.read(request.file(), request.format());
    Map<String, SenseOverrides.Pin> pins = new LinkedHashMap<>(request.senses() == null ? Map.of()
        : SenseOverrides.read(request.senses()));
    pins.putAll(request.corrections());
    List<LineProblem> badPins = new ArrayList<>();
    for (SenseOverrides.Pin pin : pins.values()) {
      if (enricher.lexicon().synset(pin.wnid()).isEmpty()) {
        badPins.add(new LineProblem(pin.file(), pin.line(), pin.wnid() + " is not a noun synset of WordNet "
            + enricher.lexicon().version()));
      }
    }
    Set<String> context = new LinkedHashSet<>();
    for (String c : request.context()) {
      NounSynset s = enricher.lexicon().resolve(c).orElse(null);
      if (s == null) { // an option, not a line of a file: a usage error
        throw new org.synscope.config.BadInput("--context: '" + c + "' is not a noun synset id or name of WordNet "
            + enricher.lexicon().version() + " (use an id such as n02084071 or a name such as dog.n.01)");
      }
      context.add(s.id());
    }
    if (!badPins.isEmpty()) {
      throw new DatasetException(badPins); // an auditor's pins are never skipped silently
    }
    SenseHints hints = request.hints() == null ? SenseHints.none() : SenseHints.read(request.hints());
    SensePolicy policy = request.policy() != null ? request.policy() : defaultPolicy(read.format());
    List<LineProblem> problems = new ArrayList<>(read.problems());
    List<String> pinNotes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<Category> categories = enrich(request.dataset(), request.file().toString(), read.records(), pins,
        new Senses(policy, hints, context), problems, pinNotes, progress);
    Set<String> labelled = new HashSet<>(read.records().stream().map(CategoryKeys::of).toList());
    pins.forEach((key, pin) -> {
      if (!labelled.contains(key)) {
        warnings.add(request.corrections().containsKey(key)
            ? "the correction of '" + pin.label() + "' " + pin.source() + " matches no label of the list (it stays recorded)"
            : pin.file() + ":" + pin.line() + ": pin for '" + pin.label() + "' matches no label of the list");
      }
    });
    warnings.addAll(namesAgainstIds(request.file().toString(), read.records(), categories));
    List<String> strays = hints.labels().keySet().stream().filter(k -> !labelled.contains(k)).sorted().toList();
    if (!strays.isEmpty()) { // the wrong dataset's hints, or a list without some of its classes
      String some = String.join(", ", strays.subList(0, Math.min(5, strays.size()))) + (strays.size() > 5 ? ", ..." : "");
      warnings.add(request.hints() + ": " + (strays.size() == hints.labels().size()
          ? "none of its " + strays.size() + " labels is a label of the list (" + some + "): is it this list's file?"
          : String.format(java.util.Locale.ROOT, "%,d of its %,d labels %s no label of the list (%s)", strays.size(),
              hints.labels().size(), strays.size() == 1 ? "is" : "are", some)));
    }
    problems.sort(LineProblem.IN_FILE_ORDER);
    if (categories.isEmpty() || (!problems.isEmpty() && !request.skipBadLines())) {
      if (problems.isEmpty()) {
        throw new DatasetException(new LineProblem(request.file().toString(), 0, "no category left to index"));
      }
      // Skipping the bad lines would help when it was not asked for and some category is left.
      throw new DatasetException(problems, DatasetException.IMPORT, !request.skipBadLines() && !categories.isEmpty());
    }
    DatasetMeta meta = write(request.dataset(), request.file().toAbsolutePath().normalize().toString(), read.format().key(),
        read.sha256(), categories, problems, pins.size(), policy, started, progress);
    return new ImportReport(meta, read.guessed(), List.copyOf(problems), pinNotes, warnings, unmapped(categories));
  }

  /** Imports rows that do not come from a file (the embedded WordNet default). */
  public ImportReport index(String dataset, String source, List<LabelRecord> rows, ProgressListener progress) {
    return index(dataset, source, "wnids", rows, progress);
  }

  /** Imports rows made by another import ({@code format} names it, e.g. the labels of an image import). */
  public ImportReport index(String dataset, String source, String format, List<LabelRecord> rows,
      ProgressListener progress) {
    checkName(dataset);
    long started = System.nanoTime();
    List<LineProblem> problems = new ArrayList<>();
    List<Category> categories = enrich(dataset, source, rows, Map.of(),
        new Senses(SensePolicy.FIRST, SenseHints.none(), Set.of()), problems, new ArrayList<>(), progress);
    if (!problems.isEmpty()) {
      throw new DatasetException(problems);
    }
    DatasetMeta meta = write(dataset, source, format, "", categories, problems, 0, SensePolicy.FIRST, started,
        progress);
    return new ImportReport(meta, false, List.of(), List.of(), List.of(), unmapped(categories));
  }

  /** Each unmapped category as {@code 'police office' (line 5); try office.n.01 (head noun of ...)}. */
  private static List<String> unmapped(List<Category> categories) {
    List<String> out = new ArrayList<>();
    for (Category c : categories) {
      if (c.mapping().status() == MappingStatus.UNMAPPED) {
        String tries = c.mapping().suggestions().stream().map(s -> s.name() + " " + s.id() + " (" + s.why() + ")")
            .collect(java.util.stream.Collectors.joining(", "));
        out.add("'" + c.label() + "' (line " + c.line() + ")" + (tries.isEmpty() ? ": no suggestion" : "; try " + tries));
      }
    }
    return out;
  }

  /** How the senses of an import are chosen: the policy, the label groups and the whole list's context. */
  private record Senses(SensePolicy policy, SenseHints hints, Set<String> context) {}

  private List<Category> enrich(String dataset, String sourceName, List<LabelRecord> rows, Map<String, SenseOverrides.Pin> pins,
      Senses senses, List<LineProblem> problems, List<String> pinNotes, ProgressListener progress) {
    progress.start("mapping to WordNet " + enricher.lexicon().version(), rows.size());
    // Each row's candidate senses, on every core; a bad row is a problem of its line, not a failure.
    List<Mapped> mapped = workers.map(rows, row -> {
      SenseOverrides.Pin pin = row.label() == null ? null : pins.get(CategoryKeys.ofLabel(row.label()));
      String pinned = pin != null && enricher.lexicon().synset(pin.wnid()).isPresent() ? pin.wnid() : null;
      try {
        return new Mapped(enricher.map(row, pinned, pin == null ? "" : pin.source()), null);
      } catch (IllegalArgumentException e) {
        return new Mapped(null, e);
      }
    }, progress);
    progress.finish();
    List<LabelRecord> kept = new ArrayList<>(rows.size());
    List<SenseDisambiguator.Item> items = new ArrayList<>(rows.size());
    Map<String, Set<String>> groupSynsets = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      LabelRecord row = rows.get(i);
      Mapped m = mapped.get(i);
      try {
        if (m.problem() != null) {
          throw m.problem();
        }
        String group = senses.hints().group(row);
        Set<String> named = group == null ? Set.of() : groupSynsets.computeIfAbsent(group, enricher::hintSynsets);
        kept.add(row);
        items.add(new SenseDisambiguator.Item(enricher.inGroup(row, m.mapping(), group, named), group, named,
            senses.context(), row.label()));
      } catch (IllegalArgumentException e) {
        problems.add(new LineProblem(sourceName, row.line(), e.getMessage()));
      }
    }
    List<SenseMapping> chosen = enricher.choose(items, senses.policy());
    List<Integer> order = IntStream.range(0, kept.size()).boxed().toList();
    List<Category> out = workers.map(order, i -> enricher.build(dataset, kept.get(i), chosen.get(i)),
        ProgressListener.NONE);
    for (int i = 0; i < kept.size(); i++) {
      LabelRecord row = kept.get(i);
      Category c = out.get(i);
      SenseOverrides.Pin pin = row.label() == null ? null : pins.get(CategoryKeys.ofLabel(row.label()));
      if (pin != null && c.mapping().status() == MappingStatus.OVERRIDDEN) {
        pinNotes.add("'" + row.label() + "' (line " + row.line() + ") pinned to " + pin.wnid() + " "
            + c.mapping().primary().map(NounSynset::name).orElse("") + " " + pin.source());
      }
    }
    return out;
  }

  /** A row's candidate senses, or why the row is rejected. */
  private record Mapped(SenseMapping mapping, IllegalArgumentException problem) {}

  private DatasetMeta write(String dataset, String source, String format, String sha256, List<Category> categories,
      List<LineProblem> problems, int overrides, SensePolicy policy, long started, ProgressListener progress) {
    Map<String, String> kinds = columnKinds(categories);
    try (IndexCatalog.ImportLock lock = catalog.lock()) {
      catalog.meta().ifPresent(meta -> {
        if (!meta.datasets().isEmpty() && !meta.wordnet().equals(enricher.lexicon().version())) {
          throw new IndexException("the index at " + catalog.root() + " holds WordNet " + meta.wordnet()
              + " datasets and one index holds one WordNet version; use --wordnet " + meta.wordnet()
              + " or a separate --index directory for WordNet " + enricher.lexicon().version());
        }
        checkColumnKinds(dataset, kinds, meta);
      });
      catalog.collectGarbage(lock);
      Path dir = catalog.newBuild(dataset);
      try {
        new BuildWriter(workers).write(dir, categories, progress);
        DatasetMeta meta = summarise(dataset, catalog.root().relativize(dir).toString(), source, format, sha256,
            categories, kinds, problems, overrides, policy, started);
        catalog.publish(lock, meta);
        return meta;
      } catch (RuntimeException | Error e) {
        IndexCatalog.deleteQuietly(dir);
        throw e;
      }
    }
  }

  /**
   * A metadata column is one kind (numbers or text) across an index: a query of {@code meta.class_ind:5}
   * runs over every dataset, and a text column of that name in another dataset made it fail with Lucene's
   * "unexpected docvalues type" or match nothing.
   */
  private static void checkColumnKinds(String dataset, Map<String, String> kinds, IndexMeta meta) {
    for (DatasetMeta other : meta.sorted().values()) {
      if (other.name().equals(dataset)) {
        continue;
      }
      other.metadataColumns().forEach((column, kind) -> {
        String mine = kinds.get(column);
        if (mine != null && !mine.equals(kind)) {
          throw new IndexException("metadata column '" + column + "' holds " + words(kind) + " in dataset '"
              + other.name() + "' and " + words(mine) + " here; one column name is one kind across an index: rename"
              + " the column in this file, or import it into a separate --index directory");
        }
      });
    }
  }

  /** Each metadata column's kind as meta.json records it: {@code number} or {@code text}, by name. */
  private static Map<String, String> columnKinds(List<Category> categories) {
    Map<String, String> kinds = new TreeMap<>();
    categories.forEach(c -> c.metadata().forEach((k, v) -> kinds.put(k, v instanceof Number ? "number" : "text")));
    return kinds;
  }

  private static String words(String kind) {
    return kind.equals("number") ? "numbers" : "text";
  }

  private DatasetMeta summarise(String dataset, String directory, String source, String format, String sha256,
      List<Category> categories, Map<String, String> columnKinds, List<LineProblem> problems, int overrides,
      SensePolicy policy, long started) {
    Map<String, Long> mapping = new LinkedHashMap<>();
    for (MappingStatus s : MappingStatus.values()) {
      mapping.put(s.key(), 0L);
    }
    Map<String, Long> matches = new LinkedHashMap<>();
    for (LemmaMatch m : LemmaMatch.values()) {
      matches.put(m.key(), 0L);
    }
    Map<String, Long> certainty = new LinkedHashMap<>();
    certainty.put("confident", 0L);
    certainty.put("low", 0L);
    Map<String, Long> flags = new LinkedHashMap<>();
    long images = 0;
    boolean anyImages = false;
    for (Category c : categories) {
      mapping.merge(c.mapping().status().key(), 1L, Long::sum);
      if (c.mapping().match() != null) {
        matches.merge(c.mapping().match().key(), 1L, Long::sum);
      }
      if (c.mapping().certainty() != null) {
        certainty.merge(c.mapping().certainty(), 1L, Long::sum);
      }
      c.flags().stream().map(Flag::name).distinct().forEach(f -> flags.merge(f, 1L, Long::sum));
      if (c.images() != null) {
        images += c.images();
        anyImages = true;
      }
    }
    Map<String, Long> orderedFlags = new LinkedHashMap<>();
    BuiltInFlags.NAMES.forEach(f -> {
      if (flags.containsKey(f)) {
        orderedFlags.put(f, flags.get(f));
      }
    });
    flags.forEach(orderedFlags::putIfAbsent);
    List<String> rejected = problems.stream().limit(REJECTED_KEPT).map(LineProblem::toString).toList();
    return new DatasetMeta(dataset, directory, source, format, sha256, enricher.lexicon().version(), categories.size(),
        anyImages ? images : null, mapping, orderedFlags, problems.size(), rejected, overrides, columnKinds,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), (System.nanoTime() - started) / 1_000_000,
        policy.key(), matches, certainty);
  }

  static void checkName(String dataset) {
    if (dataset == null || !DATASET_NAME.matcher(dataset).matches()) {
      throw new BadInput("dataset name '" + dataset
          + "' must be lower-case letters, digits, '.', '_' or '-' (starting with a letter or digit, 64 at most)");
    }
  }

  /** Mismatches shown one by one before they are counted. */
  private static final int MISMATCHES_SHOWN = 5;

  /**
   * A warning for each row whose label is no name of the synset its wnid gives ({@code dog,n02121620} is
   * cat.n.01): the wnid decides, but one of the two is likely a typo. A label of several names
   * ({@code tench, Tinca tinca}) agrees when any of them is a name of the synset.
   */
  static List<String> namesAgainstIds(String file, List<LabelRecord> records, List<Category> categories) {
    Map<Integer, Category> byLine = new HashMap<>();
    categories.forEach(c -> byLine.put(c.line(), c));
    List<String> out = new ArrayList<>();
    int mismatched = 0;
    for (LabelRecord r : records) {
      Category c = r.label() == null || r.wnid() == null ? null : byLine.get(r.line());
      NounSynset s = c == null ? null : c.mapping().primary().orElse(null);
      if (s == null) {
        continue;
      }
      Set<String> names = org.synscope.wordnet.LabelNormalizer.names(s);
      boolean agrees = org.synscope.wordnet.LabelNormalizer.names(r.label()).stream().anyMatch(names::contains);
      if (!agrees && mismatched++ < MISMATCHES_SHOWN) {
        out.add(file + ":" + r.line() + ": the label '" + r.label() + "' is no name of " + r.wnid() + " " + s.name()
            + " (" + String.join(", ", s.lemmas()) + "); the wnid decides: is one of them a typo?");
      }
    }
    if (mismatched > MISMATCHES_SHOWN) {
      out.add(String.format(java.util.Locale.ROOT, "%s: ... and %,d more labels that are no name of their wnid's synset",
          file, mismatched - MISMATCHES_SHOWN));
    }
    return out;
  }
}
