package mlspark.svm.dual;

/**
 * Where a dual solver gets kernel values K_ij = k(x_i, x_j) of the n training points: computed on
 * demand, or read from a Gram matrix computed elsewhere (for instance by Spark).
 */
public interface KernelRows {
    int size();

    /** out[t] = K(i, columns[t]) for t in [from, to). */
    void fill(int i, int[] columns, int from, int to, double[] out);

    /**
     * Whole rows of the kernel matrix: out[t * n + j] = K(rows[from + t], j) for t in [0, to - from)
     * and j in [0, n). This default fills them one by one by {@link #fill}; an implementation that can
     * evaluates them as one block (a batched solver asks for hundreds at a time).
     */
    default void fillRows(int[] rows, int from, int to, double[] out) {
        int n = size();
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[] row = new double[n];
        for (int t = from; t < to; t++) {
            fill(rows[t], all, 0, n, row);
            System.arraycopy(row, 0, out, (t - from) * n, n);
        }
    }

    /**
     * {@link #fillRows(int[], int, int, double[])} stored as float (float32 kernel rows): this default fills them
     * in double and rounds them.
     */
    default void fillRows(int[] rows, int from, int to, float[] out) {
        double[] values = new double[(to - from) * size()];
        fillRows(rows, from, to, values);
        for (int t = 0; t < values.length; t++) {
            out[t] = (float) values[t];
        }
    }

    /** K(i, i). */
    double diagonal(int i);

    /** The full n x n Gram matrix, row-major. */
    double[] matrix();
}
