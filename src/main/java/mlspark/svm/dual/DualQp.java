package mlspark.svm.dual;

import java.util.Arrays;

import mlspark.svm.ClassCosts;

/**
 * The soft-margin SVM dual, maximize sum a_i - 1/2 sum_ij a_i a_j y_i y_j K_ij subject to
 * 0 <= a_i <= C_i and sum_i a_i y_i = 0, as the standard-form QP a general solver takes:
 * <pre>
 *   P = (y y') o K,  q = -1,  G = [-I; I],  h = [0; C_i],  A = y',  b = 0
 * </pre>
 * (minimizing 1/2 a'Pa - 1'a, the negated dual). {@code qp.g().dense()} gives G as a plain matrix.
 */
public final class DualQp {
    private DualQp() {
    }

    /** @param gram the n x n Gram matrix K, row-major (not modified) */
    public static QuadraticProgram build(double[] gram, double[] y, ClassCosts costs) {
        int n = y.length;
        if (gram.length != n * n) {
            throw new IllegalArgumentException("Gram matrix of " + gram.length + " values for " + n + " labels");
        }
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i * n + j] = y[i] * y[j] * gram[i * n + j];
            }
        }
        double[] q = new double[n];
        Arrays.fill(q, -1);
        double[] h = new double[2 * n];
        for (int i = 0; i < n; i++) {
            h[n + i] = costs.of(y[i]);
        }
        return new QuadraticProgram(n, p, q, new BoxConstraints(n), h, y.clone(), new double[1]);
    }
}
