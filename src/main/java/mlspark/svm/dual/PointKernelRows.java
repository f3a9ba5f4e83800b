package mlspark.svm.dual;

import mlspark.kernel.Gram;
import mlspark.kernel.Kernel;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;

/**
 * Kernel values computed from the training points (dense or sparse) when asked for: one value at a time by
 * {@link Kernel#apply(Points, int, Points, int)}, whole rows as one {@link Kernel#block} of the asked points
 * against all points (one {@code dgemm} for dense points and the kernels that have it, a sparse product for
 * sparse ones).
 */
public final class PointKernelRows implements KernelRows {
    private final Kernel kernel;
    private final Points points;

    public PointKernelRows(Kernel kernel, Points points) {
        this.kernel = kernel;
        this.points = points;
    }

    public PointKernelRows(Kernel kernel, double[][] points) {
        this(kernel, new DensePoints(points));
    }

    public Kernel kernel() {
        return kernel;
    }

    public Points points() {
        return points;
    }

    @Override
    public int size() {
        return points.size();
    }

    @Override
    public void fill(int i, int[] columns, int from, int to, double[] out) {
        for (int t = from; t < to; t++) {
            out[t] = kernel.apply(points, i, points, columns[t]);
        }
    }

    @Override
    public void fillRows(int[] rows, int from, int to, double[] out) {
        if (to <= from || points.size() == 0) {
            return;
        }
        kernel.block(points.subset(java.util.Arrays.copyOfRange(rows, from, to)), points, out);
    }

    /** One {@link Kernel#block(Points, Points, float[])}: an {@code sgemm} for dense points. */
    @Override
    public void fillRows(int[] rows, int from, int to, float[] out) {
        if (to <= from || points.size() == 0) {
            return;
        }
        kernel.block(points.subset(java.util.Arrays.copyOfRange(rows, from, to)), points, out);
    }

    @Override
    public double diagonal(int i) {
        return kernel.apply(points, i, points, i);
    }

    @Override
    public double[] matrix() {
        return Gram.matrix(kernel, points);
    }
}
