package mlspark.nn;

import java.util.function.DoubleSupplier;

/** Centered finite differences, the tests' independent check of every backward pass. */
final class NumericalGradient {
    static final double H = 1e-5;

    private NumericalGradient() {
    }

    /** d f / d x_i for every element of {@code x}, with f re-evaluated after each nudge of x. */
    static double[] of(DoubleSupplier f, Matrix x) {
        double[] grad = new double[x.size()];
        for (int i = 0; i < grad.length; i++) {
            double old = x.get(i);
            x.set(i, old + H);
            double plus = f.getAsDouble();
            x.set(i, old - H);
            double minus = f.getAsDouble();
            x.set(i, old);
            grad[i] = (plus - minus) / (2 * H);
        }
        return grad;
    }

    /** The scalar {@code sum(out .* weights)}, whose gradient is the backward pass from dOut = weights. */
    static double dot(Matrix out, Matrix weights) {
        double s = 0;
        for (int i = 0; i < out.size(); i++) {
            s += out.get(i) * weights.get(i);
        }
        return s;
    }

    /** max_i |a_i - b_i| / max(1e-8, |a_i| + |b_i|), the assignment's rel_error. */
    static double relativeError(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-8, Math.abs(a[i]) + Math.abs(b[i])));
        }
        return worst;
    }

    static Matrix gaussian(Precision p, int rows, int cols, double std, java.util.Random random) {
        Matrix m = p.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.set(i, std * random.nextGaussian());
        }
        return m;
    }

    /** numpy.linspace(from, to, n) as a rows x cols row-major matrix. */
    static Matrix linspace(Precision p, double from, double to, int rows, int cols) {
        Matrix m = p.zeros(rows, cols);
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            m.set(i, n == 1 ? from : from + (to - from) * i / (n - 1));
        }
        return m;
    }
}
