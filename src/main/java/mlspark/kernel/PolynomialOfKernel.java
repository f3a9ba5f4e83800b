package mlspark.kernel;

import mlspark.linalg.Points;

/** k(x, z) = p(inner(x, z)) with p(t) = c_0 + c_1 t + ... + c_m t^m (Horner's rule). */
public record PolynomialOfKernel(double[] coefficients, Kernel inner) implements Kernel {
    public PolynomialOfKernel {
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("a polynomial needs at least one coefficient");
        }
        coefficients = coefficients.clone();
    }

    @Override
    public double apply(double[] x, double[] z) {
        return of(inner.apply(x, z));
    }

    @Override
    public double apply(Points a, int i, Points b, int j) {
        return of(inner.apply(a, i, b, j));
    }

    private double of(double t) {
        double p = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            p = p * t + coefficients[i];
        }
        return p;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder("p(").append(inner.describe()).append("), p = [");
        for (int i = 0; i < coefficients.length; i++) {
            double c = coefficients[i];
            s.append(i == 0 ? "" : ", ").append(c == Math.rint(c) && Math.abs(c) < 1e15 ? String.valueOf((long) c)
                    : String.format("%.4g", c));
        }
        return s.append(']').toString();
    }
}
