package mlspark.svm.primal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import mlspark.data.SampleBlock;
import mlspark.optim.DifferentiableFunction;
import mlspark.optim.L2Regularized;
import mlspark.optim.LossAndGradient;
import mlspark.svm.ClassCosts;

class HingeGradientTest {
    private static final int N = 40;
    private static final int D = 5;

    private final SplittableRandom random = new SplittableRandom(7);
    private final double[] x = random.doubles(N * D, -2, 2).toArray();
    private final double[] y = random.ints(N, 0, 2).mapToDouble(v -> v == 0 ? -1 : 1).toArray();
    private final ClassCosts costs = new ClassCosts(2.0, 5.0);

    /** E on the driver: the aggregator over two blocks, plus 1/2 |w|^2. */
    private DifferentiableFunction objective() {
        SampleBlock first = SampleBlock.dense(15, D, java.util.Arrays.copyOf(x, 15 * D), java.util.Arrays.copyOf(y, 15));
        SampleBlock second = SampleBlock.dense(N - 15, D, java.util.Arrays.copyOfRange(x, 15 * D, N * D),
                java.util.Arrays.copyOfRange(y, 15, N));
        return new L2Regularized(p -> {
            HingeBlockAggregator a = new HingeBlockAggregator(() -> p, costs, D).add(first);
            HingeBlockAggregator b = new HingeBlockAggregator(() -> p, costs, D).add(second);
            a.merge(b);
            return new LossAndGradient(a.loss(), a.gradient());
        }, D, 1.0);
    }

    @Test
    void gradientMatchesCentralDifferencesAwayFromKinks() {
        double[] p = random.doubles(D + 1, -0.5, 0.5).toArray();
        for (int i = 0; i < N; i++) {
            double h = p[D];
            for (int j = 0; j < D; j++) {
                h += p[j] * x[i * D + j];
            }
            assertTrue(Math.abs(1 - y[i] * h) > 1e-3, "sample " + i + " sits on a kink; pick another seed");
        }
        LossAndGradient lg = objective().evaluate(p);
        double step = 1e-6;
        for (int j = 0; j <= D; j++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[j] += step;
            minus[j] -= step;
            double numeric = (objective().evaluate(plus).loss() - objective().evaluate(minus).loss()) / (2 * step);
            assertEquals(numeric, lg.gradient()[j], 1e-6 * Math.max(1, Math.abs(numeric)), "coordinate " + j);
        }
    }

    @Test
    void lossAndGradientEqualThePlainLoop() {
        double[] p = random.doubles(D + 1, -0.5, 0.5).toArray();
        LossAndGradient lg = objective().evaluate(p);
        assertEquals(SequentialPrimalSvm.objective(x, y, D, costs, p), lg.loss(), 1e-12 * Math.abs(lg.loss()));
        assertArrayEquals(SequentialPrimalSvm.gradient(x, y, D, costs, p), lg.gradient(), 1e-10);
    }

    @Test
    void marginOfExactlyOneIsNotAViolation() {
        // w = (1, 0, ...), b = 0 and x_0 = (1, ...) with y = +1: margin exactly 1, no hinge term.
        double[] xs = new double[D];
        xs[0] = 1;
        double[] p = new double[D + 1];
        p[0] = 1;
        HingeBlockAggregator a = new HingeBlockAggregator(() -> p, costs, D)
                .add(SampleBlock.dense(1, D, xs, new double[]{1}));
        assertEquals(0, a.loss());
        assertArrayEquals(new double[D + 1], a.gradient());
    }

    /** Weight 2 counts a sample twice, weight 0 drops it, in dense and in sparse (CSR) blocks alike. */
    @Test
    void weightsCountSamplesLikeCopies() {
        double[] params = random.doubles(D + 1, -0.3, 0.3).toArray();
        double[] weights = new double[N];
        java.util.List<Integer> copies = new java.util.ArrayList<>();
        for (int i = 0; i < N; i++) {
            weights[i] = i % 3;
            for (int k = 0; k < i % 3; k++) {
                copies.add(i);
            }
        }
        double[] xc = new double[copies.size() * D];
        double[] yc = new double[copies.size()];
        for (int r = 0; r < copies.size(); r++) {
            System.arraycopy(x, copies.get(r) * D, xc, r * D, D);
            yc[r] = y[copies.get(r)];
        }
        HingeBlockAggregator expected = new HingeBlockAggregator(() -> params, costs, D)
                .add(SampleBlock.dense(copies.size(), D, xc, yc));
        int[] starts = new int[N + 1];
        int[] indices = new int[N * D];
        for (int i = 0; i < N; i++) {
            starts[i + 1] = (i + 1) * D;
            for (int j = 0; j < D; j++) {
                indices[i * D + j] = j;
            }
        }
        for (mlspark.data.FeatureBlock features : new mlspark.data.FeatureBlock[]{
                new mlspark.data.FeatureBlock.Dense(N, D, x), new mlspark.data.FeatureBlock.Sparse(N, D, starts, indices, x)}) {
            HingeBlockAggregator weighted = new HingeBlockAggregator(() -> params, costs, D)
                    .add(new SampleBlock(N, D, features, y, weights));
            assertEquals(expected.loss(), weighted.loss(), 1e-12 * expected.loss());
            double[] g = expected.gradient();
            for (int j = 0; j <= D; j++) {
                assertEquals(g[j], weighted.gradient()[j], 1e-12 * Math.max(1, Math.abs(g[j])), features.getClass().getSimpleName());
            }
        }
    }

    /** A partial sum sent as a task result (its gradient in bulk) comes back bit for bit. */
    @Test
    void serializedPartialSumsAreUnchanged() throws Exception {
        double[] p = random.doubles(D + 1, -0.5, 0.5).toArray();
        HingeBlockAggregator a = new HingeBlockAggregator(() -> p, costs, D).add(SampleBlock.dense(N, D, x, y));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(a);
            out.writeObject(new HingeBlockAggregator(() -> p, costs, D));
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            HingeBlockAggregator back = (HingeBlockAggregator) in.readObject();
            HingeBlockAggregator empty = (HingeBlockAggregator) in.readObject();
            assertEquals(a.loss(), back.loss());
            assertEquals(a.count(), back.count());
            assertArrayEquals(a.gradient(), back.gradient());
            assertEquals(D + 1, back.gradient().length);
            assertArrayEquals(a.gradient(), empty.merge(back).gradient(), "an empty partial adds nothing");
        }
    }
}
