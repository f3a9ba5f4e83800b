package mlspark.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * The reference of the cocoa optimizer: LIBLINEAR's Java port, {@code -s 3 -B B} (the L1-loss SVM by
 * dual coordinate descent, the bias a regularized feature of value B), and the objective of that
 * problem computed by a plain loop.
 */
public final class Liblinear {
    private Liblinear() {
    }

    /**
     * w~ = (w_1..w_d, w_B) of each class against the rest (one for labels -1/+1: the +1 class's), by
     * LIBLINEAR with {@code -s 3 -B bias -e eps} (which must converge); costs C_{y_i} = {@code costs[label]} (binary: index 0
     * for -1, 1 for +1; else the same C for every class), row i repeated {@code repeat[i]} times (LIBLINEAR has
     * no per-sample weights; null: once).
     */
    public static double[][] train(double[][] x, double[] y, int[] repeat, double[] costs, double bias, double eps) {
        int d = x[0].length;
        List<Feature[]> rows = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            List<Feature> row = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                if (x[i][j] != 0) {
                    row.add(new FeatureNode(j + 1, x[i][j]));
                }
            }
            row.add(new FeatureNode(d + 1, bias));
            for (int r = 0; r < (repeat == null ? 1 : repeat[i]); r++) {
                rows.add(row.toArray(new Feature[0]));
                labels.add(y[i]);
            }
        }
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = d + 1;
        problem.x = rows.toArray(new Feature[0][]);
        problem.y = labels.stream().mapToDouble(Double::doubleValue).toArray();
        problem.bias = bias;
        boolean binary = costs.length == 2 && labels.stream().allMatch(v -> v == -1 || v == 1);
        Parameter parameter;
        if (binary) {
            parameter = new Parameter(SolverType.L2R_L1LOSS_SVC_DUAL, 1, eps);
            parameter.setWeights(costs.clone(), new int[]{-1, 1});
        } else {
            // one-vs-rest costs the rest C, not the class weights: one C for all
            if (java.util.Arrays.stream(costs).distinct().count() != 1) {
                throw new IllegalArgumentException("one-vs-rest takes one C");
            }
            parameter = new Parameter(SolverType.L2R_L1LOSS_SVC_DUAL, costs[0], eps);
        }
        parameter.setMaxIters(1_000_000);
        parameter.setRandom(new Random(0));
        // the Java port caps the dual solver at 300 iterations (and says so): a reference must have converged
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        Linear.setDebugOutput(new java.io.PrintStream(log, true));
        Model model;
        try {
            model = Linear.train(problem, parameter);
        } finally {
            Linear.disableDebugOutput();
        }
        if (log.toString().contains("reaching max number of iterations")) {
            throw new IllegalStateException("LIBLINEAR stopped at its iteration limit: not a reference optimum");
        }
        double[] w = model.getFeatureWeights();
        int[] order = model.getLabels();
        if (binary) {
            double sign = order[0] == 1 ? 1 : -1;
            double[] wt = new double[d + 1];
            for (int j = 0; j <= d; j++) {
                wt[j] = sign * w[j];
            }
            return new double[][]{wt};
        }
        int classes = order.length;
        double[][] perClass = new double[classes][d + 1];
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j <= d; j++) {
                perClass[order[k]][j] = w[j * classes + k];
            }
        }
        return perClass;
    }

    /**
     * P(w~) = 1/2 |w~|^2 + sum_i C_i max(0, 1 - y_i (w.x_i + B w_B)) with C_i = {@code c[i]} and y_i
     * = {@code sign[i]} (+1/-1), by a plain loop.
     */
    public static double objective(double[][] x, double[] sign, double[] c, double bias, double[] w) {
        int d = x[0].length;
        double p = 0;
        for (double v : w) {
            p += 0.5 * v * v;
        }
        for (int i = 0; i < x.length; i++) {
            double h = bias * w[d];
            for (int j = 0; j < d; j++) {
                h += w[j] * x[i][j];
            }
            p += c[i] * Math.max(0, 1 - sign[i] * h);
        }
        return p;
    }
}
