package mlspark.kernel;

/** Gram matrices K_ij = k(x_i, x_j), row-major, computed entry by entry on this machine. */
public final class Gram {
    private Gram() {
    }

    /** The full n x n Gram matrix of {@code points}. */
    public static double[] matrix(Kernel kernel, double[][] points) {
        return rows(kernel, points, 0, points.length);
    }

    /** Rows {@code from..to} of the Gram matrix: a (to-from) x n row-major block. */
    public static double[] rows(Kernel kernel, double[][] points, int from, int to) {
        int n = points.length;
        double[] block = new double[(to - from) * n];
        for (int i = from; i < to; i++) {
            double[] x = points[i];
            int offset = (i - from) * n;
            for (int j = 0; j < n; j++) {
                block[offset + j] = kernel.apply(x, points[j]);
            }
        }
        return block;
    }
}
