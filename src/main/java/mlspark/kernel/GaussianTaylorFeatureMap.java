package mlspark.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A finite feature map of the Gaussian kernel exp(-gamma |x - z|^2) on R^D, from the Taylor series
 * of exp(2 gamma x.z) cut after the term of degree {@code order}:
 * <pre>
 *   exp(-gamma |x-z|^2) = exp(-gamma |x|^2) exp(-gamma |z|^2) sum_k (2 gamma)^k (x.z)^k / k!
 *   phi_a(x) = exp(-gamma |x|^2) sqrt((2 gamma)^|a| / a!) x^a,   every multi-index a with |a| <= order
 * </pre>
 * (the multinomial expansion of (x.z)^k gives the weights k!/a!). phi(x).phi(z) misses exactly the
 * tail of the series, which shrinks like (2 gamma |x||z|)^(order+1) / (order+1)!.
 */
public final class GaussianTaylorFeatureMap implements FeatureMap {
    private final double gamma;
    private final int order;
    private final int[][] exponents;
    private final double[] weights;

    public GaussianTaylorFeatureMap(int dimension, double gamma, int order) {
        if (dimension < 1 || order < 0 || !(gamma > 0)) {
            throw new IllegalArgumentException("need dimension >= 1, order >= 0, gamma > 0; got " + dimension + ", "
                    + order + ", " + gamma);
        }
        this.gamma = gamma;
        this.order = order;
        List<int[]> all = new ArrayList<>();
        for (int k = 0; k <= order; k++) {
            multiIndices(new int[dimension], 0, k, all);
        }
        exponents = all.toArray(new int[0][]);
        weights = new double[exponents.length];
        for (int f = 0; f < exponents.length; f++) {
            double w = 1;
            for (int a : exponents[f]) {
                for (int t = 1; t <= a; t++) {
                    w *= 2 * gamma / t;
                }
            }
            weights[f] = Math.sqrt(w);
        }
    }

    /** Every a with a_j >= 0 and sum_j a_j = remaining over positions j >= position. */
    private static void multiIndices(int[] a, int position, int remaining, List<int[]> out) {
        if (position == a.length - 1) {
            a[position] = remaining;
            out.add(a.clone());
            return;
        }
        for (int v = remaining; v >= 0; v--) {
            a[position] = v;
            multiIndices(a, position + 1, remaining - v, out);
        }
    }

    public int features() {
        return exponents.length;
    }

    @Override
    public double[] apply(double[] x) {
        double scale = Math.exp(-gamma * Kernel.dot(x, x));
        double[] phi = new double[exponents.length];
        for (int f = 0; f < exponents.length; f++) {
            double monomial = 1;
            for (int j = 0; j < x.length; j++) {
                for (int t = 0; t < exponents[f][j]; t++) {
                    monomial *= x[j];
                }
            }
            phi[f] = scale * weights[f] * monomial;
        }
        return phi;
    }

    @Override
    public String describe() {
        return "phi_taylor(gamma=" + gamma + ", order=" + order + ")";
    }
}
