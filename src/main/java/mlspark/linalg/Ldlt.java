package mlspark.linalg;

import org.netlib.util.intW;

/**
 * The factorization A = L D L' of a symmetric, possibly indefinite, nonsingular n x n matrix with
 * Bunch-Kaufman pivoting (LAPACK {@code dsytrf}), and solves with it ({@code dsytrs}). For the
 * matrices {@link Cholesky} cannot take.
 */
public final class Ldlt {
    private final int n;
    private final double[] a;
    private final int[] pivots;
    private double[] work = new double[1];
    private boolean factored;

    public Ldlt(int n) {
        this.n = n;
        this.a = new double[Math.max(1, n * n)];
        this.pivots = new int[n];
    }

    /**
     * Factors a + diag(d) ({@code a} unchanged, {@code d} may be null).
     *
     * @return false when the matrix is singular
     */
    public boolean factor(double[] matrix, double[] d) {
        System.arraycopy(matrix, 0, a, 0, n * n);
        if (d != null) {
            for (int i = 0; i < n; i++) {
                a[i * n + i] += d[i];
            }
        }
        intW info = new intW(0);
        double[] query = new double[1];
        Blas.lapack().dsytrf("U", n, a, Math.max(1, n), pivots, query, -1, info);
        if (work.length < (int) query[0]) {
            work = new double[(int) query[0]];
        }
        Blas.lapack().dsytrf("U", n, a, Math.max(1, n), pivots, work, work.length, info);
        factored = info.val == 0;
        return factored;
    }

    /** Solves A x = b in place. */
    public void solve(double[] b) {
        if (!factored) {
            throw new IllegalStateException("no factorization");
        }
        intW info = new intW(0);
        Blas.lapack().dsytrs("U", n, 1, a, Math.max(1, n), pivots, b, Math.max(1, n), info);
    }
}
