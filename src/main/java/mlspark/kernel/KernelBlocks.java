package mlspark.kernel;

import java.util.stream.IntStream;

import mlspark.linalg.Blas;

/**
 * Row-major point blocks and the BLAS products over them: the inner products of two blocks (the
 * first step of a kernel's {@link Kernel#block}), squared norms, and kernel blocks times coefficients.
 */
public final class KernelBlocks {
    private KernelBlocks() {
    }

    /**
     * out[i * n + j] = a_i.b_j, for a an m x d and b an n x d row-major block, by one {@code dgemm}:
     * the first step of the kernels' {@link Kernel#block}.
     */
    public static void innerProducts(double[] a, int m, double[] b, int n, int d, double[] out) {
        if (m == 0 || n == 0) {
            return;
        }
        // row-major out (m x n) = A B' is column-major out' (n x m) = B A'
        Blas.blas().dgemm("T", "N", n, m, d, 1.0, b, d, a, d, 0.0, out, n);
    }

    /** Rows and points per kernel block of {@link #multiply}: 1 MB, which stays in the CPU cache. */
    private static final int ROW_BLOCK = 256;
    private static final int POINT_BLOCK = 512;

    /**
     * out += K c: out (n x c, row-major) plus the kernel values between the n rows of {@code rows}
     * and the s {@code points} (both row-major, d columns) times {@code coefficients} (s x c,
     * row-major), by kernel blocks of at most {@value #ROW_BLOCK} x {@value #POINT_BLOCK} values, each
     * times its coefficients by {@code dgemm}: c weighted sums for the price of one set of kernel values.
     */
    public static void multiply(Kernel kernel, double[] rows, int n, double[] points, int s, int d,
                                double[] coefficients, int c, double[] out) {
        double[] block = new double[ROW_BLOCK * Math.min(POINT_BLOCK, Math.max(1, s))];
        for (int s0 = 0; s0 < s; s0 += POINT_BLOCK) {
            int s1 = Math.min(s, s0 + POINT_BLOCK);
            double[] vectors = java.util.Arrays.copyOfRange(points, s0 * d, s1 * d);
            for (int r0 = 0; r0 < n; r0 += ROW_BLOCK) {
                int r1 = Math.min(n, r0 + ROW_BLOCK);
                double[] part = java.util.Arrays.copyOfRange(rows, r0 * d, r1 * d);
                kernel.block(part, r1 - r0, vectors, s1 - s0, d, block);
                // column-major: out' (c x rows) += coefficients' (c x points) block' (points x rows)
                Blas.blas().dgemm("N", "N", c, r1 - r0, s1 - s0, 1.0, coefficients, s0 * c, c, block, 0, s1 - s0,
                        1.0, out, r0 * c, c);
            }
        }
    }

    /** Values (count x values each) from which {@link #inTwoHalves} splits a step across two threads. */
    static final int SPLIT_VALUES = 1 << 15;

    /** A step over the items [from, to). */
    @FunctionalInterface
    public interface RangeStep {
        void apply(int from, int to);
    }

    /**
     * step over the items [0, count) of {@code valuesEach} values each: from {@value #SPLIT_VALUES}
     * values on, in two halves at once, the caller's thread and the common fork-join pool's (a parallel
     * stream: with two cores the pool has one worker, and a caller whose half the busy pool has not
     * taken runs it itself).
     */
    public static void inTwoHalves(int count, int valuesEach, RangeStep step) {
        if (count < 2 || (long) count * valuesEach < SPLIT_VALUES) {
            step.apply(0, count);
            return;
        }
        int middle = count / 2;
        IntStream.of(0, 1).parallel().forEach(half -> step.apply(half == 0 ? 0 : middle, half == 0 ? middle : count));
    }

    /** |row_i|^2 of an m x d row-major block. */
    public static double[] squaredNorms(double[] rows, int m, int d) {
        double[] norms = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                s += rows[j] * rows[j];
            }
            norms[i] = s;
        }
        return norms;
    }

    /** The rows of {@code points} stacked row-major. */
    public static double[] stack(double[][] points, int d) {
        double[] flat = new double[points.length * d];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(points[i], 0, flat, i * d, d);
        }
        return flat;
    }
}
