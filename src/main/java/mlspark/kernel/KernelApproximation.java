package mlspark.kernel;

import java.io.Serializable;

/**
 * An explicit feature map z: R^d -> R^M whose inner products approximate a kernel,
 * z(x).z(x') ~ k(x, x'), applied to row-major blocks of points: a linear model on z is an
 * approximate kernel machine ({@link RandomFourierFeatures}, {@link NystromFeatures}).
 */
public interface KernelApproximation extends Serializable {
    /** M, the number of features. */
    int components();

    /** d, the dimension of the points it maps. */
    int dimension();

    /** z of the n rows of a row-major n x d block, as a row-major n x M block. */
    double[] map(double[] rows, int n, int d);

    String describe();

    /**
     * {max, mean} of |z(x).z(x') - k(x, x')| over all pairs of {@code sample} (row-major m x d),
     * the diagonal included.
     */
    static double[] error(KernelApproximation z, Kernel kernel, double[] sample, int m, int d) {
        double[] features = z.map(sample, m, d);
        int c = z.components();
        double[] exact = new double[m * m];
        kernel.block(sample, m, sample, m, d, exact);
        double max = 0;
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double dot = 0;
                for (int k = 0; k < c; k++) {
                    dot += features[i * c + k] * features[j * c + k];
                }
                double e = Math.abs(dot - exact[i * m + j]);
                max = Math.max(max, e);
                sum += e;
            }
        }
        return new double[]{max, m == 0 ? 0 : sum / ((double) m * m)};
    }
}
