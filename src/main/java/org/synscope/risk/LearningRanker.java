package org.synscope.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The review queue's model: a logistic regression over hashed binary features (ancestor synsets,
 * lexicographer file, gloss and label words, flags, signals), trained with AdaGrad on the decisions so
 * far (offensive or sensitive = 1, safe = 0). The documented risk score is its prior: its logit is a
 * fixed offset, so with no decision the model ranks exactly as the risk score does, and every decision
 * moves the ranking away from it only as far as the evidence goes.
 *
 * <p>Each weight has a Gaussian prior, mean 0 and scale {@value #SIGMA} (the default scale Gelman et al.
 * 2008, "A weakly informative default prior distribution for logistic regression", give a binary
 * input's coefficient), so the fit is the posterior mode. The prior's pull on a weight is spread over
 * the examples that have its feature: a word seen in three decisions moves the ranking as far as three
 * decisions warrant, and a list that marks every member of a group unsafe (every one of its words then
 * perfectly predicts "unsafe") does not push those words' weights without bound.
 */
public final class LearningRanker {
  /** Hashed feature space. */
  public static final int DIMENSIONS = 1 << 18;
  static final int EPOCHS = 8;
  /** The prior scale of each weight (log-odds). */
  static final double SIGMA = 2.5;
  static final double RATE = 0.3;

  private final float[] weights = new float[DIMENSIONS];
  private final float[] squares = new float[DIMENSIONS];
  private double bias;
  private int trainedOn;

  /** One decision to learn from: the category's features, its prior risk, and the answer. */
  public record Example(int[] features, double prior, boolean unsafe) {}

  /** The feature index of a named feature ({@code a:n00007846}, {@code g:offensive}, ...). */
  public static int feature(String name) {
    int h = name.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 15)) & (DIMENSIONS - 1);
  }

  /** A model trained on the examples (a fixed shuffle, so the same decisions give the same ranking). */
  public static LearningRanker train(List<Example> examples) {
    LearningRanker m = new LearningRanker();
    m.trainedOn = examples.size();
    if (examples.isEmpty()) {
      return m;
    }
    List<Example> order = new ArrayList<>(examples);
    Random random = new Random(42);
    double biasSquares = 0;
    int[] occurrences = new int[DIMENSIONS]; // per feature, how many examples have it
    for (Example e : examples) {
      for (int f : e.features()) {
        occurrences[f]++;
      }
    }
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      java.util.Collections.shuffle(order, random);
      for (Example e : order) {
        double p = m.probability(e.features(), e.prior());
        double g = p - (e.unsafe() ? 1 : 0);
        for (int f : e.features()) {
          double grad = g + m.weights[f] / (SIGMA * SIGMA * occurrences[f]);
          m.squares[f] += (float) (grad * grad);
          m.weights[f] -= (float) (RATE * grad / Math.sqrt(m.squares[f] + 1e-8));
        }
        biasSquares += g * g;
        m.bias -= RATE * g / Math.sqrt(biasSquares + 1e-8);
      }
    }
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
