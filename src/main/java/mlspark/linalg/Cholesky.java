package mlspark.linalg;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

import org.netlib.util.intW;

/**
 * The Cholesky factorization A = U'U of a symmetric positive definite n x n matrix, in place, and
 * solves with it. With a native LAPACK this is {@code dpotrf}. Netlib's pure-Java LAPACK runs
 * {@code dpotrf} on its own scalar BLAS (about 2 GFLOP/s here), so without a native library the
 * factorization is LAPACK's blocked algorithm written out: {@code dpotrf} on each diagonal block,
 * the panel by {@code dtrsm}, and the bulk of the work, the update of each block row by all rows
 * above it (left-looking), as one {@code dgemm} of the Vector-API BLAS, split over two threads.
 * <p>
 * Storage is column-major with leading dimension n, which for a symmetric matrix is the same as
 * row-major. The factor lives in this object's own array, one column longer than n x n, because
 * netlib's bounds checks count whole columns below a sub-matrix's offset.
 */
public final class Cholesky {
    /** Block size of the blocked factorization. */
    static final int BLOCK = 128;
    /** Below this the split of a dgemm over two threads costs more than it saves. */
    private static final int PARALLEL_COLUMNS = 512;

    private final int n;
    private final double[] u;
    private boolean factored;

    /** Workspace for factoring n x n matrices, reusable. */
    public Cholesky(int n) {
        this.n = n;
        this.u = new double[n * n + n];
    }

    /**
     * Factors {@code a} (n x n, unchanged) as U'U, U upper triangular.
     *
     * @return false when {@code a} is not (numerically) positive definite
     */
    public boolean factor(double[] a) {
        return factor(a, null, 0);
    }

    /**
     * Factors a + diag(d) + delta I ({@code a} unchanged; {@code d} may be null), the matrices of
     * interior-point methods and of regularized retries.
     *
     * @return false when that matrix is not (numerically) positive definite
     */
    public boolean factor(double[] a, double[] d, double delta) {
        if (a.length < n * n) {
            throw new IllegalArgumentException("matrix of " + a.length + " values is not " + n + " x " + n);
        }
        System.arraycopy(a, 0, u, 0, n * n);
        for (int i = 0; i < n; i++) {
            u[i * n + i] += (d == null ? 0 : d[i]) + delta;
        }
        factored = Blas.lapackImplementation().equals("native") || n <= BLOCK ? lapack(u, n) : blocked(u, n);
        return factored;
    }

    private static boolean lapack(double[] a, int n) {
        intW info = new intW(0);
        Blas.lapack().dpotrf("U", n, a, Math.max(1, n), info);
        return info.val == 0;
    }

    /** The blocked factorization of {@code a} (n x n, plus one column of padding), in place. */
    static boolean blocked(double[] a, int n) {
        for (int j = 0; j < n; j += BLOCK) {
            int jb = Math.min(BLOCK, n - j);
            int rest = n - j - jb;
            if (j > 0) {
                // A[J, j:n] -= U[0:j, J]' U[0:j, j:n]
                gemmUpdate(a, n, j, jb, n - j);
            }
            intW info = new intW(0);
            Blas.lapack().dpotrf("U", jb, a, j + j * n, n, info);
            if (info.val != 0) {
                return false;
            }
            if (rest > 0) {
                // U[J, j+jb:n] = U[J, J]'^-1 A[J, j+jb:n]
                Blas.blas().dtrsm("L", "U", "T", "N", jb, rest, 1.0, a, j + j * n, n, a, j + (j + jb) * n, n);
            }
        }
        return true;
    }

    private static void gemmUpdate(double[] a, int n, int j, int jb, int columns) {
        if (columns < PARALLEL_COLUMNS || ForkJoinPool.getCommonPoolParallelism() < 1) {
            gemm(a, n, j, jb, j, columns);
            return;
        }
        int half = columns / 2;
        CompletableFuture<Void> right = CompletableFuture.runAsync(() -> gemm(a, n, j, jb, j + half, columns - half));
        gemm(a, n, j, jb, j, half);
        right.join();
    }

    /** A[j:j+jb, c:c+count] -= U[0:j, j:j+jb]' U[0:j, c:c+count]. */
    private static void gemm(double[] a, int n, int j, int jb, int c, int count) {
        Blas.blas().dgemm("T", "N", jb, count, j, -1.0, a, j * n, n, a, c * n, n, 1.0, a, j + c * n, n);
    }

    /** Solves A x = b in place ({@code b} becomes x), with the last successful factorization. */
    public void solve(double[] b) {
        if (!factored) {
            throw new IllegalStateException("no factorization");
        }
        // U' w = b, then U x = w
        Blas.blas().dtrsv("U", "T", "N", n, u, n, b, 1);
        Blas.blas().dtrsv("U", "N", "N", n, u, n, b, 1);
    }
}
