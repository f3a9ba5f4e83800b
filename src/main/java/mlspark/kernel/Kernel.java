package mlspark.kernel;

import java.io.Serializable;
import java.util.Optional;

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
     * A block of kernel values: out[i * n + j] = k(a_i, b_j), for a an m x d and b an n x d row-major
     * block; out holds at least m * n values. This default evaluates {@link #apply} pair by pair; a
     * kernel that is a function of x.z or of |x - z|^2 overrides it with one BLAS {@code dgemm} of the
     * rows ({@link KernelBlocks#innerProducts}) and its function applied elementwise.
     */
    default void block(double[] a, int m, double[] b, int n, int d, double[] out) {
        double[] x = new double[d];
        double[] z = new double[d];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, i * d, x, 0, d);
            for (int j = 0; j < n; j++) {
                System.arraycopy(b, j * d, z, 0, d);
                out[i * n + j] = apply(x, z);
            }
        }
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
