package mlspark.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FactorizationTest {
    /** A random symmetric matrix B B' / k + shift I (positive definite for shift > 0). */
    private static double[] symmetric(int n, double shift, long seed) {
        Random r = new Random(seed);
        int k = 7;
        double[][] b = new double[n][k];
        for (double[] row : b) {
            for (int j = 0; j < k; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += b[i][t] * b[j][t];
                }
                a[i * n + j] = s / k + (i == j ? shift : 0);
            }
        }
        return a;
    }

    private static double residual(double[] a, int n, double[] x, double[] b) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * x[j];
            }
            worst = Math.max(worst, Math.abs(s - b[i]));
        }
        return worst;
    }

    @Test
    void blockedCholeskyEqualsLapacksDpotrf() {
        int n = 3 * Cholesky.BLOCK + 17;
        double[] a = symmetric(n, 0.5, 1);
        double[] blocked = new double[n * n + n];
        System.arraycopy(a, 0, blocked, 0, n * n);
        assertTrue(Cholesky.blocked(blocked, n));
        double[] reference = a.clone();
        org.netlib.util.intW info = new org.netlib.util.intW(0);
        Blas.lapack().dpotrf("U", n, reference, n, info);
        assertEquals(0, info.val);
        // the upper triangle (column-major) holds U
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                assertEquals(reference[i + j * n], blocked[i + j * n], 1e-10, "U(" + i + "," + j + ")");
            }
        }
        double[] notPd = symmetric(n, -0.3, 2);
        double[] padded = new double[n * n + n];
        System.arraycopy(notPd, 0, padded, 0, n * n);
        assertFalse(Cholesky.blocked(padded, n));
    }

    @Test
    void choleskySolvesAndRejectsIndefiniteMatrices() {
        int n = 300;
        double[] a = symmetric(n, 0.1, 3);
        double[] d = new Random(4).doubles(n, 0, 2).toArray();
        Cholesky c = new Cholesky(n);
        assertTrue(c.factor(a, d, 0.5));
        double[] shifted = a.clone();
        for (int i = 0; i < n; i++) {
            shifted[i * n + i] += d[i] + 0.5;
        }
        double[] b = new Random(5).doubles(n, -1, 1).toArray();
        double[] x = b.clone();
        c.solve(x);
        assertTrue(residual(shifted, n, x, b) < 1e-10);
        assertFalse(c.factor(symmetric(n, -0.2, 6)));
    }

    @Test
    void ldltSolvesIndefiniteSystems() {
        int n = 200;
        double[] a = symmetric(n, -0.3, 7);
        assertFalse(new Cholesky(n).factor(a));
        Ldlt l = new Ldlt(n);
        assertTrue(l.factor(a, null));
        double[] b = new Random(8).doubles(n, -1, 1).toArray();
        double[] x = b.clone();
        l.solve(x);
        assertTrue(residual(a, n, x, b) < 1e-9, "residual " + residual(a, n, x, b));
    }
}
