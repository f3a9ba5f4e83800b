package mlspark.kernel;

import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;

/**
 * A kernel that is a function f(x.z, |x|^2, |z|^2): its block of values is the points' inner products (one
 * {@code dgemm} for dense points, a sparse product otherwise: {@link KernelBlocks#innerProducts(Points, Points,
 * double[])}) followed by f elementwise with the squared norms the point sets cache, so dense and sparse rows
 * share the function step.
 */
public interface InnerProductKernel extends Kernel {
    /** f(x.z, |x|^2, |z|^2). */
    double ofInnerProduct(double xz, double xx, double zz);

    /**
     * out[t] = f(out[t], an[i], bn[j]) for the entries t = i n + j in [from, to) of a block of n columns, row
     * by row. (A kernel whose f is cheap overrides it so that the JIT sees its f in one monomorphic loop.)
     */
    default void ofInnerProducts(double[] out, int from, int to, int n, double[] an, double[] bn) {
        int t = from;
        while (t < to) {
            int i = t / n;
            int rowStart = i * n;
            int rowEnd = Math.min(to, rowStart + n);
            double ai = an[i];
            for (; t < rowEnd; t++) {
                out[t] = ofInnerProduct(out[t], ai, bn[t - rowStart]);
            }
        }
    }

    /** {@link #ofInnerProducts(double[], int, int, int, double[], double[])} on a float block, f in double. */
    default void ofInnerProducts(float[] out, int from, int to, int n, double[] an, double[] bn) {
        int t = from;
        while (t < to) {
            int i = t / n;
            int rowStart = i * n;
            int rowEnd = Math.min(to, rowStart + n);
            double ai = an[i];
            for (; t < rowEnd; t++) {
                out[t] = (float) ofInnerProduct(out[t], ai, bn[t - rowStart]);
            }
        }
    }

    /** Dense rows: {@link #apply(double[], double[])}, the kernel's own formula; else f of the sparse dot product. */
    @Override
    default double apply(Points a, int i, Points b, int j) {
        if (a instanceof DensePoints && b instanceof DensePoints) {
            return apply(a.dense(i), b.dense(j));
        }
        return ofInnerProduct(a.dot(i, b, j), a.squaredNorm(i), b.squaredNorm(j));
    }

    /** The inner products, then f, a large block's values split across two threads. */
    @Override
    default void block(Points a, Points b, double[] out) {
        int m = a.size();
        int n = b.size();
        KernelBlocks.innerProducts(a, b, out);
        double[] an = a.squaredNorms();
        double[] bn = b.squaredNorms();
        KernelBlocks.inTwoHalves(m * n, 1, (from, to) -> ofInnerProducts(out, from, to, n, an, bn));
    }

    /**
     * Dense points: their inner products by one {@code sgemm} of their float copies (twice the {@code dgemm}'s
     * throughput), then f in double of each with the squared norms in double; sparse points: the double block,
     * rounded.
     */
    @Override
    default void block(Points a, Points b, float[] out) {
        if (!(a instanceof DensePoints da && b instanceof DensePoints db)) {
            Kernel.super.block(a, b, out);
            return;
        }
        int m = a.size();
        int n = b.size();
        KernelBlocks.innerProducts(da.rowMajorFloat(), m, db.rowMajorFloat(), n, a.dimension(), out);
        double[] an = a.squaredNorms();
        double[] bn = b.squaredNorms();
        KernelBlocks.inTwoHalves(m * n, 1, (from, to) -> ofInnerProducts(out, from, to, n, an, bn));
    }
}
