package mlspark.svm.dual;

import mlspark.kernel.Gram;
import mlspark.kernel.Kernel;

/** Kernel values computed from the training points when asked for. */
public record PointKernelRows(Kernel kernel, double[][] points) implements KernelRows {
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
    public double diagonal(int i) {
        return kernel.apply(points[i], points[i]);
    }

    @Override
    public double[] matrix() {
        return Gram.matrix(kernel, points);
    }
}
