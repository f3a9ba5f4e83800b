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
     * A round's primal point and its P: per problem the least P_k of lambda (w_k, w_Bk) and, with fixed
     * intercepts, of lambda (w_k, b_k / B), over lambda = 1 and the {@link PrimalScales} candidates;
     * {@code scales} are each problem's lambda, the next round's centers.
     */
    public record PrimalPoint(double[] point, double objective, PrimalScales scales) implements Serializable {
    }

    /**
     * The primal point of the state {@code sums} was taken at, w~ = {@code parameters}, the sums' candidate
     * scales those of {@code scales}; the first of equal P is kept (lambda = 1 with the bias weight first).
     */
    public PrimalPoint primal(double[] parameters, DualPartial sums, double[] intercepts, PrimalScales scales) {
        int k = problems();
        int grid = PrimalScales.SIZE;
        double[] candidates = scales.candidates();
        double[] point = parameters.clone();
        double[] best = new double[k];
        double objective = 0;
        for (int c = 0; c < k; c++) {
            double weights = squaredNorm(parameters, c);
            double biasWeight = parameters[k * dimension + c];
            double bestP = Double.POSITIVE_INFINITY;
            double bestScale = 1;
            double bestBias = biasWeight;
            for (int option = 0; option < (intercepts == null ? 1 : 2); option++) {
                double bias = option == 0 ? biasWeight : intercepts[c] / biasFeature;
                double norm = weights + bias * bias;
                for (int j = -1; j < grid; j++) {
                    double scale = j < 0 ? 1 : candidates[c * grid + j];
                    double loss = j >= 0 ? sums.scaledHingeLoss()[(2 * c + option) * grid + j]
                            : option == 0 ? sums.hingeLoss()[c] : sums.interceptHingeLoss()[c];
                    double p = 0.5 * scale * scale * norm + loss;
                    if (p < bestP) {
                        bestP = p;
                        bestScale = scale;
                        bestBias = bias;
                    }
                }
            }
            for (int j = c * dimension; j < (c + 1) * dimension; j++) {
                point[j] *= bestScale;
            }
            point[k * dimension + c] = bestScale * bestBias;
            best[c] = bestScale;
            objective += bestP;
        }
        return new PrimalPoint(point, objective, new PrimalScales(best));
    }

    /**
     * Round {@code round}'s objectives at the state {@code sums} was taken at: D = sum_i alpha_i - 1/2 |w~|^2
     * with w~ = {@code parameters} (= sum_i alpha_i y_i x~_i), P at {@code primal}; the gap P - D.
     */
    public DualRound round(int round, double[] parameters, DualPartial sums, PrimalPoint primal, double seconds) {
        double dual = -0.5 * squaredNorm(parameters);
        for (double a : sums.alphaSum()) {
            dual += a;
        }
        return new DualRound(round, primal.objective(), dual, primal.objective() - dual, seconds);
    }

    /**
     * Per problem, the duality gap relative to P_b of the problem with the intercept fixed at b:
     * P_b(w) = 1/2 |w|^2 + sum_i C_i max(0, 1 - y_i (w.x_i + b)) + b^2 / (2 B^2) and
     * D_b(alpha) = sum_i alpha_i (1 - y_i b) - 1/2 |w|^2 + b^2 / (2 B^2), at w = sum_i alpha_i y_i x_i.
     */
    public double[] interceptGaps(double[] parameters, DualPartial sums, double[] intercepts) {
        double[] gaps = new double[problems()];
        double[] labelSums = labelSums(parameters);
        for (int c = 0; c < problems(); c++) {
            double b = intercepts[c];
            double s = labelSums[c];
            double half = 0.5 * squaredNorm(parameters, c);
            double primal = half + sums.interceptHingeLoss()[c] + 0.5 * b * b / (biasFeature * biasFeature);
            gaps[c] = (2 * half + sums.interceptHingeLoss()[c] - sums.alphaSum()[c] + b * s) / primal;
        }
        return gaps;
    }

    /** s_k = sum_i alpha_ik y_ik of each problem, read from w~'s bias weights (w_Bk = B s_k). */
    public double[] labelSums(double[] parameters) {
        double[] s = new double[problems()];
        for (int c = 0; c < s.length; c++) {
            s[c] = parameters[problems() * dimension + c] / biasFeature;
        }
        return s;
    }

    /** |w_k|^2, problem k's weights without the bias weight. */
    private double squaredNorm(double[] parameters, int c) {
        double sum = 0;
        for (int j = c * dimension; j < (c + 1) * dimension; j++) {
            sum += parameters[j] * parameters[j];
        }
        return sum;
    }

    private static double squaredNorm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return sum;
    }
}
