package mlspark.svm.dual;

/**
 * Where a dual solver gets kernel values K_ij = k(x_i, x_j) of the n training points: computed on
 * demand, or read from a Gram matrix computed elsewhere (for instance by Spark).
 */
public interface KernelRows {
    int size();

    /** out[t] = K(i, columns[t]) for t in [from, to). */
    void fill(int i, int[] columns, int from, int to, double[] out);

    /** K(i, i). */
    double diagonal(int i);

    /** The full n x n Gram matrix, row-major. */
    double[] matrix();
}
