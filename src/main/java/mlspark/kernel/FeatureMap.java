package mlspark.kernel;

import java.io.Serializable;

/** A feature map phi: R^D -> R^M, as in the kernel k(phi(x), phi(z)) or phi(x).phi(z). */
@FunctionalInterface
public interface FeatureMap extends Serializable {
    double[] apply(double[] x);

    default String describe() {
        return "phi";
    }

    /** {@code phi} with a name for tables. */
    static FeatureMap named(String name, FeatureMap phi) {
        return new FeatureMap() {
            @Override
            public double[] apply(double[] x) {
                return phi.apply(x);
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }
}
