package mlspark.kernel;

import java.util.List;

/**
 * The assignment's Q1: kernels built by the construction rules (sums, products, positive scalings,
 * polynomials with non-negative coefficients, compositions with feature maps) beside constructions
 * the rules do not cover, each with what the rules say of it.
 */
public final class KernelConstructions {
    /** A construction, and whether the construction rules make it a kernel ("yes", "no", "not guaranteed"). */
    public record Construction(String rule, Kernel kernel, String expected) {
    }

    private KernelConstructions() {
    }

    /** The constructions on points of {@code dimension} coordinates, in the report's order. */
    public static List<Construction> of(int dimension) {
        Kernel linear = new LinearKernel();
        Kernel k1 = new RbfKernel(0.5);
        Kernel k2 = new PolynomialKernel(1, 2, 1);
        ScalarFunction f = ScalarFunction.named("f", x -> Math.sin(x[0]) + x[x.length - 1] * x[x.length - 1]);
        FeatureMap quadratic = new QuadraticFeatureMap();
        return List.of(
                new Construction("linear x.z", linear, "yes"),
                new Construction("polynomial (gamma x.z + coef0)^d", new PolynomialKernel(1, 3, 1), "yes"),
                new Construction("Gaussian k1", k1, "yes"),
                new Construction("sigmoid tanh(gamma x.z + coef0)", new SigmoidKernel(1, 1), "not guaranteed"),
                new Construction("k1 + k2", k1.plus(k2), "yes"),
                new Construction("k1 * k2", k1.times(k2), "yes"),
                new Construction("a k1, a = 2.5", k1.scaled(2.5), "yes"),
                new Construction("-a k1, a = 2", k1.scaled(-2), "no"),
                new Construction("k1 - k2", k1.plus(k2.scaled(-1)), "not guaranteed"),
                new Construction("f(x) f(z)", new FeatureProductKernel(f), "yes"),
                new Construction("k3(phi(x), phi(z)), k3 Gaussian", k1.after(quadratic), "yes"),
                new Construction("p(k1), p >= 0 coefficients", k1.polynomial(1, 2, 0, 0.5), "yes"),
                new Construction("p(k1), p(t) = t - t^2", k1.polynomial(0, 1, -1), "not guaranteed"),
                new Construction("exp(k1) by p(k1) to degree 8", k1.polynomial(1, 1, 1.0 / 2, 1.0 / 6, 1.0 / 24,
                        1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320), "yes"),
                new Construction("phi(x).phi(z), quadratic map", linear.after(quadratic), "yes"),
                new Construction("phi(x).phi(z), Taylor map of k1, order 6",
                        linear.after(new GaussianTaylorFeatureMap(dimension, 0.5, 6)), "yes"));
    }

    /** {@code points} x {@code dimension} draws of N(0, I), seeded: the sample the constructions are checked on. */
    public static double[][] sample(int points, int dimension, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[][] sample = new double[points][dimension];
        for (double[] x : sample) {
            for (int j = 0; j < dimension; j++) {
                x[j] = random.nextGaussian();
            }
        }
        return sample;
    }
}
