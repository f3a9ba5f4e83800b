package mlspark.svm.linear;

import java.io.Serializable;
import java.util.Arrays;

import mlspark.svm.ClassCosts;
import mlspark.svm.primal.LinearClassifier;
import mlspark.svm.primal.DualRound;
import mlspark.svm.primal.LinearSvmModel;
import mlspark.svm.primal.OneVsRestLinearModel;

/**
 * The L1-loss linear SVM with its bias a feature of constant value B, the problem of LIBLINEAR's
 * {@code -s 3 -B B}: with x~_i = (x_i, B) and w~ = (w, w_B),
 * P(w~) = 1/2 |w~|^2 + sum_i C_i max(0, 1 - y_i w~.x~_i), and its dual
 * D(alpha) = sum_i alpha_i - 1/2 |sum_i alpha_i y_i x~_i|^2 over 0 <= alpha_i <= C_i; the model's
 * intercept is b = B w_B. For {@code classes} = 2 one problem (labels -1/+1, C_i = C_{y_i} weight_i);
 * for K >= 3 classes (labels 0..K-1) K one-vs-rest problems side by side (y_ik = +1 where the label
 * is k, else -1; C_i = C weight_i), whose objectives add up.
 *
 * <p>The parameter vector of the {@link #problems()} problems is w~ of each: the d x K weights
 * column-major, then the K w_B (the layout of {@link OneVsRestLinearModel#parameters()}; (w, w_B)
 * for one problem). The multipliers of a set of rows are row-major: alpha[r K + k].
 */
public record LinearSvmDual(int dimension, int classes, ClassCosts costs, double biasFeature) implements Serializable {

    public LinearSvmDual {
        if (classes > 2 && !costs.isSymmetric()) {
            throw new IllegalArgumentException("one-vs-rest takes one C for every class, got " + costs);
        }
        if (!(biasFeature >= 0) || Double.isInfinite(biasFeature)) {
            throw new IllegalArgumentException("bias feature B must be a finite number >= 0, got " + biasFeature);
        }
    }

    /** The dual problems solved side by side: 1 for two classes, else K. */
    public int problems() {
        return classes == 2 ? 1 : classes;
    }

    /** Length of the parameter vector: problems x (d + 1). */
    public int parameterCount() {
        return problems() * (dimension + 1);
    }

    /** y_ik: the binary label itself, or +1 where the class index {@code label} is k, else -1. */
    public double sign(double label, int k) {
        return classes == 2 ? label : label == k ? 1 : -1;
    }

    /** C_i of a sample of {@code label} and {@code weight} (the same in each one-vs-rest problem). */
    public double cost(double label, double weight) {
        return (classes == 2 ? costs.of(label) : costs.c0()) * weight;
    }

    /** The classifier of w~: weights w, intercepts b = B w_B. */
    public LinearClassifier classifier(double[] parameters) {
        int k = problems();
        double[] p = Arrays.copyOf(parameters, parameters.length);
        for (int c = 0; c < k; c++) {
            p[k * dimension + c] *= biasFeature;
        }
        return classes == 2 ? LinearSvmModel.fromParameters(p) : OneVsRestLinearModel.fromParameters(p, dimension, classes);
    }

    /**
     * Round {@code round}'s objectives at w~ = {@code parameters} and the multipliers whose sums
     * {@code sums} holds (taken at w~; w~ = sum_i alpha_i y_i x~_i): P = 1/2 |w~|^2 + loss,
     * D = sum_i alpha_i - 1/2 |w~|^2, and the gap P - D.
     */
    public DualRound round(int round, double[] parameters, DualPartial sums, double seconds) {
        double half = 0;
        for (double v : parameters) {
            half += 0.5 * v * v;
        }
        double objective = half + sums.hingeLoss();
        double dual = sums.alphaSum() - half;
        return new DualRound(round, objective, dual, objective - dual, seconds);
    }
}
