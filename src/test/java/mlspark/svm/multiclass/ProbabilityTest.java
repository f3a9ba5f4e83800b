package mlspark.svm.multiclass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import libsvm.svm_model;
import mlspark.kernel.RbfKernel;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.SmoSolver;

class ProbabilityTest {
    private static final double GAMMA = 0.5;
    private static final double EPS = 1e-5;
    private static final BinarySvmFitter FITTER = new BinarySvmFitter(new RbfKernel(GAMMA),
            new SmoSolver(SmoSolver.Settings.defaults().withEps(EPS)), 0, BiasRule.LIBSVM);

    @Test
    void probabilitiesSumToOneAndMatchLibsvmsMinusB1() {
        double[] labels = {3, 1, 2, 4};
        Blobs data = Blobs.generate(labels, new int[]{30, 20, 25, 30}, 21);
        assertMatchesLibsvm(data, new int[]{3, 1, 2, 4}, new double[]{1, 2, 0.5, 1}, 1.5, 42);
    }

    @Test
    void aSingleRowClassGetsLibsvmsProbabilities() {
        // folds whose training rows hold one class only give LIBSVM's constant decision values
        Blobs data = Blobs.generate(new double[]{1, 2, 3}, new int[]{25, 1, 30}, 3);
        assertMatchesLibsvm(data, new int[0], new double[0], 1, 7);
    }

    @Test
    void twoClassesTakeTheSigmoidDirectly() {
        Blobs data = Blobs.generate(new double[]{1, -1}, new int[]{30, 25}, 13);
        assertMatchesLibsvm(data, new int[0], new double[0], 1, 5);
    }

    private static void assertMatchesLibsvm(Blobs data, int[] weightLabels, double[] weights, double c, long seed) {
        ClassLabels classes = ClassLabels.inOrderOfAppearance(data.y());
        double[] costs = new double[classes.numClasses()];
        Arrays.fill(costs, c);
        for (int w = 0; w < weightLabels.length; w++) {
            costs[classes.classIndices(new double[]{weightLabels[w]})[0]] *= weights[w];
        }
        OneVsOneModel model = OneVsOneTrainer.train(new OneVsOneProblem(data.x(), data.y(), classes, costs), FITTER, seed)
                .model();
        svm_model libsvm = LibsvmMulticlass.train(data.x(), data.y(), GAMMA, c, weightLabels, weights, EPS, seed);
        assertArrayEquals(classes.values(), Arrays.stream(libsvm.label).asDoubleStream().toArray());
        for (int p = 0; p < libsvm.probA.length; p++) {
            // the same folds give the same sigmoids, up to the solvers' tolerance
            assertEquals(libsvm.probA[p], model.sigmoids()[p].a(), 1e-2 * Math.abs(libsvm.probA[p]), "A of pair " + p);
            assertEquals(libsvm.probB[p], model.sigmoids()[p].b(), 1e-2 * Math.max(1, Math.abs(libsvm.probB[p])),
                    "B of pair " + p);
        }
        for (double[] point : Blobs.testPoints(300, seed + 1)) {
            double[] p = model.probabilities(model.decisionValues(point));
            assertEquals(1, Arrays.stream(p).sum(), 1e-12);
            assertTrue(Arrays.stream(p).allMatch(v -> v > 0 && v < 1), Arrays.toString(p));
            assertArrayEquals(LibsvmMulticlass.probabilities(libsvm, point), p, 1e-2);
        }
    }

    @Test
    void foldPermutationsAreLibsvmsShuffleFromOneSeededRandom() {
        Blobs data = Blobs.generate(new double[]{1, 2, 3}, new int[]{5, 4, 3}, 1);
        OneVsOneProblem problem = new OneVsOneProblem(data.x(), data.y(), ClassLabels.inOrderOfAppearance(data.y()),
                new double[]{1, 1, 1});
        int[][] perms = OneVsOneTrainer.foldPermutations(problem, 99);
        // LIBSVM's loop, written out: for each pair in order, perm[i] <-> perm[i + rand.nextInt(l - i)]
        Random rand = new Random(99);
        for (int[] perm : perms) {
            int[] expected = new int[perm.length];
            Arrays.setAll(expected, i -> i);
            for (int i = 0; i < expected.length; i++) {
                int j = i + rand.nextInt(expected.length - i);
                int t = expected[i];
                expected[i] = expected[j];
                expected[j] = t;
            }
            assertArrayEquals(expected, perm);
        }
        assertArrayEquals(new int[]{9, 8, 7}, Arrays.stream(perms).mapToInt(p -> p.length).toArray());
        assertArrayEquals(new int[]{0, 2, 4, 7, 9, 12}, java.util.stream.IntStream.rangeClosed(0, 5)
                .map(f -> CrossValidationFolds.begin(f, 12)).toArray());
    }

