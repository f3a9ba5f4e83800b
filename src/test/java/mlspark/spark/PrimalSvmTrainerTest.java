package mlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mlspark.data.BinaryDataSets;
import mlspark.data.LabeledData;
import mlspark.data.SampleBlock;
import mlspark.data.TrainTest;
import mlspark.optim.StepSchedule;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.LinearSvmModel;
import mlspark.svm.primal.SequentialPrimalSvm;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

class PrimalSvmTrainerTest extends SharedSpark {
    private static final StepSchedule ETA = StepSchedule.constant(1e-3);

    private TrainTest assignment() {
        Path dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        return BinaryDataSets.load("hw3", null, dataDir, m -> { });
    }

    private JavaRDD<SampleBlock> blocks(LabeledData data, int partitions, int blockRows) {
        return SampleRdds.blocks(SampleRdds.samples(sc, data, partitions), data.dimension(), blockRows);
    }

    private List<PrimalSvmTrainer.EpochResult> train(LabeledData data, int partitions, int blockRows, ClassCosts costs,
                                                     int epochs) {
        return new PrimalSvmTrainer(blocks(data, partitions, blockRows), data.dimension(), costs, ETA)
                .train(epochs, r -> { });
    }

    private static double[] flat(LabeledData data) {
        return Arrays.stream(data.x()).flatMapToDouble(Arrays::stream).toArray();
    }

    private static void assertClose(double[] expected, double[] actual, double relative) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], relative * Math.max(1, Math.abs(expected[j])), "coordinate " + j);
        }
    }

    /** 1, 2, 7 partitions; 5 samples in 7 partitions leave 2 empty; blocks of 5 rows split partitions. */
    @ParameterizedTest
    @CsvSource({"1, 76", "2, 76", "7, 76", "7, 5"})
    void distributedEqualsThePlainSequentialLoop(int partitions, int rows) {
        LabeledData all = assignment().train();
        LabeledData train = new LabeledData(Arrays.copyOf(all.x(), rows), Arrays.copyOf(all.y(), rows), "first " + rows);
        ClassCosts costs = ClassCosts.symmetric(5);
        List<PrimalSvmTrainer.EpochResult> history = train(train, partitions, 5, costs, 30);
        for (int epochs : new int[]{1, 3, 10, 30}) {
            double[] expected = SequentialPrimalSvm.train(flat(train), train.y(), 4, costs, ETA, epochs);
            LinearSvmModel model = history.get(epochs).model();
            double[] actual = Arrays.copyOf(model.w(), 5);
            actual[4] = model.b();
            assertClose(expected, actual, 1e-12);
            assertEquals(SequentialPrimalSvm.objective(flat(train), train.y(), 4, costs, expected),
                    history.get(epochs).objective(), 1e-12 * history.get(epochs).objective());
        }
    }

    @Test
    void hundredEpochsReachTwentyThreeOfTwentyFour() {
        TrainTest data = assignment();
        List<PrimalSvmTrainer.EpochResult> history = new PrimalSvmTrainer(blocks(data.train(), 2, 64), 4,
                ClassCosts.symmetric(5), ETA).train(100, r -> { });
        assertEquals(23.0 / 24, history.get(100).model().accuracy(data.test()), 1e-12);
        assertEquals(23.0 / 24, PrimalSvmTrainer.accuracy(history.get(100).model(), blocks(data.test(), 3, 5)), 1e-12);
    }

    @Test
    void equalClassCostsAreTheSymmetricProblem() {
        LabeledData train = assignment().train();
        double[] symmetric = SequentialPrimalSvm.train(flat(train), train.y(), 4, ClassCosts.symmetric(5), ETA, 20);
        LinearSvmModel asymmetric = train(train, 3, 16, new ClassCosts(5, 5), 20).get(20).model();
        assertClose(Arrays.copyOf(symmetric, 4), asymmetric.w(), 1e-12);
        assertEquals(symmetric[4], asymmetric.b(), 1e-12);
    }

    /** Overlapping classes, 4 negatives to each positive: a larger C1 trades false positives for fewer false negatives. */
    @Test
    void raisingC1ReducesFalseNegatives() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 500;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 5 == 0 ? 1 : -1;
            x[i] = new double[]{y[i] * 0.5 + random.nextGaussian(), random.nextGaussian()};
        }
        LabeledData data = new LabeledData(x, y, "imbalanced");
        long fnSymmetric = falseNegatives(train(data, 2, 64, new ClassCosts(1, 1), 40).get(40).model(), data);
        long fnWeighted = falseNegatives(train(data, 2, 64, new ClassCosts(1, 4), 40).get(40).model(), data);
        assertTrue(fnWeighted < fnSymmetric, "false negatives " + fnWeighted + " with C1=4 vs " + fnSymmetric + " with C1=1");
    }

    private static long falseNegatives(LinearSvmModel model, LabeledData data) {
        long count = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.y()[i] > 0 && model.predict(data.x()[i]) < 0) {
                count++;
            }
        }
        return count;
    }
}
