package mlspark.svm.primal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import mlspark.data.SampleBlock;
import mlspark.optim.DifferentiableFunction;
import mlspark.optim.L2Regularized;
import mlspark.optim.Lbfgs;
import mlspark.optim.LossAndGradient;
import mlspark.svm.ClassCosts;

/** The squared hinge against a plain loop and central differences; L-BFGS against a direct solve. */
class SquaredHingeLbfgsTest {
    private static final int N = 60;
    private static final int D = 4;

    private final SplittableRandom random = new SplittableRandom(11);
    private final double[] x = random.doubles(N * D, -2, 2).toArray();
    private final double[] y = random.ints(N, 0, 2).mapToDouble(v -> v == 0 ? -1 : 1).toArray();
    private final ClassCosts costs = new ClassCosts(1.5, 3.0);

    /** 1/2 |w|^2 + the aggregator over two blocks, merged. */
    private DifferentiableFunction objective() {
        SampleBlock first = SampleBlock.dense(25, D, java.util.Arrays.copyOf(x, 25 * D), java.util.Arrays.copyOf(y, 25));
        SampleBlock second = SampleBlock.dense(N - 25, D, java.util.Arrays.copyOfRange(x, 25 * D, N * D),
                java.util.Arrays.copyOfRange(y, 25, N));
        return new L2Regularized(p -> {
            SquaredHingeBlockAggregator a = new SquaredHingeBlockAggregator(() -> p, costs, D).add(first);
            a.merge(new SquaredHingeBlockAggregator(() -> p, costs, D).add(second));
            return new LossAndGradient(a.loss(), a.gradient());
        }, D, 1.0);
    }

    /** 1/2 |w|^2 + sum_i C_i max(0, 1 - y_i (w.x_i + b))^2, written out. */
    private double plainObjective(double[] p) {
        double f = 0;
        for (int j = 0; j < D; j++) {
            f += 0.5 * p[j] * p[j];
        }
        for (int i = 0; i < N; i++) {
            double h = p[D];
            for (int j = 0; j < D; j++) {
                h += p[j] * x[i * D + j];
            }
            double slack = Math.max(0, 1 - y[i] * h);
            f += costs.of(y[i]) * slack * slack;
        }
        return f;
    }

    @Test
    void lossIsThePlainSumAndGradientMatchesCentralDifferences() {
        double[] p = random.doubles(D + 1, -0.5, 0.5).toArray();
        LossAndGradient lg = objective().evaluate(p);
        assertEquals(plainObjective(p), lg.loss(), 1e-12 * lg.loss());
        double step = 1e-6;
        for (int j = 0; j <= D; j++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[j] += step;
            minus[j] -= step;
            double numeric = (plainObjective(plus) - plainObjective(minus)) / (2 * step);
            assertEquals(numeric, lg.gradient()[j], 1e-5 * Math.max(1, Math.abs(numeric)), "coordinate " + j);
        }
    }

    @Test
    void lbfgsReachesTheMinimumOfTheSquaredHinge() {
        double[] p = new Lbfgs(10, 1e-14).minimize(objective(), new double[D + 1], 500, (k, point, loss) -> { });
        LossAndGradient lg = objective().evaluate(p);
        double norm = 0;
        for (double g : lg.gradient()) {
            norm = Math.max(norm, Math.abs(g));
        }
        assertTrue(norm < 1e-5 * lg.loss(), "gradient " + norm + " at the result");
        // no coordinate step lowers the plain objective
        for (int j = 0; j <= D; j++) {
            for (double step : new double[]{-1e-4, 1e-4}) {
                double[] q = p.clone();
                q[j] += step;
                assertTrue(plainObjective(q) >= plainObjective(p) - 1e-12, "coordinate " + j);
            }
        }
    }

    /** On f(x) = 1/2 x'Ax - b'x, A symmetric positive definite, the minimizer is A^-1 b (Gaussian elimination here). */
    @Test
    void lbfgsSolvesAQuadratic() {
        int n = 12;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = random.nextDouble(-1, 1);
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += m[k][i] * m[k][j];
                }
            }
            a[i][i] += 0.5;
        }
        double[] b = random.doubles(n, -1, 1).toArray();
        DifferentiableFunction f = v -> {
            double[] av = new double[n];
            double value = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    av[i] += a[i][j] * v[j];
                }
                value += 0.5 * v[i] * av[i] - b[i] * v[i];
                av[i] -= b[i];
            }
            return new LossAndGradient(value, av);
        };
        double[] result = new Lbfgs(10, 1e-16).minimize(f, new double[n], 1000, (k, point, loss) -> { });
        double[][] aug = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, aug[i], 0, n);
            aug[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            for (int r = c + 1; r < n; r++) {
                double factor = aug[r][c] / aug[c][c];
                for (int k = c; k <= n; k++) {
                    aug[r][k] -= factor * aug[c][k];
                }
            }
        }
        double[] solution = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = aug[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= aug[r][k] * solution[k];
            }
            solution[r] = s / aug[r][r];
        }
        for (int i = 0; i < n; i++) {
            assertEquals(solution[i], result[i], 1e-5 * Math.max(1, Math.abs(solution[i])), "x_" + i);
        }
    }
}
