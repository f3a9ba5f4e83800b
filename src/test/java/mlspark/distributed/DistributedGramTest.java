package mlspark.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import mlspark.kernel.GaussianTaylorFeatureMap;
import mlspark.kernel.Kernel;
import mlspark.kernel.LinearKernel;
import mlspark.kernel.PolynomialKernel;
import mlspark.kernel.RbfKernel;
import mlspark.kernel.SigmoidKernel;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.testing.SharedSpark;

class DistributedGramTest extends SharedSpark {

    private static double[][] points(int n, int d, long seed) {
        return mlspark.kernel.KernelTest.gaussianPoints(n, d, seed);
    }

    @Test
    void distributedGramEqualsTheSequentialOneExactly() {
        double[][] p = points(157, 3, 1);
        for (Kernel k : List.of(new LinearKernel(), new PolynomialKernel(0.5, 3, 1), new RbfKernel(0.7),
                new SigmoidKernel(0.1, -0.2), new RbfKernel(1).plus(new LinearKernel().after(
                        new GaussianTaylorFeatureMap(3, 0.5, 3))).scaled(-2))) {
            for (int partitions : k instanceof RbfKernel ? new int[]{1, 3, 8} : new int[]{3}) {
                double[] gram = DistributedGram.compute(sc, k, p, partitions);
                double[] expected = new double[p.length * p.length];
                for (int i = 0; i < p.length; i++) {
                    for (int j = 0; j < p.length; j++) {
                        expected[i * p.length + j] = k.apply(p[i], p[j]);
                    }
                }
                assertArrayEquals(expected, gram, 0.0, k.describe() + ", " + partitions + " partitions");
            }
        }
    }

    @Test
    void distributedDecisionValuesEqualTheModelsOwn() {
        double[][] sv = points(12, 2, 2);
        double[] coefficients = new Random(3).doubles(12, -1, 1).toArray();
        KernelSvmModel model = new KernelSvmModel(new RbfKernel(0.4), sv, coefficients, 0.25, new int[12]);
        double[][] test = points(501, 2, 4);
        double[] h = DistributedGram.decisionValues(sc, model, test, 4);
        assertEquals(test.length, h.length);
        for (int i = 0; i < test.length; i++) {
            double expected = 0.25;
            for (int s = 0; s < sv.length; s++) {
                expected += coefficients[s] * Math.exp(-0.4 * (Math.pow(sv[s][0] - test[i][0], 2)
                        + Math.pow(sv[s][1] - test[i][1], 2)));
            }
            assertEquals(expected, h[i], 1e-12);
        }
    }
}
