package mlspark.svm.dual;

import java.io.Serializable;

import mlspark.kernel.Kernel;
import mlspark.kernel.KernelBlocks;
import mlspark.linalg.Blas;

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

    /** Rows and support vectors per kernel block of {@link #decisionValues}: 1 MB, which stays in the CPU cache. */
    private static final int ROW_BLOCK = 256;
    private static final int SV_BLOCK = 512;

    /**
     * h(x) for the n rows of a row-major n x d block: kernel blocks of at most {@value #ROW_BLOCK} rows x
     * {@value #SV_BLOCK} support vectors by BLAS ({@link mlspark.kernel.Kernel#block}), each times the coefficients ({@code dgemv}).
     */
    public double[] decisionValues(double[] rows, int n, int d) {
        double[] h = new double[n];
        java.util.Arrays.fill(h, b);
        int count = size();
        double[] block = new double[ROW_BLOCK * Math.min(SV_BLOCK, Math.max(1, count))];
        for (int s0 = 0; s0 < count; s0 += SV_BLOCK) {
            int s1 = Math.min(count, s0 + SV_BLOCK);
            double[] vectors = KernelBlocks.stack(java.util.Arrays.copyOfRange(supportVectors, s0, s1), d);
            double[] coef = java.util.Arrays.copyOfRange(coefficients, s0, s1);
            for (int r0 = 0; r0 < n; r0 += ROW_BLOCK) {
                int r1 = Math.min(n, r0 + ROW_BLOCK);
                double[] part = java.util.Arrays.copyOfRange(rows, r0 * d, r1 * d);
                kernel.block(part, r1 - r0, vectors, s1 - s0, d, block);
                // h[r0..r1) += K (rows x SVs, row-major = column-major SVs x rows) coef
                Blas.blas().dgemv("T", s1 - s0, r1 - r0, 1.0, block, 0, s1 - s0, coef, 0, 1, 1.0, h, r0, 1);
            }
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
