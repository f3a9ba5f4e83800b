package mlspark.kernel;

import java.io.Serializable;

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
