package mlspark.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import mlspark.data.LabeledData;
import mlspark.data.TwoMoons;
import mlspark.svm.dual.KernelSvmModel;

/**
 * Kernel blocks by BLAS, random Fourier features and Nystrom features against the kernel computed
 * entry by entry with {@link Kernel#apply}.
 */
class KernelApproximationTest {
    private static final LabeledData SAMPLE = TwoMoons.generate(120, 0.2, 11);
    private static final int D = 2;
    private static final double[] ROWS = KernelBlocks.stack(SAMPLE.x(), D);

    /**
     * {max, mean, mean square} of z(x).z(x') - k(x, x') over all pairs of the sample, the kernel by
     * {@link Kernel#apply}.
     */
    private static double[] error(KernelApproximation z, Kernel kernel) {
        int n = SAMPLE.size();
        double[] features = z.map(ROWS, n, D);
        int m = z.components();
        double max = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < m; k++) {
                    dot += features[i * m + k] * features[j * m + k];
                }
                double e = Math.abs(dot - kernel.apply(SAMPLE.x()[i], SAMPLE.x()[j]));
                max = Math.max(max, e);
                sum += e;
                squares += e * e;
            }
        }
        return new double[]{max, sum / n / n, squares / n / n};
    }

    @Test
    void kernelBlocksEqualTheKernelEntryByEntry() {
        for (Kernel k : List.of(new RbfKernel(0.7), new LinearKernel(), new PolynomialKernel(0.5, 3, 1),
                new SigmoidKernel(0.2, -0.1), new RbfKernel(1).plus(new LinearKernel()))) {
            int n = SAMPLE.size();
            double[] block = new double[37 * n];
            k.block(ROWS, 37, ROWS, n, D, block);
            for (int i = 0; i < 37; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(k.apply(SAMPLE.x()[i], SAMPLE.x()[j]), block[i * n + j], 1e-12, k.describe());
                }
            }
        }
    }

    @Test
    void blockDecisionValuesEqualThePointByPointSum() {
        Random random = new Random(5);
        double[] coefficients = new double[SAMPLE.size()];
        for (int s = 0; s < coefficients.length; s++) {
            coefficients[s] = random.nextGaussian();
        }
        KernelSvmModel model = new KernelSvmModel(new RbfKernel(1), SAMPLE.x(), coefficients, 0.3, new int[0]);
        LabeledData points = TwoMoons.generate(2500, 0.3, 12);
        double[] h = model.decisionValues(KernelBlocks.stack(points.x(), D), points.size(), D);
        for (int i = 0; i < points.size(); i++) {
            assertEquals(model.decision(points.x()[i]), h[i], 1e-10);
        }
    }

    /**
     * The Monte Carlo error of the inner products falls like 1/sqrt(M): its mean square is Var/M, so
     * 4x the features halve the root-mean-square error (averaged over 8 draws, so one lucky draw
     * does not decide).
     */
    @Test
    void randomFourierFeaturesApproachTheRbfKernelAsOneOverSqrtM() {
        Kernel rbf = new RbfKernel(1);
        int[] counts = {100, 400, 1600, 6400};
        double[] rms = new double[counts.length];
        for (int t = 0; t < counts.length; t++) {
            double meanSquare = 0;
            for (long seed = 0; seed < 8; seed++) {
                meanSquare += error(RandomFourierFeatures.sample(1, counts[t], D, seed), rbf)[2] / 8;
            }
            rms[t] = Math.sqrt(meanSquare);
        }
        for (int t = 1; t < counts.length; t++) {
            double ratio = rms[t - 1] / rms[t];
            assertTrue(ratio > 1.5 && ratio < 2.7, "rms error " + rms[t - 1] + " at M=" + counts[t - 1] + ", " + rms[t]
                    + " at M=" + counts[t] + ": ratio " + ratio + ", expected about 2");
        }
        double overall = rms[0] / rms[3];
        assertTrue(overall > 6 && overall < 10.7, "M=100 to 6400: rms error ratio " + overall + ", expected about 8");
    }

    /** Landmarks = all the points: z(x).z(x') = k(x, L) K_LL^+ k(L, x') = k(x, x') on them. */
    @Test
    void nystromWithEveryPointAsLandmarkIsTheExactKernel() {
        for (Kernel k : List.of(new RbfKernel(1), new RbfKernel(20), new PolynomialKernel(1, 2, 1))) {
            NystromFeatures z = NystromFeatures.of(k, ROWS, D);
            double[] e = error(z, k);
            assertTrue(e[0] < 1e-6, k.describe() + ": max error " + e[0] + " with rank " + z.components());
        }
        // fewer landmarks: an approximation, better with more
        Kernel rbf = new RbfKernel(1);
        double coarse = error(NystromFeatures.of(rbf, java.util.Arrays.copyOf(ROWS, 5 * D), D), rbf)[1];
        double fine = error(NystromFeatures.of(rbf, java.util.Arrays.copyOf(ROWS, 30 * D), D), rbf)[1];
        assertTrue(fine < coarse / 10, coarse + " with 5 landmarks, " + fine + " with 30");
    }
}
