package mlspark.testing;

import mlspark.bench.LibsvmBaseline;
import mlspark.data.TrainTest;
import mlspark.kernel.Kernel;
import mlspark.kernel.LinearKernel;
import mlspark.kernel.PolynomialKernel;
import mlspark.kernel.RbfKernel;
import mlspark.kernel.SigmoidKernel;
import mlspark.svm.ClassCosts;

/**
 * Independent recomputations of the dual-svm job's two 4 x 4 tables of test accuracy from LIBSVM's
 * Java port: the assignment's recipe applied to LIBSVM's multipliers, and LIBSVM's own predictions.
 */
public final class DualTables {
    private DualTables() {
    }

    /** scikit-learn's gamma="scale", written out here: 1 / (D * population variance of all values). */
    public static double scale(double[][] x) {
        double sum = 0;
        int count = 0;
        for (double[] row : x) {
            for (double v : row) {
                sum += v;
                count++;
            }
        }
        double mean = sum / count;
        double var = 0;
        for (double[] row : x) {
            for (double v : row) {
                var += (v - mean) * (v - mean) / count;
            }
        }
        return 1 / (x[0].length * var);
    }

    public static Kernel kernel(String name, double gamma) {
        return switch (name) {
            case "linear" -> new LinearKernel();
            case "poly" -> new PolynomialKernel(gamma, 3, 0);
            case "sigmoid" -> new SigmoidKernel(gamma, 0);
            default -> new RbfKernel(gamma);
        };
    }

    /**
     * Test accuracy of the assignment's recipe from LIBSVM's multipliers: support vectors a > 1e-4,
     * b = mean over them of y_s - sum_m a_m y_m k(x_m, x_s), predict +1 where h >= 0.
     */
    public static double assignmentAccuracy(TrainTest set, Kernel k) {
        double[][] x = set.train().x();
        double[] y = set.train().y();
        double[] a = LibsvmBaseline.train(x, y, k, ClassCosts.symmetric(1), 1e-7, 20).alpha();
        double b = 0;
        int count = 0;
        for (int s = 0; s < a.length; s++) {
            if (a[s] > 1e-4) {
                double h = 0;
                for (int m = 0; m < a.length; m++) {
                    h += a[m] > 1e-4 ? a[m] * y[m] * k.apply(x[m], x[s]) : 0;
                }
                b += y[s] - h;
                count++;
            }
        }
        b /= count;
        int correct = 0;
        for (int i = 0; i < set.test().size(); i++) {
            double h = b;
            for (int m = 0; m < a.length; m++) {
                h += a[m] > 1e-4 ? a[m] * y[m] * k.apply(x[m], set.test().x()[i]) : 0;
            }
            correct += (h >= 0 ? 1 : -1) == set.test().y()[i] ? 1 : 0;
        }
        return (double) correct / set.test().size();
    }

    public static double libsvmAccuracy(TrainTest set, Kernel k) {
        LibsvmBaseline.Result r = LibsvmBaseline.train(set.train().x(), set.train().y(), k, ClassCosts.symmetric(1),
                1e-3, 20);
        int correct = 0;
        for (int i = 0; i < set.test().size(); i++) {
            correct += r.predict(set.test().x()[i]) == set.test().y()[i] ? 1 : 0;
        }
        return (double) correct / set.test().size();
    }
}
