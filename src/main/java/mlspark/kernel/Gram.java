package mlspark.kernel;

import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;

/** Gram matrices K_ij = k(x_i, x_j), row-major, computed entry by entry on this machine. */
public final class Gram {
    private Gram() {
    }

    /** The full n x n Gram matrix of {@code points}. */
    public static double[] matrix(Kernel kernel, double[][] points) {
        return matrix(kernel, new DensePoints(points));
    }

    /** The full n x n Gram matrix of {@code points}. */
    public static double[] matrix(Kernel kernel, Points points) {
        return rows(kernel, points, 0, points.size());
    }

    /** Rows {@code from..to} of the Gram matrix: a (to-from) x n row-major block. */
    public static double[] rows(Kernel kernel, double[][] points, int from, int to) {
        return rows(kernel, new DensePoints(points), from, to);
    }

    /**
     * Rows {@code from..to} of the Gram matrix: of dense points entry by entry by
     * {@link Kernel#apply(Points, int, Points, int)}; of sparse points as one {@link Kernel#block}, whose sparse
     * product costs only the non-zeros that meet (entry by entry, every pair's merge of two rows).
     */
    public static double[] rows(Kernel kernel, Points points, int from, int to) {
        int n = points.size();
        double[] block = new double[(to - from) * n];
        if (points instanceof SparsePoints) {
            kernel.block(points.range(from, to), points, block);
            return block;
        }
        for (int i = from; i < to; i++) {
            int offset = (i - from) * n;
            for (int j = 0; j < n; j++) {
                block[offset + j] = kernel.apply(points, i, points, j);
            }
        }
        return block;
    }
}
