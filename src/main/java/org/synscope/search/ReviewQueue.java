package org.synscope.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.LeafReaderContext;
import org.synscope.audit.AuditStore;
import org.synscope.audit.FlagList;
import org.synscope.audit.Review;
import org.synscope.audit.ReviewStatus;
import org.synscope.risk.LearningRanker;
import org.synscope.wordnet.HypernymPaths;

/**
 * Ranks a dataset's unreviewed categories for review. The model learns from every decision recorded
 * (in any dataset: a decision is about a synset and its features, wherever it was made) and from
 * imported lists of other datasets (members unsafe, the other categories of that dataset under the
 * members' deepest common ancestor safe: the list judged that subtree), with the documented risk score
 * as its prior. Every fourth place of a page comes from the static risk order (the prior lane): a
 * model that learns only from decisions learns their blind spots. Categories the static order cannot
 * tell apart (the same evidence, so the same risk) go by the model there: label order would be no
 * opinion at all.
 */
final class ReviewQueue {
  /** Every {@value}-th suggestion comes from the static risk order. */
  static final int PRIOR_EVERY = 4;

  private final AuditStore audit;
  private final HypernymPaths paths;

  ReviewQueue(AuditStore audit, HypernymPaths paths) {
    this.audit = audit;
    this.paths = paths;
  }

  /** One ranked suggestion: its position in the dataset's features, its score and its lane. */
  record Ranked(int index, double score, String lane) {}

  /** The training set: decisions and list memberships, and where they came from. */
  record Training(List<LearningRanker.Example> examples, List<QueueResult.Source> sources) {}

  /** The decisions to learn from for a queue of {@code dataset}. */
  Training training(IndexSnapshot s, Overlay o, String dataset) {
    List<LearningRanker.Example> examples = new ArrayList<>();
    List<QueueResult.Source> sources = new ArrayList<>();
    Map<String, Integer> perDataset = new LinkedHashMap<>();
    if (audit != null) {
      for (Review r : audit.journal().latest().values()) {
        Boolean unsafe = unsafe(r.status());
        if (unsafe == null || !s.meta.datasets().containsKey(r.dataset())) {
          continue;
        }
        QueueFeatures f = QueueFeatures.of(s, r.dataset());
        int i = f.indexOf(r.category());
        if (i >= 0) {
          examples.add(new LearningRanker.Example(vector(s, o, f, i), risk(s, o, f.docs[i]), unsafe));
          perDataset.merge(r.dataset(), 1, Integer::sum);
        }
      }
    }
    perDataset.forEach((d, n) -> sources.add(new QueueResult.Source(QueueResult.REVIEWS_OF + d, n,
        d.equals(dataset) ? "this dataset's decisions" : "transfer from " + d)));
    for (FlagList list : o.lists().values()) {
      if (list.dataset() == null || list.dataset().equals(dataset) || !s.meta.datasets().containsKey(list.dataset())
          || !(list.offensive() || list.kind().equals("sensitive"))) {
        continue;
      }
      int n = addList(s, o, list, examples);
      if (n > 0) {
        sources.add(new QueueResult.Source("list " + list.name(), n, "transfer from " + list.dataset()
            + ": its members unsafe, the rest of what it judged safe"));
      }
    }
    return new Training(examples, sources);
  }

  private int addList(IndexSnapshot s, Overlay o, FlagList list, List<LearningRanker.Example> examples) {
    QueueFeatures f = QueueFeatures.of(s, list.dataset());
    boolean[] member = new boolean[f.docs.length];
    Set<String> common = null;
    for (int i = 0; i < f.docs.length; i++) {
      LeafReaderContext leaf = s.leaf(f.docs[i]);
      member[i] = o.listsOf(leaf.ord, f.docs[i] - leaf.docBase).contains(list.name());
      if (member[i] && f.synsets[i] != null) {
        Set<String> a = paths.ancestors(f.synsets[i]);
        if (common == null) {
          common = new HashSet<>(a);
        } else {
          common.retainAll(a);
        }
      }
    }
    if (common == null || common.isEmpty()) {
      return 0;
    }
    // The most specific common ancestor: the one with the most ancestors of its own (person.n.01, not
    // organism.n.01, although person's shortest path to the root is the shorter one).
    String judged = common.stream().max(Comparator.comparingInt((String a) -> paths.ancestors(a).size())).orElseThrow();
    int n = 0;
    for (int i = 0; i < f.docs.length; i++) {
      if (f.synsets[i] != null && paths.ancestors(f.synsets[i]).contains(judged)) {
        examples.add(new LearningRanker.Example(vector(s, o, f, i), risk(s, o, f.docs[i]), member[i]));
        n++;
      }
    }
    return n;
  }

  /** offensive and sensitive are what an audit acts on; safe is the counter-example; others teach nothing. */
  static Boolean unsafe(ReviewStatus status) {
    return switch (status) {
      case OFFENSIVE, SENSITIVE -> true;
      case SAFE -> false;
      default -> null;
    };
  }

