package mlspark.svm.linear;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import mlspark.data.FeatureBlock;
import mlspark.data.SampleBlock;

/**
 * One partition's round of CoCoA+ (Smith, Forte, Ma, Takac, Jordan and Jaggi, JMLR 2018) with
 * adding aggregation (gamma = 1): {@code passes} passes of dual coordinate ascent (Hsieh et al.
 * 2008; LIBLINEAR's {@code solve_l2r_l1l2_svc} for the L1 loss, without shrinking) over the
 * partition's rows in a random order, on the local subproblem of sigma' = {@code sigma}: with Delta w
 * the update accumulated locally, coordinate i's step is the exact maximizer of the subproblem in
 * alpha_i, projected to [0, C_i]:
 *
 * <pre>
 *   G = y_i (w~ + sigma' Delta w).x~_i - 1,   alpha_i <- min(max(alpha_i - G / (sigma' Q_ii), 0), C_i),
 *   Delta w += (alpha_i' - alpha_i) y_i x~_i,  Q_ii = |x~_i|^2 = |x_i|^2 + B^2.
 * </pre>
 *
 * With one partition (sigma' = 1) this is LIBLINEAR's solver. Given fixed intercepts b (one per
 * problem, {@link InterceptSearch}), the bias feature leaves the subproblem: the margins are
 * w.x_i + b, Q_ii = |x_i|^2, and D_b(alpha) = sum_i alpha_i (1 - y_i b) - 1/2 |w|^2 is ascended; Delta w~
 * still carries the bias coordinate's change (B sum_i Delta alpha_i y_i), so w~ stays sum_i alpha_i y_i x~_i.
 * The same pass takes, at the state it started from, the sums of {@link DualPartial}, the data terms of
 * the {@link PrimalScales} candidates among them. The result
 * depends only on the inputs and {@code seed}: a retried task computes it again bit for bit.
 */
public final class LocalDualAscent {
    private LocalDualAscent() {
    }

    /** The partition's new multipliers (same layout as the old) and its part of the round's sums. */
    public record Result(double[] alpha, DualPartial partial) implements Serializable {
    }

    /**
     * @param blocks the partition's rows, in order
     * @param alpha  their multipliers, alpha[r K + k] (not modified)
     * @param w      w~ at the start of the round
     * @param intercepts the fixed intercepts b of the problems, or null: the bias feature's weights
     * @param scales the candidate scales of the primal point, {@link PrimalScales#candidates()}
     * @param sigma  sigma', the number of partitions whose updates are added
     * @param seed   the seed of this round and partition's coordinate order
     */
    public static Result solve(LinearSvmDual problem, List<SampleBlock> blocks, double[] alpha, double[] w,
                               double[] intercepts, double[] scales, double sigma, int passes, long seed) {
        int k = problem.problems();
        int d = problem.dimension();
        double b = problem.biasFeature();
        int[] starts = new int[blocks.size() + 1];
        for (int j = 0; j < blocks.size(); j++) {
            starts[j + 1] = starts[j] + blocks.get(j).size();
        }
        int n = starts[blocks.size()];
        if (alpha.length != n * k) {
            throw new IllegalArgumentException(alpha.length + " multipliers for " + n + " rows of " + k + " problems");
        }
        // margins of the subproblem at the round's start (row-major, r K + k) and Q_ii
        double[] margins = new double[n * k];
        double[] q = new double[n];
        int[] blockOf = new int[n];
        double[] hingeLoss = new double[k];
        double[] interceptHingeLoss = new double[k];
        double[] alphaSum = new double[k];
        double[] freeCurvature = new double[k];
        int grid = PrimalScales.SIZE;
        double[] scaledHingeLoss = new double[k * 2 * grid];
        double biasCurvature = intercepts == null ? b * b : 0;
        for (int j = 0; j < blocks.size(); j++) {
            SampleBlock block = blocks.get(j);
            int rows = block.size();
            double[] z = new double[rows * k];
            block.features().multiply(w, k, z);
            for (int i = 0; i < rows; i++) {
                int r = starts[j] + i;
                blockOf[r] = j;
                double normSquared = block.features().rowSquaredNorm(i);
                q[r] = normSquared + biasCurvature;
                double label = block.labels()[i];
                double cost = problem.cost(label, block.weight(i));
                for (int c = 0; c < k; c++) {
                    double y = problem.sign(label, c);
                    double m = z[i + c * rows] + b * w[k * d + c];
                    hingeLoss[c] += cost * Math.max(0, 1 - y * m);
                    addScaledHinge(scaledHingeLoss, 2 * c * grid, scales, c * grid, cost, y * m);
                    if (intercepts != null) {
                        m = z[i + c * rows] + intercepts[c];
                        interceptHingeLoss[c] += cost * Math.max(0, 1 - y * m);
                        addScaledHinge(scaledHingeLoss, (2 * c + 1) * grid, scales, c * grid, cost, y * m);
                    }
                    margins[r * k + c] = m;
                    double a = alpha[r * k + c];
                    alphaSum[c] += a;
                    if (a > 0 && a < cost && normSquared > 0) {
                        freeCurvature[c] += 1 / normSquared;
                    }
                }
            }
        }
        double[] a = alpha.clone();
        double biasCoupling = intercepts == null ? b : 0;
        double[] deltaW = new double[problem.parameterCount()];
        int[] order = new int[n];
        Arrays.setAll(order, r -> r);
        SplittableRandom random = new SplittableRandom(seed);
        for (int pass = 0; pass < passes; pass++) {
            shuffle(order, random);
            for (int r : order) {
                int j = blockOf[r];
                SampleBlock block = blocks.get(j);
                FeatureBlock x = block.features();
                int i = r - starts[j];
                double label = block.labels()[i];
                double cost = problem.cost(label, block.weight(i));
                for (int c = 0; c < k; c++) {
                    double y = problem.sign(label, c);
                    double g = y * (margins[r * k + c] + sigma * (x.rowDot(i, deltaW, c * d) + biasCoupling * deltaW[k * d + c])) - 1;
                    double old = a[r * k + c];
                    // Q_ii = 0 (a zero row without the bias feature): the subproblem is linear in alpha_i, -G alpha_i
                    double updated = q[r] == 0 ? (g < 0 ? cost : g > 0 ? 0 : old)
                            : Math.min(Math.max(old - g / (sigma * q[r]), 0), cost);
                    if (updated != old) {
                        double step = (updated - old) * y;
                        x.addRow(i, step, deltaW, c * d);
                        deltaW[k * d + c] += step * b;
                        a[r * k + c] = updated;
                    }
                }
            }
        }
        return new Result(a, new DualPartial(deltaW, hingeLoss, interceptHingeLoss, scaledHingeLoss,
                alphaSum, freeCurvature));
    }

    /** {@code sums[at + j] += cost max(0, 1 - lambda_j margin)} for the grid's scales lambda_j. */
    private static void addScaledHinge(double[] sums, int at, double[] scales, int from, double cost, double margin) {
        for (int j = 0; j < PrimalScales.SIZE; j++) {
            sums[at + j] += cost * Math.max(0, 1 - scales[from + j] * margin);
        }
    }

    /** Fisher-Yates. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
