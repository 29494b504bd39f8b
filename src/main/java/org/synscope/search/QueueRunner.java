package org.synscope.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.synscope.index.IndexException;
import org.synscope.risk.LearningRanker;

/** The review queue on a snapshot: what to review next, and its simulation against a truth list. */
final class QueueRunner {
  private final Snapshots snapshots;
  private final Nodes nodes;
  private final HitReader hits;

  QueueRunner(Snapshots snapshots, Nodes nodes, HitReader hits) {
    this.snapshots = snapshots;
    this.nodes = nodes;
    this.hits = hits;
  }

  /** The next categories of a dataset to review, best first. */
  QueueResult queue(QueueRequest request) {
    IndexSnapshot s = snapshots.take();
    try {
      requireDataset(s, request.dataset());
      String underId = nodes.under(request.under());
      Overlay overlay = snapshots.overlay(s);
      QueueFeatures f = QueueFeatures.of(s, request.dataset());
      ReviewQueue queue = new ReviewQueue(snapshots.audit(), nodes.paths);
      List<Integer> pool = pool(s, overlay, f, underId, true);
      ReviewQueue.Training training = queue.training(s, overlay, request.dataset());
      LearningRanker model = LearningRanker.train(training.examples());
      List<QueueResult.Item> items = new ArrayList<>();
      StoredFields stored = s.searcher.storedFields();
      for (ReviewQueue.Ranked r : queue.rank(s, overlay, f, pool, model, request.size())) {
        int global = f.docs[r.index()];
        LeafReaderContext leaf = s.leaf(global);
        Document doc = stored.document(global);
        Hit hit = hits.hit(s, overlay, global, Map.of());
        items.add(new QueueResult.Item(hit.dataset(), hit.key(), hit.label(), hit.synset(), hit.name(), hit.images(),
            Math.round(r.score() * 1000) / 1000.0, hit.risk(), hit.riskScore(), r.lane(),
            why(hit, model, QueueFeatures.names(leaf, global - leaf.docBase, doc), f), hit.sensitive(), null));
      }
      return new QueueResult(request.dataset(), items, QueueResult.TrainedOn.of(training.sources()), pool.size());
    } catch (IOException e) {
      throw new IndexException("cannot read the index: " + e.getMessage(), e);
    } finally {
      snapshots.give(s);
    }
  }

  /**
   * Why a category was suggested: its risk, its signals and flags, then what the decisions taught, among
   * the features fewer than half of the dataset's categories have (the others say nothing of this one).
   */
  private List<String> why(Hit hit, LearningRanker model, List<String> features, QueueFeatures f) {
    List<String> out = new ArrayList<>();
    out.add("risk " + hit.risk() + " (" + hit.riskScore() + ")");
    hit.signals().forEach(sig -> out.add("signal " + sig));
    hit.otherSignals().forEach(sig -> out.add("signal " + sig + " (another sense)"));
    hit.primaryFlags().stream().filter(fl -> !fl.equals("person") && !fl.equals("occupation"))
        .forEach(fl -> out.add("flag " + fl));
    if (model.trainedOn() > 0) {
      List<String> all = new ArrayList<>(features);
      hit.signals().forEach(sig -> all.add("s:" + sig));
      all.stream().distinct().filter(n -> model.weight(LearningRanker.feature(n)) > 0.05)
          .filter(n -> 2 * f.frequency(LearningRanker.feature(n)) < f.docs.length)
          .sorted(Comparator.comparingDouble(n -> -model.weight(LearningRanker.feature(n))))
          .limit(3).forEach(n -> out.add("learnt: " + QueueFeatures.describe(n, nodes.lexicon, hit.gloss(), hit.label()) + String.format(
              Locale.ROOT, " (+%.2f)", model.weight(LearningRanker.feature(n)))));
    }
    return out;
  }

