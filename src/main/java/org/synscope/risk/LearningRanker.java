package org.synscope.risk;

import java.util.List;

/**
 * The review queue's model: a logistic regression over hashed binary features (ancestor synsets,
 * lexicographer file, gloss and label words, flags, signals), fitted to the decisions so far (offensive
 * or sensitive = 1, safe = 0). The documented risk score is its prior: its logit is a
 * fixed offset, so with no decision the model ranks exactly as the risk score does, and every decision
 * moves the ranking away from it only as far as the evidence goes.
 *
 * <p>Each weight has a Gaussian prior, mean 0 and scale {@value #SIGMA} (the default scale Gelman et al.
 * 2008, "A weakly informative default prior distribution for logistic regression", give a binary
 * input's coefficient), and the bias one of scale {@value #BIAS_SIGMA} (see there); the
 * fit is the posterior mode, computed to convergence ({@link LogisticFit}), so it has no seed and no
 * order: the same decisions give the same model. A word seen in three decisions moves the ranking as far
 * as three decisions warrant, and a list that marks every member of a group unsafe (every one of its
 * words then perfectly predicts "unsafe") does not push those words' weights without bound.
 */
public final class LearningRanker {
  /** Hashed feature space. */
  public static final int DIMENSIONS = 1 << 18;
  /** The prior scale of each weight (log-odds). */
  static final double SIGMA = 2.5;
  /**
   * The prior scale of the bias: a weight like the others. Gelman et al. give an intercept 10, for a base rate
   * it must learn; here the risk score's logit already carries the base rate, and the bias only corrects it
   * (at 10, one decision moved every unrelated category from a risk of 0.02 to a probability of about 0.4).
   */
  static final double BIAS_SIGMA = 2.5;

  private final float[] weights = new float[DIMENSIONS];
  private double bias;
  private int trainedOn;

  /** One decision to learn from: the category's features, its prior risk, and the answer. */
  public record Example(int[] features, double prior, boolean unsafe) {}

  /** The feature index of a named feature ({@code a:n00007846}, {@code g:offensive}, ...). */
  public static int feature(String name) {
    int h = name.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 15)) & (DIMENSIONS - 1);
  }

  /** The model fitted to the examples: the posterior mode (see {@link LogisticFit}). */
  public static LearningRanker train(List<Example> examples) {
    return train(examples, null);
  }

  /**
   * The model fitted to the examples, starting the search from an earlier fit (null: from zero). The
   * optimum is one, so where the search starts changes how long it takes, not where it ends.
   */
  public static LearningRanker train(List<Example> examples, LearningRanker from) {
    LearningRanker m = new LearningRanker();
    m.trainedOn = examples.size();
    int n = examples.size();
    if (n == 0) {
      return m;
    }
    // Number the features that occur, in feature order (slot), and list each example's by number.
    boolean[] occurs = new boolean[DIMENSIONS];
    int nnz = 0;
    for (Example e : examples) {
      for (int f : e.features()) {
        occurs[f] = true;
      }
      nnz += e.features().length;
    }
    int[] slot = new int[DIMENSIONS];
    int[] features = new int[DIMENSIONS];
    int active = 0;
    for (int f = 0; f < DIMENSIONS; f++) {
      if (occurs[f]) {
        slot[f] = active;
        features[active++] = f;
      }
    }
    int[] start = new int[n + 1];
    int[] slots = new int[nnz];
    double[] offset = new double[n];
    boolean[] unsafe = new boolean[n];
    for (int i = 0, r = 0; i < n; i++) {
      Example e = examples.get(i);
      for (int f : e.features()) {
        slots[r++] = slot[f];
      }
      start[i + 1] = r;
      offset[i] = logit(e.prior());
      unsafe[i] = e.unsafe();
    }
    double[] x = new double[active + 1];
    if (from != null) {
      for (int k = 0; k < active; k++) {
        x[k] = from.weights[features[k]];
      }
      x[active] = from.bias;
    }
    LogisticFit fit = new LogisticFit(start, slots, offset, unsafe, active, 1 / (SIGMA * SIGMA),
        1 / (BIAS_SIGMA * BIAS_SIGMA));
    x = fit.solve(x);
    for (int k = 0; k < active; k++) {
      m.weights[features[k]] = (float) x[k];
    }
    m.bias = x[active];
    return m;
  }

  /** How many decisions it learnt from. */
  public int trainedOn() {
    return trainedOn;
  }

  /** The probability that a category is unsafe, given its features and its prior risk. */
  public double probability(int[] features, double prior) {
    return 1 / (1 + Math.exp(-logOdds(features, prior)));
  }

  /**
   * The log-odds that a category is unsafe: what to rank by, since the probability rounds to 1.0 for
   * every strongly unsafe category alike and would leave their order to chance.
   */
  public double logOdds(int[] features, double prior) {
    double z = bias + logit(prior);
    for (int f : features) {
      z += weights[f];
    }
    return z;
  }

  /** A feature's learnt weight (positive: more likely unsafe). */
  public double weight(int feature) {
    return weights[feature];
  }

  private static double logit(double prior) {
    double p = Math.min(0.98, Math.max(0.02, prior));
    return Math.log(p / (1 - p));
  }

  /** ROC AUC of scores against answers (ties count half): the chance an unsafe item outranks a safe one. */
  public static double auc(double[] scores, boolean[] unsafe) {
    Integer[] idx = new Integer[scores.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < idx.length) {
      int j = i;
      while (j + 1 < idx.length && scores[idx[j + 1]] == scores[idx[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (unsafe[idx[k]]) {
          rankSum += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
