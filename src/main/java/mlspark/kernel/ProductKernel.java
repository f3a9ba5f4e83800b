package mlspark.kernel;

/** k(x, z) = left(x, z) * right(x, z). */
public record ProductKernel(Kernel left, Kernel right) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return left.apply(x, z) * right.apply(x, z);
    }

    @Override
    public String describe() {
        return "(" + left.describe() + " * " + right.describe() + ")";
    }
}
