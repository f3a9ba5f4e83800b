package mlspark.kernel;

import org.netlib.util.intW;

import mlspark.linalg.Blas;

/**
 * Whether a function behaves as a Mercer kernel on a sample: its Gram matrix must be symmetric and
 * positive semidefinite. The eigenvalues come from LAPACK {@code dsyevd}; when the smallest is
 * below {@code -tolerance * max(1, |largest|)} its eigenvector c is the witness: c'Kc = lambda_min < 0.
 */
public final class MercerCheck {
    /** Relative tolerance of the verdict: rounding leaves eigenvalues of order 1e-16 |K| n. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /**
     * @param asymmetry             max |K_ij - K_ji| / max(1, max |K_ij|)
     * @param witness               when not PSD, a unit vector c with c'Kc < 0 (else null)
     * @param witnessQuadraticForm  c'Kc of the witness, computed from K itself (NaN without one)
     */
    public record Result(String kernel, int points, boolean symmetric, double asymmetry, double smallestEigenvalue,
                         double largestEigenvalue, boolean psd, double[] witness, double witnessQuadraticForm) {
    }

    private MercerCheck() {
    }

    public static Result check(Kernel kernel, double[][] points, double tolerance) {
        int n = points.length;
        double[] gram = Gram.matrix(kernel, points);
        double largest = 0;
        double asymmetry = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                largest = Math.max(largest, Math.abs(gram[i * n + j]));
                asymmetry = Math.max(asymmetry, Math.abs(gram[i * n + j] - gram[j * n + i]));
            }
        }
        asymmetry /= Math.max(1, largest);
        boolean symmetric = asymmetry <= tolerance;

        // dsyevd reads the upper triangle of the column-major matrix, i.e. the lower one of ours
        double[] vectors = gram.clone();
        double[] eigenvalues = new double[n];
        eigen(vectors, n, eigenvalues);
        double smallest = eigenvalues[0];
        double top = eigenvalues[n - 1];
        boolean psd = symmetric && smallest >= -tolerance * Math.max(1, Math.abs(top));
        double[] witness = null;
        double form = Double.NaN;
        if (smallest < -tolerance * Math.max(1, Math.abs(top))) {
            witness = new double[n];
            System.arraycopy(vectors, 0, witness, 0, n);
            double[] kc = new double[n];
            Blas.blas().dgemv("T", n, n, 1.0, gram, n, witness, 1, 0.0, kc, 1);
            form = Blas.blas().ddot(n, witness, 1, kc, 1);
        }
        return new Result(kernel.describe(), n, symmetric, asymmetry, smallest, top, psd, witness, form);
    }

    /** Eigenvalues ascending into {@code values}; eigenvectors into the columns of {@code a} (column-major). */
    static void eigen(double[] a, int n, double[] values) {
        intW info = new intW(0);
        double[] work = new double[1];
        int[] iwork = new int[1];
        Blas.lapack().dsyevd("V", "U", n, a, n, values, work, -1, iwork, -1, info);
        work = new double[(int) work[0]];
        iwork = new int[iwork[0]];
        Blas.lapack().dsyevd("V", "U", n, a, n, values, work, work.length, iwork, iwork.length, info);
        if (info.val != 0) {
            throw new ArithmeticException("dsyevd did not converge (info " + info.val + ")");
        }
    }
}
