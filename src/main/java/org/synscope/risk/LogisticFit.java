package org.synscope.risk;

/**
 * The posterior mode of a logistic regression with Gaussian priors, found by L-BFGS (Nocedal and
 * Wright, "Numerical Optimization", algorithms 7.4 and 7.5, with a backtracking Armijo line search).
 * The objective is strictly convex, so there is one optimum and the fit does not depend on the order of
 * the examples; it stops when every partial derivative is under {@value #TOLERANCE} (in examples' worth
 * of evidence), far closer to the optimum than the three decimals the queue shows.
 */
final class LogisticFit {
  static final double TOLERANCE = 1e-5;
  static final int MAX_ITERATIONS = 2000;
  /** Corrections kept (L-BFGS's memory). */
  private static final int MEMORY = 10;

  private final int[] start; // example i's features are slots[start[i] .. start[i + 1])
  private final int[] slots;
  private final double[] offset; // each example's fixed log-odds (its prior)
  private final boolean[] unsafe;
  private final double precision; // of each weight's prior
  private final double biasPrecision;
  private final int d; // weights, then the bias
  private int iterations;

  LogisticFit(int[] start, int[] slots, double[] offset, boolean[] unsafe, int weights, double precision,
      double biasPrecision) {
    this.start = start;
    this.slots = slots;
    this.offset = offset;
    this.unsafe = unsafe;
    this.precision = precision;
    this.biasPrecision = biasPrecision;
    this.d = weights + 1;
  }

  /** The optimum from a starting point (zero, or an earlier fit's weights): weights, then the bias. */
  double[] solve(double[] x) {
    double[] g = new double[d];
    double f = evaluate(x, g);
    double[][] s = new double[MEMORY][d];
    double[][] y = new double[MEMORY][d];
    double[] rho = new double[MEMORY];
    double[] alpha = new double[MEMORY];
    double[] direction = new double[d];
    double[] xNew = new double[d];
    double[] gNew = new double[d];
    int stored = 0;
    int newest = -1;
    for (iterations = 0; iterations < MAX_ITERATIONS && largest(g) >= TOLERANCE; iterations++) {
      // Two-loop recursion: direction = -H g.
      System.arraycopy(g, 0, direction, 0, d);
      for (int k = 0; k < stored; k++) {
        int j = Math.floorMod(newest - k, MEMORY);
        alpha[j] = rho[j] * dot(s[j], direction);
        axpy(-alpha[j], y[j], direction);
      }
      double gamma = stored == 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
      for (int i = 0; i < d; i++) {
        direction[i] *= -gamma;
      }
      for (int k = stored - 1; k >= 0; k--) {
        int j = Math.floorMod(newest - k, MEMORY);
        double beta = rho[j] * dot(y[j], direction);
        axpy(-(alpha[j] + beta), s[j], direction); // direction -= (alpha + beta) s, with the sign of -H g
      }
      double slope = dot(g, direction);
      if (slope >= 0) { // not a descent direction (rounding): forget the corrections, go down the gradient
        stored = 0;
        double scale = 1 / Math.max(1, Math.sqrt(dot(g, g)));
        for (int i = 0; i < d; i++) {
          direction[i] = -g[i] * scale;
        }
        slope = dot(g, direction);
      }
      double step = 1;
      double fNew;
      while (true) {
        for (int i = 0; i < d; i++) {
          xNew[i] = x[i] + step * direction[i];
        }
        fNew = evaluate(xNew, gNew);
        if (fNew <= f + 1e-4 * step * slope || step < 1e-10) {
          break;
        }
        step /= 2;
      }
      if (!(fNew < f)) { // no decrease left within rounding: as close as doubles get
        break;
      }
      newest = (newest + 1) % MEMORY;
      double sy = 0;
      for (int i = 0; i < d; i++) {
        s[newest][i] = xNew[i] - x[i];
        y[newest][i] = gNew[i] - g[i];
        sy += s[newest][i] * y[newest][i];
      }
      if (sy > 1e-12) {
        rho[newest] = 1 / sy;
        stored = Math.min(MEMORY, stored + 1);
      } else {
        newest = Math.floorMod(newest - 1, MEMORY);
      }
      System.arraycopy(xNew, 0, x, 0, d);
      System.arraycopy(gNew, 0, g, 0, d);
      f = fNew;
    }
    return x;
  }

  /** L-BFGS iterations the last solve took. */
  int iterations() {
    return iterations;
  }

  /** The negative log posterior at x (up to a constant), and its gradient into g. */
  private double evaluate(double[] x, double[] g) {
    double bias = x[d - 1];
    double f = 0;
    for (int k = 0; k < d - 1; k++) {
      g[k] = precision * x[k];
      f += 0.5 * precision * x[k] * x[k];
    }
    g[d - 1] = biasPrecision * bias;
    f += 0.5 * biasPrecision * bias * bias;
    for (int i = 0; i < offset.length; i++) {
      double z = offset[i] + bias;
      for (int r = start[i]; r < start[i + 1]; r++) {
        z += x[slots[r]];
      }
      // log(1 + e^z) - y z, computed without overflow
      f += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (unsafe[i] ? z : 0);
      double residual = 1 / (1 + Math.exp(-z)) - (unsafe[i] ? 1 : 0);
      for (int r = start[i]; r < start[i + 1]; r++) {
        g[slots[r]] += residual;
      }
      g[d - 1] += residual;
    }
    return f;
  }

  private static double largest(double[] v) {
    double m = 0;
    for (double e : v) {
      m = Math.max(m, Math.abs(e));
    }
    return m;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }
}
