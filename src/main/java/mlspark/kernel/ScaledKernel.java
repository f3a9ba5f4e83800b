package mlspark.kernel;

import mlspark.linalg.Points;

/** k(x, z) = a * inner(x, z), for any real a (a kernel only when a >= 0). */
public record ScaledKernel(double a, Kernel inner) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return a * inner.apply(x, z);
    }

    @Override
    public double apply(Points x, int i, Points z, int j) {
        return a * inner.apply(x, i, z, j);
    }

    @Override
    public String describe() {
        return a + " * " + inner.describe();
    }
}
