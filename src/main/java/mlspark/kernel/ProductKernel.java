package mlspark.kernel;

import mlspark.linalg.Points;

/** k(x, z) = left(x, z) * right(x, z). */
public record ProductKernel(Kernel left, Kernel right) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return left.apply(x, z) * right.apply(x, z);
    }

    @Override
    public double apply(Points a, int i, Points b, int j) {
        return left.apply(a, i, b, j) * right.apply(a, i, b, j);
    }

    @Override
    public String describe() {
        return "(" + left.describe() + " * " + right.describe() + ")";
    }
}
