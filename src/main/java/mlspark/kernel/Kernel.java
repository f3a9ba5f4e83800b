package mlspark.kernel;

import java.io.Serializable;
import java.util.Optional;

import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;

/**
 * A kernel function k(x, z) on feature vectors of one dimension. Implementations are immutable
 * and serializable, so Spark can ship them to executors. The default methods build new kernels
 * from this one (the construction rules of Mercer kernels, and a*k for any real a, which is a
 * kernel only for a >= 0: {@link MercerCheck} tells).
 */
public interface Kernel extends Serializable {
    double apply(double[] x, double[] z);

    /** A formula-like description, e.g. "rbf(gamma=0.2)" or "(linear + rbf(gamma=1))". */
    String describe();

    /**
     * k(a_i, b_j) for point i of {@code a} and point j of {@code b}: this default is {@link #apply} on the two
     * rows (a sparse row densified); the kernels of x.z, |x|^2 and |z|^2 ({@link InnerProductKernel}) and the
     * sums, products and polynomials of kernels compute it from the rows as they are.
     */
    default double apply(Points a, int i, Points b, int j) {
        return apply(a.dense(i), b.dense(j));
    }

    /**
     * A block of kernel values: out[i * n + j] = k(a_i, b_j) for the m points of {@code a} and the n of
     * {@code b}; out holds at least m * n values. This default evaluates {@link #apply(Points, int, Points, int)}
     * pair by pair; an {@link InnerProductKernel} takes the points' inner products as one product
     * ({@link KernelBlocks#innerProducts(Points, Points, double[])}: a {@code dgemm} for dense points) and its
     * function of them elementwise.
     */
    default void block(Points a, Points b, double[] out) {
        int m = a.size();
        int n = b.size();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = apply(a, i, b, j);
            }
        }
    }

    /**
     * {@link #block(Points, Points, double[])} stored as float (kernel rows of float32 precision, as LIBSVM caches
     * them): this default computes the block in double and rounds it; an {@link InnerProductKernel} takes dense
     * points' inner products by one {@code sgemm}.
     */
    default void block(Points a, Points b, float[] out) {
        int count = a.size() * b.size();
        double[] values = new double[count];
        block(a, b, values);
        for (int t = 0; t < count; t++) {
            out[t] = (float) values[t];
        }
    }

    /** {@link #block(Points, Points, double[])} of an m x d and an n x d row-major block. */
    default void block(double[] a, int m, double[] b, int n, int d, double[] out) {
        block(DensePoints.ofRowMajor(a, m, d), DensePoints.ofRowMajor(b, n, d), out);
    }

    /** This kernel in scikit-learn's and LIBSVM's terms, when it is one of their four (linear, poly, rbf, sigmoid). */
    default Optional<KernelSpec> spec() {
        return Optional.empty();
    }

    /** k(x, z) + other(x, z). */
    default Kernel plus(Kernel other) {
        return new SumKernel(this, other);
    }

    /** k(x, z) * other(x, z). */
    default Kernel times(Kernel other) {
        return new ProductKernel(this, other);
    }

    /** a * k(x, z). */
    default Kernel scaled(double a) {
        return new ScaledKernel(a, this);
    }

    /** k(phi(x), phi(z)). */
    default Kernel after(FeatureMap phi) {
        return new MappedKernel(this, phi);
    }

    /** p(k(x, z)) = c_0 + c_1 k + c_2 k^2 + ...; a kernel when every c_i >= 0. */
    default Kernel polynomial(double... coefficients) {
        return new PolynomialOfKernel(coefficients, this);
    }

    static double dot(double[] x, double[] z) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += x[j] * z[j];
        }
        return s;
    }

    static double squaredDistance(double[] x, double[] z) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            double d = x[j] - z[j];
            s += d * d;
        }
        return s;
    }
}
