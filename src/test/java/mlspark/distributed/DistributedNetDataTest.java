package mlspark.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import mlspark.mnist.Mnist;
import mlspark.nn.LabeledRows;
import mlspark.nn.Matrix;
import mlspark.nn.Precision;
import mlspark.nn.Solver;
import mlspark.nn.TwoLayerNet;
import mlspark.nn.UpdateRule;
import mlspark.testing.ProjectData;
import mlspark.testing.SharedSpark;

class DistributedNetDataTest extends SharedSpark {

    private static LabeledRows randomRows(Precision p, int n, int d, int classes, long seed) {
        Random random = new Random(seed);
        Matrix x = p.zeros(n, d);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, random.nextGaussian());
        }
        return new LabeledRows(x, random.ints(n, 0, classes).toArray());
    }

    private static double normDiff(Matrix a, Matrix b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.size(); i++) {
            diff += (a.get(i) - b.get(i)) * (a.get(i) - b.get(i));
            norm += b.get(i) * b.get(i);
        }
        return Math.sqrt(diff / norm);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void distributedBatchGradientEqualsTheSingleMachineGradient(Precision p) {
        LabeledRows train = randomRows(p, 503, 20, 10, 1);
        LabeledRows validation = randomRows(p, 50, 20, 10, 2);
        TwoLayerNet net = TwoLayerNet.initialize(20, 16, 10, p, TwoLayerNet.Init.HE, 0, 3);
        int[] batch = new Random(4).ints(128, 0, train.size()).toArray();
        LabeledRows rows = train.gather(batch);
        TwoLayerNet.Loss single = net.loss(rows.x(), rows.labels(), 0);
        double tolerance = p == Precision.FLOAT64 ? 1e-12 : 1e-6;
        for (int partitions : new int[]{1, 2, 5}) {
            try (DistributedNetData data = new DistributedNetData(sc, train, validation, null, partitions)) {
                TwoLayerNet.Loss distributed = data.batchLoss(net, batch);
                assertEquals(single.loss(), distributed.loss(), tolerance * single.loss(), "loss, " + partitions + " partitions");
                double err = normDiff(distributed.gradient(), single.gradient());
                assertTrue(err < tolerance, p + ", " + partitions + " partitions: relative error " + err);
                // accuracies count the same rows as a sequential count
                int[] subset = java.util.Arrays.copyOf(batch, 40);
                assertEquals(net.correct(train.gather(subset)) / 40.0, data.trainAccuracy(net, subset), 1e-15);
                assertEquals(net.correct(validation) / 50.0, data.validationAccuracy(net), 1e-15);
            }
        }
    }

    private static Solver.Config config(int epochs, double lr, UpdateRule rule, int localSteps) {
        return new Solver.Config(epochs, 100, lr, 0.95, rule, 0, localSteps, 500, 7);
    }

    private static LabeledRows[] mnistSlice() {
        Path dir = ProjectData.dataDirWith("mnist/" + Mnist.TRAIN_IMAGES + ".gz").resolve("mnist");
        Mnist.DataSet data = Mnist.load(dir, false);
        return new LabeledRows[]{data.train().range(0, 4000).rows(Precision.FLOAT64, 0, 1),
                data.train().range(55000, 56000).rows(Precision.FLOAT64, 0, 1)};
    }

    @Test
    void theAssignmentSolverLearnsOnAnMnistSlice() {
        LabeledRows[] slice = mnistSlice();
        try (DistributedNetData data = new DistributedNetData(sc, slice[0], slice[1], null, 2)) {
            TwoLayerNet start = TwoLayerNet.initialize(784, 50, 10, Precision.FLOAT64, TwoLayerNet.Init.GAUSSIAN, 1e-3, 1);
            Solver.Result r = new Solver(config(2, 1e-3, new UpdateRule.Sgd(), 1)).train(start, data, (c, net) -> { });
            assertEquals(80, r.iterations());
            assertEquals(3, r.checkpoints().size());
            double first = Solver.mean(r.loss(), 0, 10);
            double last = Solver.mean(r.loss(), 70, 80);
            assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
            assertTrue(r.bestValidationAccuracy() > 0.8, "validation accuracy " + r.bestValidationAccuracy());
            assertEquals(r.bestValidationAccuracy(), data.validationAccuracy(r.net()), 0);
        }
    }

    @Test
    void localSgdRoundsLearnToo() {
        LabeledRows[] slice = mnistSlice();
        try (DistributedNetData data = new DistributedNetData(sc, slice[0], slice[1], null, 2)) {
            TwoLayerNet start = TwoLayerNet.initialize(784, 50, 10, Precision.FLOAT64, TwoLayerNet.Init.GAUSSIAN, 1e-3, 1);
            Solver.Result r = new Solver(config(2, 1e-3, new UpdateRule.Momentum(0.9), 5)).train(start, data, (c, net) -> { });
            assertEquals(2 * 4, r.iterations());
            assertEquals(40, r.loss().length);
            assertTrue(r.bestValidationAccuracy() > 0.8, "validation accuracy " + r.bestValidationAccuracy());
        }
    }

    @Test
    void meanAndStdOfTheFirstRowsEqualAPlainLoopAndReadTheCachedRows() {
        Random random = new Random(11);
        java.util.List<scala.Tuple2<double[], Integer>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 301; i++) {
            double[] x = new double[7];
            for (int j = 0; j < x.length; j++) {
                x[j] = 3 + 2 * random.nextGaussian();
            }
            rows.add(new scala.Tuple2<>(x, i % 3));
        }
        int count = 250;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < count; i++) {
            for (double v : rows.get(i)._1()) {
                sum += v;
                sumSq += v * v;
            }
        }
        double mean = sum / (count * 7);
        double std = Math.sqrt(sumSq / (count * 7) - mean * mean);
        org.apache.spark.util.LongAccumulator reads = sc.sc().longAccumulator();
        try (DistributedNetData.Rows numbered = DistributedNetData.Rows.of(sc.parallelize(rows, 4).map(t -> {
            reads.add(1);
            return t;
        }))) {
            assertEquals(301, numbered.count());
            double[] meanAndStd = DistributedNetData.meanAndStd(numbered, count);
            assertEquals(mean, meanAndStd[0], 1e-12 * Math.abs(mean));
            assertEquals(std, meanAndStd[1], 1e-12 * std);
            // zipWithIndex counts every partition but the last (225 rows), the cache is filled once (301); the
            // mean and deviation read the cache
            assertEquals(225 + 301, reads.value(), "rows read from the source");
        }
    }
}
