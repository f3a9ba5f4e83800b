package mlspark.svm.dual;

import java.io.Serializable;

import mlspark.kernel.Kernel;
import mlspark.kernel.KernelBlocks;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;

/**
 * A kernel SVM: h(x) = sum_s coefficients_s k(x_s, x) + b over the support vectors x_s, with
 * coefficients_s = a_s y_s; it predicts +1 where h(x) >= 0, else -1. The support vectors are dense or sparse
 * as the training points were.
 *
 * @param supportIndices the support vectors' rows in the training set
 */
public record KernelSvmModel(Kernel kernel, Points supportVectors, double[] coefficients, double b,
                             int[] supportIndices) implements Serializable {

    public KernelSvmModel(Kernel kernel, double[][] supportVectors, double[] coefficients, double b,
                          int[] supportIndices) {
        this(kernel, new DensePoints(supportVectors), coefficients, b, supportIndices);
    }

    /** {@link #of(DualSolution, DualProblem, Kernel, Points, double, BiasRule)} of dense training points. */
    public static KernelSvmModel of(DualSolution solution, DualProblem problem, Kernel kernel, double[][] trainingX,
                                    double threshold, BiasRule rule) {
        return of(solution, problem, kernel, new DensePoints(trainingX), threshold, rule);
    }

    /** The model of a dual solution: support vectors a_i > threshold, b by {@code rule}. */
    public static KernelSvmModel of(DualSolution solution, DualProblem problem, Kernel kernel, Points trainingX,
                                    double threshold, BiasRule rule) {
        double[] alpha = solution.alpha();
        int count = 0;
        for (double a : alpha) {
            if (a > threshold) {
                count++;
            }
        }
        int[] support = new int[count];
        for (int i = 0, k = 0; i < alpha.length; i++) {
            if (alpha[i] > threshold) {
                support[k++] = i;
            }
        }
        double[] svGram = new double[count * count];
        double[] row = new double[count];
        for (int s = 0; s < count; s++) {
            problem.kernel().fill(support[s], support, 0, count, row);
            System.arraycopy(row, 0, svGram, s * count, count);
        }
        double b = rule.bias(solution, problem, support, svGram, threshold);
        double[] coefficients = new double[count];
        for (int s = 0; s < count; s++) {
            coefficients[s] = alpha[support[s]] * problem.y()[support[s]];
        }
        return new KernelSvmModel(kernel, trainingX.subset(support), coefficients, b, support);
    }

    public int size() {
        return coefficients.length;
    }

    public double decision(double[] x) {
        return decision(new DensePoints(new double[][]{x}), 0);
    }

    /** h(x_i) for point i of {@code x}. */
    public double decision(Points x, int i) {
        double h = b;
        for (int s = 0; s < coefficients.length; s++) {
            h += coefficients[s] * kernel.apply(supportVectors, s, x, i);
        }
        return h;
    }

    /** h(x) for the n rows of a row-major n x d block, {@link #decisionValues(Points)}. */
    public double[] decisionValues(double[] rows, int n, int d) {
        return decisionValues(DensePoints.ofRowMajor(rows, n, d));
    }

    /** h(x) for each of {@code rows}: kernel blocks against the support vectors times the coefficients ({@link KernelBlocks#multiply}). */
    public double[] decisionValues(Points rows) {
        double[] h = new double[rows.size()];
        java.util.Arrays.fill(h, b);
        KernelBlocks.multiply(kernel, rows, supportVectors, coefficients, 1, h);
        return h;
    }

    public static double label(double decision) {
        return decision >= 0 ? 1 : -1;
    }

    public double predict(double[] x) {
        return label(decision(x));
    }

    /** The fraction of {@code labels} that the decision values {@code h} predict (+1 where h >= 0). */
    public static double accuracy(double[] h, double[] labels) {
        int correct = 0;
        for (int i = 0; i < h.length; i++) {
            if (label(h[i]) == labels[i]) {
                correct++;
            }
        }
        return h.length == 0 ? Double.NaN : (double) correct / h.length;
    }
}
