package mlspark.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mlspark.data.FeatureBlock;
import mlspark.data.LabeledData;
import mlspark.data.SampleBlock;
import mlspark.distributed.SampleBlocks;
import mlspark.optim.Minimizer;
import mlspark.optim.Optimizer;
import mlspark.optim.StepSchedule;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.EpochResult;
import mlspark.svm.primal.LinearSvmModel;
import mlspark.svm.primal.OneVsRestLinearModel;
import mlspark.testing.SharedSpark;

/**
 * K one-vs-rest SVMs trained together against K binary SVMs trained one after another with the same
 * settings, on Spark: the K-class objective is the sum of the binary ones and each class's
 * parameters appear in its own term only, so gradient descent takes the same steps in both.
 */
class OneVsRestTrainerTest extends SharedSpark {
    private static final int K = 4;
    private static final int D = 6;
    private static final int N = 240;
    private static final ClassCosts COSTS = ClassCosts.symmetric(2);

    /** Four overlapping Gaussian blobs (so that some hinge terms stay active), labels 0..3. */
    private static LabeledData blobs() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] centers = new double[K][D];
        for (double[] c : centers) {
            Arrays.setAll(c, j -> random.nextDouble(-2, 2));
        }
        double[][] x = new double[N][D];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            int k = random.nextInt(K);
            y[i] = k;
            Arrays.setAll(x[i], j -> centers[k][j] + random.nextGaussian());
        }
        return new LabeledData(x, y, "blobs");
    }

    private JavaRDD<SampleBlock> classBlocks(LabeledData data) {
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        return SampleBlocks.ofClasses(SampleBlocks.rows(spark, data, 3),
                new SampleBlocks.Layout(D, Long.MAX_VALUE, 17, FeatureBlock.Storage.FLOAT64), K, "blobs");
    }

    private static LabeledData oneAgainstRest(LabeledData data, int k) {
        return new LabeledData(data.x(), Arrays.stream(data.y()).map(v -> v == k ? 1 : -1).toArray(), "class " + k);
    }

    @ParameterizedTest
    @CsvSource({"gd, 20, 1e-9, 1e-9", "lbfgs, 100, 1e-6, 1e-3"})
    void equalsKSeparateBinaryFits(String optimizer, int iterations, double objectiveTolerance, double weightTolerance) {
        LabeledData data = blobs();
        StepSchedule eta = StepSchedule.constant(1e-3);
        Minimizer together = Optimizer.of(optimizer).minimizer(eta);
        List<EpochResult> history = new PrimalSvmTrainer(classBlocks(data), D, K, COSTS, together)
                .train(iterations, new int[0], r -> { }, null, null);
        OneVsRestLinearModel model = (OneVsRestLinearModel) history.get(iterations).classifier();
        double binaryObjective = 0;
        for (int k = 0; k < K; k++) {
            List<EpochResult> binary = new PrimalSvmTrainer(blocks(oneAgainstRest(data, k), 3, 17), D, COSTS,
                    Optimizer.of(optimizer).minimizer(eta)).train(iterations, new int[0], r -> { }, null, null);
            LinearSvmModel expected = binary.get(iterations).model();
            LinearSvmModel actual = model.classModel(k);
            for (int j = 0; j < D; j++) {
                assertEquals(expected.w()[j], actual.w()[j], weightTolerance * Math.max(1, Math.abs(expected.w()[j])),
                        optimizer + ": class " + k + ", w_" + j);
            }
            assertEquals(expected.b(), actual.b(), weightTolerance * Math.max(1, Math.abs(expected.b())),
                    optimizer + ": class " + k + ", b");
            binaryObjective += binary.get(iterations).objective();
        }
        assertEquals(binaryObjective, history.get(iterations).objective(), objectiveTolerance * binaryObjective,
                "the objective is the sum of the binary ones");
        assertTrue(history.get(iterations).objective() < history.get(0).objective());
    }
}