    @Test
    void plattsSigmoidZeroesTheGradientOfTheCrossEntropy() throws ReflectiveOperationException {
        Random random = new Random(3);
        int l = 200;
        double[] f = new double[l];
        double[] y = new double[l];
        for (int i = 0; i < l; i++) {
            y[i] = random.nextDouble() < 0.4 ? 1 : -1;
            f[i] = 0.8 * y[i] + random.nextGaussian();
        }
        PlattSigmoid sigmoid = PlattSigmoid.fit(f, y);
        // F = -sum t log p + (1 - t) log(1 - p), p = 1/(1 + exp(A f + B)): dF/dA = sum (t - p) f, dF/dB = sum (t - p)
        double positives = Arrays.stream(y).filter(v -> v > 0).count();
        double negatives = l - positives;
        double gA = 0;
        double gB = 0;
        for (int i = 0; i < l; i++) {
            double t = y[i] > 0 ? (positives + 1) / (positives + 2) : 1 / (negatives + 2);
            double p = 1 / (1 + Math.exp(sigmoid.a() * f[i] + sigmoid.b()));
            assertEquals(p, sigmoid.probability(f[i]), 1e-15);
            gA += (t - p) * f[i];
            gB += t - p;
        }
        assertEquals(0, gA, 1e-5);
        assertEquals(0, gB, 1e-5);
        // larger decision values, larger P(+1)
        assertTrue(sigmoid.a() < 0, "A = " + sigmoid.a());
        assertArrayEquals(LibsvmMulticlass.sigmoidTrain(f, y), new double[]{sigmoid.a(), sigmoid.b()}, 1e-9);
    }

    @Test
    void couplingRecoversConsistentPairwiseProbabilities() {
        double[] truth = {0.1, 0.4, 0.2, 0.3};
        double[][] r = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                r[i][j] = i == j ? 0 : truth[i] / (truth[i] + truth[j]);
            }
        }
        assertArrayEquals(truth, PairwiseCoupling.probabilities(r), 1e-3);
    }

    @Test
    void couplingMeetsTheOptimalityConditionsAndLibsvm() throws ReflectiveOperationException {
        Random random = new Random(17);
        for (int k : new int[]{3, 5, 10}) {
            double[][] r = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    r[i][j] = 0.05 + 0.9 * random.nextDouble();
                    r[j][i] = 1 - r[i][j];
                }
            }
            double[] p = PairwiseCoupling.probabilities(r);
            assertEquals(1, Arrays.stream(p).sum(), 1e-12);
            // min_p phi(p) = 1/2 sum_i sum_{j != i} (r_ji p_i - r_ij p_j)^2 s.t. sum p = 1: at the optimum the
            // gradient of phi is a multiple of (1, ..., 1); gradient by central differences of phi itself
            double[] gradient = new double[k];
            double h = 1e-6;
            for (int t = 0; t < k; t++) {
                double[] up = p.clone();
                double[] down = p.clone();
                up[t] += h;
                down[t] -= h;
                gradient[t] = (phi(r, up) - phi(r, down)) / (2 * h);
            }
            double mean = Arrays.stream(gradient).average().orElseThrow();
            for (int t = 0; t < k; t++) {
                // LIBSVM stops when max_t |(Qp)_t - p'Qp| < 0.005 / k; the gradient is 2 Qp
                assertEquals(mean, gradient[t], 2 * 2 * 0.005 / k, "k = " + k + ", class " + t);
            }
            // and the multiple is the multiplier of sum p = 1: p'grad = 2 phi(p) (phi is quadratic), with sum p = 1
            assertEquals(2 * phi(r, p), mean, 2 * 0.005 / k);
            assertArrayEquals(LibsvmMulticlass.multiclassProbability(r), p, 1e-12);
        }
    }

    @Test
    void aModelWithoutSigmoidsHasNoProbabilities() {
        Blobs data = Blobs.generate(new double[]{1, 2, 3}, new int[]{10, 10, 10}, 2);
        OneVsOneModel model = OneVsOneTrainer.train(new OneVsOneProblem(data.x(), data.y(),
                ClassLabels.inOrderOfAppearance(data.y()), new double[]{1, 1, 1}), FITTER).model();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> model.probabilities(model.decisionValues(new double[]{0, 0})));
        assertEquals("this one-vs-one model was trained without probabilities", e.getMessage());
    }

    private static double phi(double[][] r, double[] p) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (i != j) {
                    double d = r[j][i] * p[i] - r[i][j] * p[j];
                    s += d * d;
                }
            }
        }
        return s / 2;
    }
}
