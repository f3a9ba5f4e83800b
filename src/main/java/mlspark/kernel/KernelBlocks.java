package mlspark.kernel;

import java.util.stream.IntStream;

import mlspark.linalg.Blas;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;

/**
 * The products over point sets: the inner products of two sets (the first step of a kernel's
 * {@link Kernel#block}: one BLAS {@code dgemm} for dense points, a sparse product where either set is sparse),
 * and kernel blocks times coefficients.
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

    /** {@link #innerProducts(double[], int, double[], int, int, double[])} in float, by one {@code sgemm}. */
    public static void innerProducts(float[] a, int m, float[] b, int n, int d, float[] out) {
        if (m == 0 || n == 0) {
            return;
        }
        Blas.blas().sgemm("T", "N", n, m, d, 1.0f, b, d, a, d, 0.0f, out, n);
    }

    /**
     * out[i * n + j] = a_i.b_j for the m points of {@code a} and the n of {@code b} (of one dimension d):
     * dense and dense by one {@code dgemm}; sparse and dense by gathering each sparse row's features from
     * the dense rows; sparse and sparse by scattering: each non-zero (k, v) of a_i adds v b_jk to the
     * entries of the rows j of {@code b} that have feature k ({@link SparsePoints#columns}), so the work is
     * the products of non-zeros that meet, and memory grows with the non-zeros, not with d. Large blocks are
     * split across two threads by rows of {@code a}.
     */
    public static void innerProducts(Points a, Points b, double[] out) {
        int m = a.size();
        int n = b.size();
        int d = a.dimension();
        if (m == 0 || n == 0) {
            return;
        }
        if (a instanceof DensePoints da && b instanceof DensePoints db) {
            innerProducts(da.rowMajor(), m, db.rowMajor(), n, d, out);
        } else if (a instanceof SparsePoints sa && b instanceof DensePoints db) {
            double[] z = db.rowMajor();
            int[] start = sa.rowStart();
            int[] index = sa.indices();
            double[] value = sa.values();
            inTwoHalves(m, n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < n; j++) {
                        int offset = j * d;
                        double s = 0;
                        for (int t = start[i]; t < start[i + 1]; t++) {
                            s += value[t] * z[offset + index[t]];
                        }
                        out[i * n + j] = s;
                    }
                }
            });
        } else if (a instanceof DensePoints da && b instanceof SparsePoints sb) {
            double[] x = da.rowMajor();
            int[] start = sb.rowStart();
            int[] index = sb.indices();
            double[] value = sb.values();
            inTwoHalves(m, n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int offset = i * d;
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int u = start[j]; u < start[j + 1]; u++) {
                            s += value[u] * x[offset + index[u]];
                        }
                        out[i * n + j] = s;
                    }
                }
            });
        } else {
            SparsePoints sa = (SparsePoints) a;
            SparsePoints.Columns columns = ((SparsePoints) b).columns();
            int[] start = sa.rowStart();
            int[] index = sa.indices();
            double[] value = sa.values();
            inTwoHalves(m, n, (from, to) -> {
                java.util.Arrays.fill(out, from * n, to * n, 0);
                for (int i = from; i < to; i++) {
                    int offset = i * n;
                    for (int t = start[i]; t < start[i + 1]; t++) {
                        int c = columns.find(index[t]);
                        if (c >= 0) {
                            double v = value[t];
                            for (int u = columns.start()[c]; u < columns.start()[c + 1]; u++) {
                                out[offset + columns.rows()[u]] += v * columns.values()[u];
                            }
                        }
                    }
                }
            });
        }
    }

    /** Rows and points per kernel block of {@link #multiply}: 1 MB, which stays in the CPU cache. */
    private static final int ROW_BLOCK = 256;
    private static final int POINT_BLOCK = 512;

    /**
     * out += K c: out (n x c, row-major) plus the kernel values between the n {@code rows} and the s
     * {@code points} times {@code coefficients} (s x c, row-major), by kernel blocks of at most
     * {@value #ROW_BLOCK} x {@value #POINT_BLOCK} values, each times its coefficients by {@code dgemm}: c
     * weighted sums for the price of one set of kernel values.
     */
    public static void multiply(Kernel kernel, Points rows, Points points, double[] coefficients, int c, double[] out) {
        int n = rows.size();
        int s = points.size();
        double[] block = new double[ROW_BLOCK * Math.min(POINT_BLOCK, Math.max(1, s))];
        for (int s0 = 0; s0 < s; s0 += POINT_BLOCK) {
            int s1 = Math.min(s, s0 + POINT_BLOCK);
            Points vectors = s0 == 0 && s1 == s ? points : points.range(s0, s1);
            for (int r0 = 0; r0 < n; r0 += ROW_BLOCK) {
                int r1 = Math.min(n, r0 + ROW_BLOCK);
                kernel.block(r0 == 0 && r1 == n ? rows : rows.range(r0, r1), vectors, block);
                // column-major: out' (c x rows) += coefficients' (c x points) block' (points x rows)
                Blas.blas().dgemm("N", "N", c, r1 - r0, s1 - s0, 1.0, coefficients, s0 * c, c, block, 0, s1 - s0,
                        1.0, out, r0 * c, c);
            }
        }
    }

    /** {@link #multiply(Kernel, Points, Points, double[], int, double[])} of row-major blocks of d columns. */
    public static void multiply(Kernel kernel, double[] rows, int n, double[] points, int s, int d,
                                double[] coefficients, int c, double[] out) {
        multiply(kernel, DensePoints.ofRowMajor(rows, n, d), DensePoints.ofRowMajor(points, s, d), coefficients, c, out);
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

    /** The rows of {@code points} stacked row-major. */
    public static double[] stack(double[][] points, int d) {
        double[] flat = new double[points.length * d];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(points[i], 0, flat, i * d, d);
        }
        return flat;
    }
}
