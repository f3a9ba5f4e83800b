package mlspark.svm.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import mlspark.data.FeatureBlock;
import mlspark.data.SampleBlock;
import mlspark.svm.ClassCosts;

/**
 * The primal point of a round ({@link LinearSvmDual#primal}) against P computed here row by row: its P is the
 * P of the point it returns, and no more than P at lambda w~ for lambda = 1 or any candidate scale, with the
 * bias weight or the fixed intercept.
 */
class PrimalScalesTest {
    private static final int N = 300;
    private static final int D = 5;
    private static final double B = 1.5;

    @Test
    void theRoundsPrimalPointIsTheLeastPOfTheCandidates() {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[N * D];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double h = 0.3 * random.nextGaussian();
            for (int j = 0; j < D; j++) {
                x[i * D + j] = random.nextGaussian();
                h += x[i * D + j] * (j + 1) / D;
            }
            y[i] = h > 0 ? 1 : -1;
        }
        SampleBlock block = SampleBlock.dense(N, D, x, y);
        LinearSvmDual problem = new LinearSvmDual(D, 2, new ClassCosts(1, 2), B);
        // feasible multipliers, w~ = sum_i alpha_i y_i x~_i: too short, as after a few rounds from 0
        double[] alpha = new double[N];
        double[] w = new double[D + 1];
        for (int i = 0; i < N; i++) {
            alpha[i] = random.nextDouble() * 0.05 * problem.cost(y[i], 1);
            for (int j = 0; j < D; j++) {
                w[j] += alpha[i] * y[i] * x[i * D + j];
            }
            w[D] += alpha[i] * y[i] * B;
        }
        double[] intercepts = {0.4};
        PrimalScales scales = new PrimalScales(new double[]{1.7});
        DualPartial sums = LocalDualAscent.solve(problem, List.of(block), alpha, w, intercepts, scales.candidates(),
                2, 0, 1).partial();
        LinearSvmDual.PrimalPoint primal = problem.primal(w, sums, intercepts, scales);

        assertEquals(objective(problem, x, y, primal.point()), primal.objective(), 1e-9 * primal.objective());
        double[] lambdas = scales.candidates();
        double least = Double.POSITIVE_INFINITY;
        for (int j = -1; j < lambdas.length; j++) {
            double lambda = j < 0 ? 1 : lambdas[j];
            for (double bias : new double[]{w[D], intercepts[0] / B}) {
                double[] scaled = new double[D + 1];
                for (int k = 0; k < D; k++) {
                    scaled[k] = lambda * w[k];
                }
                scaled[D] = lambda * bias;
                least = Math.min(least, objective(problem, x, y, scaled));
            }
        }
        assertEquals(least, primal.objective(), 1e-9 * least);
        assertTrue(primal.objective() < objective(problem, x, y, w), "a longer w~ is better here");
        assertEquals(primal.point()[0] / w[0], primal.scales().centers()[0], 1e-12);
    }

    /** P(w~) = 1/2 |w~|^2 + sum_i C_i max(0, 1 - y_i (w.x_i + B w_B)), row by row. */
    private static double objective(LinearSvmDual problem, double[] x, double[] y, double[] point) {
        double p = 0;
        for (double v : point) {
            p += 0.5 * v * v;
        }
        for (int i = 0; i < N; i++) {
            double m = B * point[D];
            for (int j = 0; j < D; j++) {
                m += point[j] * x[i * D + j];
            }
            p += problem.cost(y[i], 1) * Math.max(0, 1 - y[i] * m);
        }
        return p;
    }
}
