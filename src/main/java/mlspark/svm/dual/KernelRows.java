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

    /** The full n x n Gram matrix, row-major (a fresh array unless documented otherwise). */
    default double[] matrix() {
        int n = size();
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[] gram = new double[n * n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            fill(i, all, 0, n, row);
            System.arraycopy(row, 0, gram, i * n, n);
        }
        return gram;
    }
}
