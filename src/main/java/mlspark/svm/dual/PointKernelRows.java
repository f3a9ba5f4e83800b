package mlspark.svm.dual;

import mlspark.kernel.Gram;
import mlspark.kernel.Kernel;
import mlspark.kernel.KernelBlocks;

/**
 * Kernel values computed from the training points when asked for: one value at a time by
 * {@link Kernel#apply}, whole rows as one {@link Kernel#block} of the asked rows against all points
 * (one {@code dgemm} for the kernels that have it).
 */
public final class PointKernelRows implements KernelRows {
    private final Kernel kernel;
    private final double[][] points;
    /** The points stacked row-major for {@link Kernel#block}, made at the first {@link #fillRows}. */
    private double[] stacked;

    public PointKernelRows(Kernel kernel, double[][] points) {
        this.kernel = kernel;
        this.points = points;
    }

    public Kernel kernel() {
        return kernel;
    }

    public double[][] points() {
        return points;
    }

    @Override
    public int size() {
        return points.length;
    }

    @Override
    public void fill(int i, int[] columns, int from, int to, double[] out) {
        double[] x = points[i];
        for (int t = from; t < to; t++) {
            out[t] = kernel.apply(x, points[columns[t]]);
        }
    }

    @Override
    public void fillRows(int[] rows, int from, int to, double[] out) {
        int m = to - from;
        if (m <= 0 || points.length == 0) {
            return;
        }
        int d = points[0].length;
        if (stacked == null) {
            stacked = KernelBlocks.stack(points, d);
        }
        double[] asked = new double[m * d];
        for (int t = 0; t < m; t++) {
            System.arraycopy(stacked, rows[from + t] * d, asked, t * d, d);
        }
        kernel.block(asked, m, stacked, points.length, d, out);
    }

    @Override
    public double diagonal(int i) {
        return kernel.apply(points[i], points[i]);
    }

    @Override
    public double[] matrix() {
        return Gram.matrix(kernel, points);
    }
}
