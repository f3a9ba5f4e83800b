package mlspark.svm.primal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import mlspark.data.FeatureBlock;
import mlspark.data.SampleBlock;
import mlspark.svm.ClassCosts;

/** The K-class data term against K binary data terms of {@link MarginLossBlockAggregator}, and a numerical gradient. */
class OneVsRestGradientTest {
    private static final int N = 60;
    private static final int D = 7;
    private static final int K = 4;
    private static final double C = 3;

    private final SplittableRandom random = new SplittableRandom(12);
    /** About a third of the values zero, so that sparse blocks differ from dense ones. */
    private final double[] x = random.doubles(N * D, -2, 2).map(v -> Math.abs(v) < 0.6 ? 0 : v).toArray();
    private final double[] labels = random.ints(N, 0, K).asDoubleStream().toArray();
    private final double[] weights = random.ints(N, 0, 3).asDoubleStream().toArray();
    private final double[] params = random.doubles(K * (D + 1), -0.4, 0.4).toArray();

    enum Storage { DENSE, FLOAT32, SPARSE }

    private FeatureBlock features(Storage storage, int from, int to) {
        int n = to - from;
        double[] rows = Arrays.copyOfRange(x, from * D, to * D);
        return switch (storage) {
            case DENSE -> new FeatureBlock.Dense(n, D, rows);
            case FLOAT32 -> {
                float[] f = new float[rows.length];
                for (int k = 0; k < f.length; k++) {
                    f[k] = (float) rows[k];
                }
                yield new FeatureBlock.Float32(n, D, f);
            }
            case SPARSE -> {
                int[] starts = new int[n + 1];
                int[] indices = new int[rows.length];
                double[] values = new double[rows.length];
                int e = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < D; j++) {
                        if (rows[i * D + j] != 0) {
                            indices[e] = j;
                            values[e++] = rows[i * D + j];
                        }
                    }
                    starts[i + 1] = e;
                }
                yield new FeatureBlock.Sparse(n, D, starts, Arrays.copyOf(indices, e), Arrays.copyOf(values, e));
            }
        };
    }

    /** The rows [from, to) with the given labels. */
    private SampleBlock block(Storage storage, int from, int to, double[] y) {
        return new SampleBlock(to - from, D, features(storage, from, to), Arrays.copyOfRange(y, from, to),
                Arrays.copyOfRange(weights, from, to));
    }

    /** The K-class aggregator over two blocks, merged. */
    private OneVsRestBlockAggregator oneVsRest(Storage storage, MarginLoss loss, double[] p) {
        return new OneVsRestBlockAggregator(() -> p, loss, C, D, K).add(block(storage, 0, 25, labels))
                .merge(new OneVsRestBlockAggregator(() -> p, loss, C, D, K).add(block(storage, 25, N, labels)));
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void equalsTheSumOfKBinaryDataTerms(Storage storage) {
        for (MarginLoss loss : MarginLoss.values()) {
            OneVsRestBlockAggregator together = oneVsRest(storage, loss, params);
            double binaryLoss = 0;
            double tolerance = storage == Storage.FLOAT32 ? 1e-5 : 1e-12;
            for (int k = 0; k < K; k++) {
                int c = k;
                double[] signed = Arrays.stream(labels).map(v -> v == c ? 1 : -1).toArray();
                double[] binaryParams = new double[D + 1];
                System.arraycopy(params, k * D, binaryParams, 0, D);
                binaryParams[D] = params[K * D + k];
                MarginLossBlockAggregator<?> binary = binary(loss, binaryParams).add(block(storage, 0, N, signed));
                binaryLoss += binary.loss();
                double[] g = binary.gradient();
                double[] gk = together.gradient();
                for (int j = 0; j < D; j++) {
                    assertEquals(g[j], gk[k * D + j], tolerance * Math.max(1, Math.abs(g[j])), loss + " class " + k + " w_" + j);
                }
                assertEquals(g[D], gk[K * D + k], tolerance * Math.max(1, Math.abs(g[D])), loss + " class " + k + " b");
            }
            assertEquals(binaryLoss, together.loss(), tolerance * binaryLoss, loss + " loss");
            assertEquals(N, together.count());
        }
    }

    private static MarginLossBlockAggregator<?> binary(MarginLoss loss, double[] p) {
        ClassCosts costs = ClassCosts.symmetric(C);
        return loss == MarginLoss.HINGE ? new HingeBlockAggregator(() -> p, costs, D)
                : new SquaredHingeBlockAggregator(() -> p, costs, D);
    }

    /** Central differences of the loss, for both losses: the parameters are drawn away from the hinge's kinks. */
    @ParameterizedTest
    @EnumSource(MarginLoss.class)
    void gradientMatchesCentralDifferences(MarginLoss loss) {
        OneVsRestLinearModel model = OneVsRestLinearModel.fromParameters(params, D, K);
        for (int i = 0; i < N; i++) {
            double[] h = model.scores(x, i * D);
            for (int k = 0; k < K; k++) {
                double y = labels[i] == k ? 1 : -1;
                assertTrue(Math.abs(1 - y * h[k]) > 1e-3, "sample " + i + " sits on a kink; pick another seed");
            }
        }
        double[] gradient = oneVsRest(Storage.DENSE, loss, params).gradient();
        double step = 1e-6;
        for (int j = 0; j < params.length; j++) {
            double[] plus = params.clone();
            double[] minus = params.clone();
            plus[j] += step;
            minus[j] -= step;
            double numeric = (oneVsRest(Storage.DENSE, loss, plus).loss() - oneVsRest(Storage.DENSE, loss, minus).loss())
                    / (2 * step);
            assertEquals(numeric, gradient[j], 1e-6 * Math.max(1, Math.abs(numeric)), loss + " coordinate " + j);
        }
    }

    /** The scores of one matrix product equal the per-class loops of {@link OneVsRestLinearModel#scores}. */
    @ParameterizedTest
    @EnumSource(Storage.class)
    void confusionCountsTheArgmaxOfTheScores(Storage storage) {
        OneVsRestLinearModel model = OneVsRestLinearModel.fromParameters(params, D, K);
        long[] expected = new long[K * K];
        for (int i = 0; i < N; i++) {
            double[] h = model.scores(x, i * D);
            int best = 0;
            for (int k = 1; k < K; k++) {
                best = h[k] > h[best] ? k : best;
            }
            expected[(int) labels[i] * K + best]++;
        }
        assertArrayEquals(expected, model.confusion(block(storage, 0, N, labels)));
    }

    @Test
    void serializedPartialSumsAreUnchanged() throws Exception {
        double[] p = params;
        OneVsRestBlockAggregator a = oneVsRest(Storage.DENSE, MarginLoss.HINGE, p);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
            out.writeObject(new OneVsRestBlockAggregator(() -> p, MarginLoss.HINGE, C, D, K));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            OneVsRestBlockAggregator back = (OneVsRestBlockAggregator) in.readObject();
            OneVsRestBlockAggregator empty = (OneVsRestBlockAggregator) in.readObject();
            assertEquals(a.loss(), back.loss());
            assertArrayEquals(a.gradient(), back.gradient());
            assertArrayEquals(a.gradient(), empty.merge(back).gradient(), "an empty partial adds nothing");
        }
    }
}
