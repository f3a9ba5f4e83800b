package mlspark.kernel;

/**
 * The explicit feature map of the kernel (x.z + 1)^2 on R^D: phi(x) = (1, sqrt2 x_i, x_i^2,
 * sqrt2 x_i x_j for i < j), so phi(x).phi(z) = (x.z + 1)^2; (D+1)(D+2)/2 features, 6 for D = 2.
 */
public record QuadraticFeatureMap() implements FeatureMap {
    private static final double SQRT2 = Math.sqrt(2);

    public static int features(int dimension) {
        return (dimension + 1) * (dimension + 2) / 2;
    }

    @Override
    public double[] apply(double[] x) {
        int d = x.length;
        double[] phi = new double[features(d)];
        int k = 0;
        phi[k++] = 1;
        for (double v : x) {
            phi[k++] = SQRT2 * v;
        }
        for (double v : x) {
            phi[k++] = v * v;
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                phi[k++] = SQRT2 * x[i] * x[j];
            }
        }
        return phi;
    }

    @Override
    public String describe() {
        return "phi_quadratic";
    }
}
