package mlspark.svm.primal;

import mlspark.optim.StepSchedule;
import mlspark.svm.ClassCosts;

/**
 * The assignment's batch gradient descent as a plain single-threaded loop over the samples, with
 * no BLAS and no Spark: the reference the distributed trainer is tested against and the baseline
 * it is benchmarked against.
 */
public final class SequentialPrimalSvm {
    private SequentialPrimalSvm() {
    }

    /** Parameters (w_1..w_d, b) after {@code epochs} steps from zero; {@code x} is row-major n x d. */
    public static double[] train(double[] x, double[] y, int d, ClassCosts costs, StepSchedule steps, int epochs) {
        double[] params = new double[d + 1];
        for (int t = 0; t < epochs; t++) {
            double[] grad = gradient(x, y, d, costs, params);
            double rate = steps.rate(t);
            for (int j = 0; j <= d; j++) {
                params[j] -= rate * grad[j];
            }
        }
        return params;
    }

    /** grad E at (w, b): (w - sum_i C_i 1[y_i h_i < 1] y_i x_i, -sum_i C_i 1[y_i h_i < 1] y_i). */
    public static double[] gradient(double[] x, double[] y, int d, ClassCosts costs, double[] params) {
        double[] grad = new double[d + 1];
        System.arraycopy(params, 0, grad, 0, d);
        int n = y.length;
        for (int i = 0; i < n; i++) {
            double h = params[d];
            for (int j = 0; j < d; j++) {
                h += params[j] * x[i * d + j];
            }
            if (y[i] * h < 1) {
                double cy = costs.of(y[i]) * y[i];
                for (int j = 0; j < d; j++) {
                    grad[j] -= cy * x[i * d + j];
                }
                grad[d] -= cy;
            }
        }
        return grad;
    }

    /** E(w,b) = 1/2 |w|^2 + sum_i C_i max(0, 1 - y_i (w.x_i + b)). */
    public static double objective(double[] x, double[] y, int d, ClassCosts costs, double[] params) {
        double e = 0;
        for (int j = 0; j < d; j++) {
            e += 0.5 * params[j] * params[j];
        }
        for (int i = 0; i < y.length; i++) {
            double h = params[d];
            for (int j = 0; j < d; j++) {
                h += params[j] * x[i * d + j];
            }
            e += costs.of(y[i]) * Math.max(0, 1 - y[i] * h);
        }
        return e;
    }
}
