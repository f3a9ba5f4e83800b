package mlspark.kernel;

/** k(x, z) = inner(phi(x), phi(z)). */
public record MappedKernel(Kernel inner, FeatureMap phi) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return inner.apply(phi.apply(x), phi.apply(z));
    }

    @Override
    public String describe() {
        return inner.describe() + " o " + phi.describe();
    }
}
