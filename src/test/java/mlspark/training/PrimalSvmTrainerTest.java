package mlspark.training;

import mlspark.distributed.SampleBlocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import mlspark.distributed.LinearSvmScores;
import mlspark.optim.GradientDescent;
import mlspark.svm.primal.EpochResult;
import mlspark.svm.primal.LinearSvmModel;
import mlspark.svm.primal.PrimalSvmState;
import mlspark.svm.primal.SequentialPrimalSvm;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

class PrimalSvmTrainerTest extends SharedSpark {
    private static final StepSchedule ETA = StepSchedule.constant(1e-3);

    private TrainTest assignment() {
        Path dataDir = ProjectData.dataDirWith("hw3/soft_margin_svm_data.npy");
        return BinaryDataSets.load("hw3", null, dataDir, m -> { });
    }

    private List<EpochResult> train(LabeledData data, int partitions, int blockRows, ClassCosts costs,
                                                     int epochs) {
        return new PrimalSvmTrainer(blocks(data, partitions, blockRows), data.dimension(), costs, new GradientDescent(ETA))
                .train(epochs, new int[]{1, 3, 10}, r -> { }, null, null);
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
        List<EpochResult> history = train(train, partitions, 5, costs, 30);
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

    /**
     * Sparse rows (5 % non-zeros, so the converter stores CSR blocks) train to the model of the
     * same rows densified in BLAS blocks made without the converter, 1e-12 relative; 5 rows in 7
     * partitions leave empty partitions.
     */
    @ParameterizedTest
    @CsvSource({"1, 400", "2, 400", "7, 400", "7, 5"})
    void sparseBlocksTrainAsDenseBlocks(int partitions, int n) {
        int d = 200;
        SplittableRandom random = new SplittableRandom(17 + n);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.util.TreeMap<Integer, Double> entries = new java.util.TreeMap<>();
            while (entries.size() < 10) {
                entries.put(random.nextInt(d), random.nextGaussian());
            }
            double[] xi = x[i];
            entries.forEach((j, v) -> xi[j] = v);
            y[i] = x[i][entries.firstKey()] + 0.3 * random.nextGaussian() > 0 ? 1 : -1;
            rows.add(org.apache.spark.sql.RowFactory.create(org.apache.spark.ml.linalg.Vectors.dense(x[i]).toSparse(), y[i]));
        }
        org.apache.spark.sql.SparkSession spark = org.apache.spark.sql.SparkSession.builder().config(sc.getConf()).getOrCreate();
        JavaRDD<SampleBlock> sparse = SampleBlocks.of(spark.createDataFrame(sc.parallelize(rows, partitions), SampleBlocks.SCHEMA),
                SampleBlocks.Layout.ofKib(d, 4, mlspark.data.FeatureBlock.Storage.FLOAT64), false, "sparse");
        List<mlspark.data.Sample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(new mlspark.data.Sample(y[i], x[i]));
        }
        JavaRDD<SampleBlock> dense = sc.parallelize(samples, partitions).mapPartitions(it -> {
            List<mlspark.data.Sample> part = new java.util.ArrayList<>();
            it.forEachRemaining(part::add);
            return part.isEmpty() ? java.util.Collections.emptyIterator()
                    : List.of(SampleBlock.of(part, d)).iterator();
        });
        assertTrue(sparse.collect().stream().allMatch(b -> b.features() instanceof mlspark.data.FeatureBlock.Sparse));
        assertTrue(sparse.collect().size() > partitions || n < partitions, "several blocks per partition");
        ClassCosts costs = new ClassCosts(2, 3);
        StepSchedule eta = StepSchedule.constant(1e-2);
        List<EpochResult> fromSparse = new PrimalSvmTrainer(sparse, d, costs, new GradientDescent(eta))
                .train(20, new int[]{1, 5}, r -> { }, null, null);
        List<EpochResult> fromDense = new PrimalSvmTrainer(dense, d, costs, new GradientDescent(eta))
                .train(20, new int[]{1, 5}, r -> { }, null, null);
        for (int epoch : new int[]{1, 5, 20}) {
            LinearSvmModel s = fromSparse.get(epoch).model();
            LinearSvmModel t = fromDense.get(epoch).model();
            assertTrue(Arrays.stream(t.w()).anyMatch(v -> v != 0));
            assertClose(t.w(), s.w(), 1e-12);
            assertEquals(t.b(), s.b(), 1e-12 * Math.max(1, Math.abs(t.b())));
            assertEquals(fromDense.get(epoch).objective(), fromSparse.get(epoch).objective(),
                    1e-12 * fromDense.get(epoch).objective());
        }
    }

    /**
     * D = 2^17: the rows' 7 partitions are coalesced to the 2 cores, and E and its gradient equal
     * a plain loop over the rows to 1e-12 relative, the same bit for bit on a second evaluation.
     */
    @Test
    void largeDimensionsAreCoalescedToTheCoresAndSumAsThePlainLoop() {
        int d = SampleBlocks.COALESCE_FROM_DIMENSION;
        int n = 400;
        SplittableRandom random = new SplittableRandom(5);
        int[][] idx = new int[n][];
        double[][] val = new double[n][];
        double[] y = new double[n];
        List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.util.TreeMap<Integer, Double> entries = new java.util.TreeMap<>();
            while (entries.size() < 12) {
                entries.put(random.nextInt(i % 2 == 0 ? 64 : d), random.nextGaussian());
            }
            idx[i] = entries.keySet().stream().mapToInt(Integer::intValue).toArray();
            val[i] = entries.values().stream().mapToDouble(Double::doubleValue).toArray();
            y[i] = random.nextBoolean() ? 1 : -1;
            rows.add(org.apache.spark.sql.RowFactory.create(org.apache.spark.ml.linalg.Vectors.sparse(d, idx[i], val[i]), y[i]));
        }
        org.apache.spark.sql.SparkSession spark = org.apache.spark.sql.SparkSession.builder().config(sc.getConf()).getOrCreate();
        JavaRDD<SampleBlock> blocks = SampleBlocks.of(spark.createDataFrame(sc.parallelize(rows, 7), SampleBlocks.SCHEMA),
                SampleBlocks.Layout.ofKib(d, 4, mlspark.data.FeatureBlock.Storage.FLOAT64), false, "sparse");
        assertEquals(sc.defaultParallelism(), blocks.getNumPartitions());
        ClassCosts costs = new ClassCosts(2, 3);
        double[] p = random.doubles(d + 1, -0.2, 0.2).toArray();
        mlspark.optim.LossAndGradient lg = PrimalSvmTrainer.objective(blocks, d, costs, false).evaluate(p);
        double loss = 0;
        double[] g = new double[d + 1];
        for (int j = 0; j < d; j++) {
            loss += 0.5 * p[j] * p[j];
            g[j] = p[j];
        }
        for (int i = 0; i < n; i++) {
            double h = p[d];
            for (int k = 0; k < idx[i].length; k++) {
                h += p[idx[i][k]] * val[i][k];
            }
            if (y[i] * h < 1) {
                double c = costs.of(y[i]);
                loss += c * (1 - y[i] * h);
                for (int k = 0; k < idx[i].length; k++) {
                    g[idx[i][k]] -= c * y[i] * val[i][k];
                }
                g[d] -= c * y[i];
            }
        }
        assertEquals(loss, lg.loss(), 1e-12 * loss);
        assertClose(g, lg.gradient(), 1e-12);
        assertTrue(Arrays.equals(lg.gradient(), PrimalSvmTrainer.objective(blocks, d, costs, false).evaluate(p).gradient()));
    }

    /**
     * float32 blocks (single-precision products) on the assignment's data: the Q2 figures of 100
     * epochs within 1e-5 of the float64 loop on the float-rounded features, the same test accuracy.
     */
    @Test
    void float32BlocksGiveTheFloatRoundedProblemsFigures() {
        TrainTest data = assignment();
        LabeledData train = data.train();
        org.apache.spark.sql.SparkSession spark = org.apache.spark.sql.SparkSession.builder().config(sc.getConf()).getOrCreate();
        JavaRDD<SampleBlock> floats = SampleBlocks.of(SampleBlocks.rows(spark, train, 2),
                SampleBlocks.Layout.ofKib(4, SampleBlocks.DEFAULT_BLOCK_KIB, mlspark.data.FeatureBlock.Storage.FLOAT32),
                false, "float32");
        assertTrue(floats.collect().stream().allMatch(b -> b.features() instanceof mlspark.data.FeatureBlock.Float32));
        double[] rounded = flat(train);
        for (int k = 0; k < rounded.length; k++) {
            rounded[k] = (float) rounded[k];
        }
        List<EpochResult> history = new PrimalSvmTrainer(floats, 4, ClassCosts.symmetric(5), new GradientDescent(ETA))
                .train(100, new int[]{1, 3, 10, 30, 100}, r -> { }, null, null);
        for (int epochs : new int[]{1, 3, 10, 30, 100}) {
            double[] expected = SequentialPrimalSvm.train(rounded, train.y(), 4, ClassCosts.symmetric(5), ETA, epochs);
            LinearSvmModel m = history.get(epochs).model();
            assertClose(Arrays.copyOf(expected, 4), m.w(), 1e-5);
            assertEquals(expected[4], m.b(), 1e-5);
            assertEquals(SequentialPrimalSvm.objective(rounded, train.y(), 4, ClassCosts.symmetric(5), expected),
                    history.get(epochs).objective(),
                    1e-5 * history.get(epochs).objective());
        }
        assertEquals(23.0 / 24, history.get(100).model().accuracy(data.test()), 1e-12);
    }

    /**
     * The objective after every epoch, the model only after the epochs asked for and the last; a run
     * resumed from the state handed out after epoch 7 ends as the uninterrupted one, bit for bit.
     */
    @Test
    void keepsModelsWhereAskedAndResumesFromAHandedOutState() {
        LabeledData train = assignment().train();
        ClassCosts costs = ClassCosts.symmetric(5);
        JavaRDD<SampleBlock> blocks = blocks(train, 2, 16);
        List<PrimalSvmState> states = new java.util.ArrayList<>();
        List<EpochResult> whole = new PrimalSvmTrainer(blocks, 4, costs, new GradientDescent(ETA))
                .train(20, new int[]{3, 10}, r -> { }, null, states::add);
        assertEquals(21, whole.size());
        for (EpochResult r : whole) {
            double[] expected = SequentialPrimalSvm.train(flat(train), train.y(), 4, costs, ETA, r.epoch());
            assertEquals(SequentialPrimalSvm.objective(flat(train), train.y(), 4, costs, expected), r.objective(),
                    1e-12 * r.objective(), "epoch " + r.epoch());
            assertEquals(r.epoch() == 3 || r.epoch() == 10 || r.epoch() == 20, r.model() != null, "epoch " + r.epoch());
        }
        assertEquals(20, states.size());
        PrimalSvmState seventh = states.get(6);
        assertEquals(7, seventh.epoch());
        assertEquals(7, seventh.history().size());
        List<EpochResult> resumed = new PrimalSvmTrainer(blocks, 4, costs, new GradientDescent(ETA))
                .train(20, new int[]{3, 10}, r -> { }, seventh, null);
        for (int epoch = 0; epoch <= 20; epoch++) {
            assertEquals(whole.get(epoch).objective(), resumed.get(epoch).objective(), 0.0);
        }
        for (int epoch : new int[]{3, 10, 20}) {
            assertArrayEquals(whole.get(epoch).model().w(), resumed.get(epoch).model().w(), 0.0);
            assertEquals(whole.get(epoch).model().b(), resumed.get(epoch).model().b(), 0.0);
        }
    }

    @Test
    void hundredEpochsReachTwentyThreeOfTwentyFour() {
        TrainTest data = assignment();
        List<EpochResult> history = new PrimalSvmTrainer(blocks(data.train(), 2, 64), 4,
                ClassCosts.symmetric(5), new GradientDescent(ETA)).train(100, new int[0], r -> { }, null, null);
        assertEquals(23.0 / 24, history.get(100).model().accuracy(data.test()), 1e-12);
        assertEquals(23.0 / 24, LinearSvmScores.accuracy(history.get(100).model(), blocks(data.test(), 3, 5)), 1e-12);
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