  /** The unreviewed categories of the pool ranked, {@code size} of them, lanes interleaved. */
  List<Ranked> rank(IndexSnapshot s, Overlay o, QueueFeatures f, List<Integer> pool, LearningRanker model, int size) {
    double[] p = new double[f.docs.length];
    double[] prior = new double[f.docs.length];
    for (int i : pool) {
      prior[i] = risk(s, o, f.docs[i]);
      p[i] = model.logOdds(vector(s, o, f, i), prior[i]);
    }
    List<Integer> byModel = new ArrayList<>(pool);
    byModel.sort(order(false, prior, p, f));
    List<Integer> byPrior = new ArrayList<>(pool);
    byPrior.sort(order(true, prior, p, f));
    List<Ranked> out = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    int m = 0;
    int q = 0;
    while (out.size() < size && taken.size() < pool.size()) {
      boolean priorLane = priorLane(model, out.size());
      List<Integer> lane = priorLane ? byPrior : byModel;
      int k = priorLane ? q : m;
      while (k < lane.size() && taken.contains(lane.get(k))) {
        k++;
      }
      if (k >= lane.size()) {
        priorLane = !priorLane; // one lane is exhausted: the other fills the page
        lane = priorLane ? byPrior : byModel;
        k = priorLane ? q : m;
        while (k < lane.size() && taken.contains(lane.get(k))) {
          k++;
        }
      }
      int i = lane.get(k);
      taken.add(i);
      out.add(new Ranked(i, 1 / (1 + Math.exp(-p[i])), priorLane ? "prior" : "model"));
      if (priorLane) {
        q = k + 1;
      } else {
        m = k + 1;
      }
    }
    return out;
  }

  /**
   * Whether place {@code position} (from 0) of the queue comes from the prior lane: every fourth, and
   * every place before the first decision.
   */
  static boolean priorLane(LearningRanker model, int position) {
    return model.trainedOn() == 0 || position % PRIOR_EVERY == PRIOR_EVERY - 1;
  }

  /**
   * A lane's order, best first: the static risk, among equal risks the model's log-odds ({@code model}); or
   * the model's log-odds alone; then {@link QueueFeatures#amongEquals}.
   */
  static Comparator<Integer> order(boolean priorLane, double[] prior, double[] model, QueueFeatures f) {
    Comparator<Integer> byModel = Comparator.comparingDouble(i -> -model[i]);
    return (priorLane ? Comparator.<Integer>comparingDouble(i -> -prior[i]).thenComparing(byModel) : byModel)
        .thenComparing(f.amongEquals());
  }

  /**
   * A category's features with the signals that mark it, on its primary sense or on another sense of its
   * word that is not a rare one: the risk score weighs the two alike, and so does the model.
   */
  static int[] vector(IndexSnapshot s, Overlay o, QueueFeatures f, int i) {
    LeafReaderContext leaf = s.leaf(f.docs[i]);
    List<String> signals = new ArrayList<>(o.signalsOf(leaf.ord, f.docs[i] - leaf.docBase));
    signals.addAll(o.otherSignalsOf(leaf.ord, f.docs[i] - leaf.docBase));
    if (signals.isEmpty()) {
      return f.features[i];
    }
    int[] out = java.util.Arrays.copyOf(f.features[i], f.features[i].length + signals.size());
    for (int k = 0; k < signals.size(); k++) {
      out[f.features[i].length + k] = LearningRanker.feature("s:" + signals.get(k));
    }
    return out;
  }

  static double risk(IndexSnapshot s, Overlay o, int global) {
    LeafReaderContext leaf = s.leaf(global);
    return o.risk(leaf.ord, global - leaf.docBase);
  }

  /** The risk without imported lists (an evaluation's prior: a list of the dataset may be its answers). */
  static double baseRisk(IndexSnapshot s, Overlay o, int global) {
    LeafReaderContext leaf = s.leaf(global);
    return o.baseRisk(leaf.ord, global - leaf.docBase);
  }

  /**
   * Simulates an auditor who answers every suggestion from a truth list: after each answer the model
   * retrains and re-ranks, and every fourth answer goes to the prior lane, as on the queue page.
   *
   * @return how many unsafe categories were found after each number of reviews in {@code at}
   */
  static Map<Integer, Integer> simulate(IndexSnapshot s, Overlay o, QueueFeatures f, List<Integer> pool,
      Predicate<Integer> truth, List<LearningRanker.Example> transfer, List<Integer> at) {
    int last = at.stream().mapToInt(Integer::intValue).max().orElse(0);
    List<LearningRanker.Example> examples = new ArrayList<>(transfer);
    Set<Integer> left = new java.util.LinkedHashSet<>(pool);
    Map<Integer, Integer> found = new LinkedHashMap<>();
    int hits = 0;
    double[] prior = new double[f.docs.length];
    int[][] vectors = new int[f.docs.length][];
    for (int i : pool) {
      prior[i] = baseRisk(s, o, f.docs[i]);
      vectors[i] = vector(s, o, f, i);
    }
    double[] odds = new double[f.docs.length];
    LearningRanker model = null;
    for (int step = 1; step <= last && !left.isEmpty(); step++) {
      model = LearningRanker.train(examples, model); // the last fit is where this one's search starts
      for (int c : left) {
        odds[c] = model.logOdds(vectors[c], prior[c]);
      }
      // The lane of this place on the queue page, and the best of the rest in its order.
      int i = java.util.Collections.min(left, order(priorLane(model, step - 1), prior, odds, f));
      boolean unsafe = truth.test(i);
      hits += unsafe ? 1 : 0;
      left.remove(i);
      examples.add(new LearningRanker.Example(vectors[i], prior[i], unsafe));
      if (at.contains(step)) {
        found.put(step, hits);
      }
    }
    for (int n : at) {
      found.putIfAbsent(n, hits);
    }
    return found;
  }
}
