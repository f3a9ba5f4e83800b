package mlspark.kernel;

/** k(x, z) = f(x) f(z) for a real function f. */
public record FeatureProductKernel(ScalarFunction f) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return f.apply(x) * f.apply(z);
    }

    @Override
    public String describe() {
        return f.describe() + "(x) " + f.describe() + "(z)";
    }
}
