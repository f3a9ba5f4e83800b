package mlspark.training;

import mlspark.distributed.DistributedNetData;
import mlspark.distributed.OrderedTreeSum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

import mlspark.data.LabeledData;
import mlspark.data.SampleBlock;
import mlspark.nn.LabeledRows;
import mlspark.nn.Matrix;
import mlspark.nn.Precision;
import mlspark.nn.Solver;
import mlspark.nn.TwoLayerNet;
import mlspark.nn.UpdateRule;
import mlspark.optim.GradientDescent;
import mlspark.optim.StepSchedule;
import mlspark.svm.ClassCosts;
import mlspark.testing.SharedSpark;

/** Tasks that fail and are retried (local[2, 4]) leave the trained model bitwise unchanged. */
class TaskFailureTest extends SharedSpark {
    private static final int D = 6;

    @Override
    protected String master() {
        return "local[2, 4]";
    }

    @Test
    void retriedTasksGiveTheFaultFreeModelExactly() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 3000;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.doubles(D, -1, 1).toArray();
            y[i] = x[i][0] + 0.3 * random.nextGaussian() > 0 ? 1 : -1;
        }
        JavaRDD<SampleBlock> blocks = blocks(new LabeledData(x, y, "random"), 7, 50);
        ClassCosts costs = ClassCosts.symmetric(2);
        StepSchedule eta = StepSchedule.constant(1e-4);
        GradientDescent gd = new GradientDescent(eta);

        double[] faultFree = gd.minimize(PrimalSvmTrainer.objective(blocks, D, costs, false), new double[D + 1], 6,
                (e, p, l) -> { });

        sc.setLocalProperty(OrderedTreeSum.FAIL_FIRST_ATTEMPT, "0,3,6");
        double[] withFailures;
        try {
            withFailures = gd.minimize(PrimalSvmTrainer.objective(blocks, D, costs, false), new double[D + 1], 6,
                    (e, p, l) -> { });
        } finally {
            sc.setLocalProperty(OrderedTreeSum.FAIL_FIRST_ATTEMPT, null);
        }

        assertTrue(faultFree[0] != 0);
        assertArrayEquals(faultFree, withFailures, 0.0);
    }

    /** The two-layer net's trainer, its tasks failing through the injector every trainer shares. */
    @Test
    void retriedNetTasksGiveTheFaultFreeNetExactly() throws Exception {
        java.util.Random random = new java.util.Random(5);
        Matrix x = Precision.FLOAT64.zeros(400, 12);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, random.nextGaussian());
        }
        LabeledRows train = new LabeledRows(x, random.ints(400, 0, 4).toArray());
        LabeledRows validation = new LabeledRows(x.rowRange(0, 40).copy(), java.util.Arrays.copyOf(train.labels(), 40));
        TwoLayerNet start = TwoLayerNet.initialize(12, 8, 4, Precision.FLOAT64, TwoLayerNet.Init.HE, 0, 9);
        Solver solver = new Solver(new Solver.Config(2, 20, 0.05, 0.9, new UpdateRule.Momentum(0.9), 1e-3, 1, 50, 7));
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        sc.sc().addSparkListener(new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
                if (end.taskInfo().failed()) {
                    failures.incrementAndGet();
                }
            }
        });
        try (DistributedNetData data = new DistributedNetData(sc, train, validation, null, 5)) {
            Matrix faultFree = solver.train(start, data, (c, net) -> { }).net().params();
            sc.setLocalProperty(OrderedTreeSum.FAIL_FIRST_ATTEMPT, "0,2,4");
            try {
                Matrix withFailures = solver.train(start, data, (c, net) -> { }).net().params();
                assertArrayEquals(faultFree.toDoubles(), withFailures.toDoubles(), 0.0);
            } finally {
                sc.setLocalProperty(OrderedTreeSum.FAIL_FIRST_ATTEMPT, null);
            }
        }
        sc.sc().listenerBus().waitUntilEmpty(10_000);
        assertTrue(failures.get() >= 3 * 40, "injected task failures seen: " + failures.get());
    }
}
