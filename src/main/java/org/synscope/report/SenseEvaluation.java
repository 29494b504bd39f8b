package org.synscope.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.synscope.config.BadInput;
import org.synscope.dataset.GoldSenses;
import org.synscope.search.Facet;
import org.synscope.search.Hit;
import org.synscope.search.LabelSearcher;
import org.synscope.search.SearchRequest;
import org.synscope.search.Selection;
import org.synscope.search.SortOrder;
import org.synscope.wordnet.HypernymPaths;
import org.synscope.wordnet.LabelMatcher;
import org.synscope.wordnet.Lexicon;
import org.synscope.wordnet.NounSynset;

/**
 * How well a dataset's primary senses agree with a gold set, beside WordNet's first sense of the same
 * labels (matched whole, as synscope matches them).
 *
 * @param gold the gold file
 * @param dataset the dataset scored
 * @param labels gold labels found in the dataset
 * @param missing gold labels the dataset does not hold
 * @param correct primary sense = gold
 * @param correctWithAlternatives primary sense = gold or an acceptable alternative
 * @param unmapped gold labels left unmapped
 * @param wrongUnderPerson primaries under person.n.01 whose gold is not
 * @param lowConfidence labels whose sense choice is low-confidence (margin, spelling, compound)
 * @param lowConfidenceWrong of those, how many are wrong (with alternatives)
 * @param confidentWrong wrong (with alternatives) although the choice counts as confident
 * @param firstSense the first-sense baseline: correct, correct with alternatives, wrongly under person
 * @param byStatus correct (with alternatives) / all, per mapping status
 * @param confusion every wrong label
 */
public record SenseEvaluation(String gold, String dataset, int labels, int missing, int correct,
    int correctWithAlternatives, int unmapped, int wrongUnderPerson, int lowConfidence, int lowConfidenceWrong,
    int confidentWrong, Baseline firstSense, Map<String, int[]> byStatus, List<Miss> confusion) {

  /** WordNet's first sense of each label. */
  public record Baseline(int correct, int correctWithAlternatives, int wrongUnderPerson) {}

  /** One wrong primary sense. */
  public record Miss(String label, String status, String sense, String chosen, String chosenName, String gold,
      String goldName) {}

  /** Scores a dataset against a gold set. */
  public static SenseEvaluation run(GoldSenses gold, String dataset, LabelSearcher searcher) {
    Map<String, Hit> hits = new LinkedHashMap<>();
    var selections = new java.util.EnumMap<Facet, Selection>(Facet.class);
    selections.put(Facet.DATASET, new Selection(Set.of(dataset), Set.of()));
    searcher.export(new SearchRequest("", null, selections, List.of(), SortOrder.LABEL, 1, SearchRequest.DEFAULT_SIZE),
        h -> hits.put(h.key(), h));
    if (hits.isEmpty()) {
      throw new BadInput("dataset '" + dataset + "' holds no category; import the gold labels first");
    }
    Lexicon lexicon = searcher.lexicon();
    HypernymPaths paths = new HypernymPaths(lexicon);
    LabelMatcher matcher = new LabelMatcher(lexicon, paths);
    String person = lexicon.resolve("person.n.01").map(NounSynset::id).orElse("");
    int labels = 0, missing = 0, correct = 0, withAlt = 0, unmapped = 0, person1 = 0, low = 0, lowWrong = 0,
        confidentWrong = 0, baseCorrect = 0, baseAlt = 0, basePerson = 0;
    Map<String, int[]> byStatus = new LinkedHashMap<>();
    List<Miss> misses = new ArrayList<>();
    for (Map.Entry<String, GoldSenses.Entry> e : gold.entries().entrySet()) {
      GoldSenses.Entry g = e.getValue();
      Hit h = hits.get(e.getKey());
      if (h == null) {
        missing++;
        continue;
      }
      labels++;
      boolean strict = g.wnid().equals(h.synset());
      boolean ok = strict || (h.synset() != null && g.alternatives().contains(h.synset()));
      boolean goldPerson = under(paths, g.wnid(), person);
      correct += strict ? 1 : 0;
      withAlt += ok ? 1 : 0;
      unmapped += h.synset() == null ? 1 : 0;
      if (!ok && h.synset() != null && !goldPerson && under(paths, h.synset(), person)) {
        person1++;
      }
      if ("low".equals(h.sense())) {
        low++;
        lowWrong += ok ? 0 : 1;
      } else if (!ok && h.synset() != null) {
        confidentWrong++;
      }
      int[] st = byStatus.computeIfAbsent(h.status(), k -> new int[2]);
      st[0] += ok ? 1 : 0;
      st[1]++;
      if (!ok) {
        misses.add(new Miss(g.label(), h.status(), h.sense(), h.synset(), h.name(), g.wnid(), name(lexicon, g.wnid())));
      }
      Optional<NounSynset> first = matcher.match(g.label()).primary();
      String f = first.map(NounSynset::id).orElse(null);
      boolean fStrict = g.wnid().equals(f);
      boolean fOk = fStrict || (f != null && g.alternatives().contains(f));
      baseCorrect += fStrict ? 1 : 0;
      baseAlt += fOk ? 1 : 0;
      if (!fOk && f != null && !goldPerson && under(paths, f, person)) {
        basePerson++;
      }
    }
    return new SenseEvaluation(gold.file(), dataset, labels, missing, correct, withAlt, unmapped, person1, low, lowWrong,
        confidentWrong, new Baseline(baseCorrect, baseAlt, basePerson), byStatus, misses);
  }

  private static boolean under(HypernymPaths paths, String id, String ancestor) {
    try {
      return paths.ancestors(id).contains(ancestor);
    } catch (IllegalArgumentException e) {
      return false; // a gold wnid that is no synset of this WordNet is under nothing
    }
  }

  private static String name(Lexicon lexicon, String id) {
    return lexicon.synset(id).map(NounSynset::name).orElse("(not a synset of WordNet " + lexicon.version() + ")");
  }

  /** Share of {@code n} in the labels scored, as a percentage. */
  public double percent(int n) {
    return labels == 0 ? 0 : 100.0 * n / labels;
  }
}
