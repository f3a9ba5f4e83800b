package mlspark.svm.dual;

import java.io.Serializable;

import mlspark.kernel.Kernel;

/**
 * A kernel SVM: h(x) = sum_s coefficients_s k(x_s, x) + b over the support vectors x_s, with
 * coefficients_s = a_s y_s; it predicts +1 where h(x) >= 0, else -1.
 *
 * @param supportIndices the support vectors' rows in the training set
 */
public record KernelSvmModel(Kernel kernel, double[][] supportVectors, double[] coefficients, double b,
                             int[] supportIndices) implements Serializable {

    /** The model of a dual solution: support vectors a_i > threshold, b by {@code rule}. */
    public static KernelSvmModel of(DualSolution solution, DualProblem problem, Kernel kernel, double[][] trainingX,
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
        double[][] vectors = new double[count][];
        double[] coefficients = new double[count];
        for (int s = 0; s < count; s++) {
            vectors[s] = trainingX[support[s]];
            coefficients[s] = alpha[support[s]] * problem.y()[support[s]];
        }
        return new KernelSvmModel(kernel, vectors, coefficients, b, support);
    }

    public int size() {
        return coefficients.length;
    }

    public double decision(double[] x) {
        double h = b;
        for (int s = 0; s < coefficients.length; s++) {
            h += coefficients[s] * kernel.apply(supportVectors[s], x);
        }
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