  /** The positions of a dataset's categories under a synset (all when null), unreviewed ones only if asked. */
  private List<Integer> pool(IndexSnapshot s, Overlay overlay, QueueFeatures f, String underId, boolean unreviewed) {
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < f.docs.length; i++) {
      if (underId != null && (f.synsets[i] == null || !nodes.paths.ancestors(f.synsets[i]).contains(underId))) {
        continue;
      }
      if (unreviewed) {
        LeafReaderContext leaf = s.leaf(f.docs[i]);
        if (!overlay.reviewKey(leaf.ord, f.docs[i] - leaf.docBase).equals(Overlay.UNREVIEWED)) {
          continue;
        }
      }
      pool.add(i);
    }
    return pool;
  }

  /**
   * Simulates the review queue against a truth list (wnids or normalised labels of the unsafe
   * categories), over the dataset or the part of it under {@code poolSynset} (may be null).
   */
  QueueEvaluation evaluate(String dataset, String poolSynset, Set<String> truth, List<Integer> at) {
    IndexSnapshot s = snapshots.take();
    try {
      requireDataset(s, dataset);
      String underId = nodes.under(poolSynset);
      Overlay overlay = snapshots.overlay(s);
      QueueFeatures f = QueueFeatures.of(s, dataset);
      List<Integer> pool = pool(s, overlay, f, underId, false);
      Predicate<Integer> unsafe = i -> (f.synsets[i] != null && truth.contains(f.synsets[i])) || truth.contains(f.keys[i]);
      // Decisions from other datasets and their lists transfer; this dataset's own reviews do not (they are the answers).
      ReviewQueue.Training training = new ReviewQueue(null, nodes.paths).training(s, overlay, dataset);
      Map<Integer, Integer> learning = ReviewQueue.simulate(s, overlay, f, pool, unsafe, training.examples(), at);
      List<Integer> alphabetical = new ArrayList<>(pool);
      alphabetical.sort(Comparator.comparing(i -> f.keys[i]));
      double[] riskOf = new double[f.docs.length]; // by position in the dataset's features
      double[] prior = new double[pool.size()];
      boolean[] answers = new boolean[pool.size()];
      for (int k = 0; k < pool.size(); k++) {
        riskOf[pool.get(k)] = prior[k] = ReviewQueue.baseRisk(s, overlay, f.docs[pool.get(k)]);
        answers[k] = unsafe.test(pool.get(k));
      }
      List<Integer> byRisk = new ArrayList<>(pool);
      byRisk.sort(Comparator.<Integer>comparingDouble(i -> -riskOf[i]).thenComparing(f.amongEquals()));
      int positives = 0;
      for (boolean b : answers) {
        positives += b ? 1 : 0;
      }
      return new QueueEvaluation(dataset, pool.size(), positives, keyed(learning), keyed(found(alphabetical, unsafe, at)),
          keyed(found(byRisk, unsafe, at)), rounded(LearningRanker.auc(prior, answers)),
          training.examples().size());
    } finally {
      snapshots.give(s);
    }
  }

  private static void requireDataset(IndexSnapshot s, String dataset) {
    if (!s.meta.datasets().containsKey(dataset)) {
      throw SearchException.notFound("no dataset '" + dataset + "' (indexed: "
          + String.join(", ", s.meta.sorted().keySet()) + ")");
    }
  }

  /** How many unsafe categories lie in the first n of an order, for each n of {@code at}. */
  private static Map<Integer, Integer> found(List<Integer> order, Predicate<Integer> unsafe, List<Integer> at) {
    Map<Integer, Integer> out = new LinkedHashMap<>();
    int hits = 0;
    for (int k = 0; k < order.size(); k++) {
      hits += unsafe.test(order.get(k)) ? 1 : 0;
      if (at.contains(k + 1)) {
        out.put(k + 1, hits);
      }
    }
    for (int n : at) {
      out.putIfAbsent(n, hits);
    }
    return out;
  }

  private static Map<String, Integer> keyed(Map<Integer, Integer> m) {
    Map<String, Integer> out = new LinkedHashMap<>();
    m.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(Integer.toString(e.getKey()), e.getValue()));
    return out;
  }

  /** An AUC to four places; NaN (every category unsafe, or none: no pair to rank) stays NaN, not 0. */
  private static double rounded(double auc) {
    return Double.isNaN(auc) ? auc : Math.round(auc * 10000) / 10000.0;
  }
}
