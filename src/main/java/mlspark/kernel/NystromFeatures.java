package mlspark.kernel;

import mlspark.linalg.Blas;

/**
 * The Nystrom approximation of a kernel from M landmarks L (Williams and Seeger, NIPS 2000):
 * z(x) = Lambda^{-1/2} U' k(L, x), with K_LL = U Lambda U' (LAPACK {@code dsyevd}; eigenvalues below
 * {@value #RELATIVE_CUTOFF} of the largest are dropped, the pseudo-inverse), so that
 * z(x).z(x') = k(x, L) K_LL^+ k(L, x'), exact when x and x' are landmarks.
 *
 * @param landmarks  M x d row-major
 * @param projection r x M row-major: row k = u_k / sqrt(lambda_k)
 */
public record NystromFeatures(Kernel kernel, int dimension, int landmarkCount, double[] landmarks, double[] projection)
        implements KernelApproximation {
    static final double RELATIVE_CUTOFF = 1e-12;

    /** From landmarks (row-major m x d). */
    public static NystromFeatures of(Kernel kernel, double[] landmarks, int d) {
        int m = landmarks.length / d;
        double[] gram = new double[m * m];
        kernel.block(landmarks, m, landmarks, m, d, gram);
        double[] values = new double[m];
        MercerCheck.eigen(gram, m, values);
        double top = m == 0 ? 0 : values[m - 1];
        int r = 0;
        for (double v : values) {
            if (v > RELATIVE_CUTOFF * top) {
                r++;
            }
        }
        double[] projection = new double[r * m];
        // eigenvalues ascend: the kept ones are the last r, eigenvectors in the columns (column-major)
        for (int k = 0; k < r; k++) {
            int col = m - r + k;
            double s = 1 / Math.sqrt(values[col]);
            for (int j = 0; j < m; j++) {
                projection[k * m + j] = gram[col * m + j] * s;
            }
        }
        return new NystromFeatures(kernel, d, m, landmarks, projection);
    }

    /** The rank kept, r <= M. */
    @Override
    public int components() {
        return landmarkCount == 0 ? 0 : projection.length / landmarkCount;
    }

    @Override
    public double[] map(double[] rows, int n, int d) {
        int m = landmarkCount;
        int r = components();
        double[] c = new double[n * m];
        kernel.block(rows, n, landmarks, m, d, c);
        double[] z = new double[n * r];
        if (n > 0 && r > 0) {
            // row-major z (n x r) = C P' is column-major z' (r x n) = P C'
            Blas.blas().dgemm("T", "N", r, n, m, 1.0, projection, m, c, m, 0.0, z, r);
        }
        return z;
    }

    @Override
    public String describe() {
        return "nystrom(M=" + landmarkCount + ", rank " + components() + ", " + kernel.describe() + ")";
    }
}
