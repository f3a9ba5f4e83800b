package mlspark.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

import mlspark.data.LabeledData;
import mlspark.data.SampleBlock;
import mlspark.optim.GradientDescent;
import mlspark.optim.L2Regularized;
import mlspark.optim.StepSchedule;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.HingeBlockAggregator;
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
        JavaRDD<SampleBlock> blocks = SampleRdds.blocks(SampleRdds.samples(sc, new LabeledData(x, y, "random"), 7), D, 50);
        ClassCosts costs = ClassCosts.symmetric(2);
        StepSchedule eta = StepSchedule.constant(1e-4);
        GradientDescent gd = new GradientDescent(eta);

        double[] faultFree = gd.minimize(new PrimalSvmTrainer(blocks, D, costs, eta).objective(), new double[D + 1], 6,
                (e, p, l) -> { });

        Set<Integer> failing = Set.of(0, 3, 6);
        RddLossFunction<HingeBlockAggregator> faulty = new RddLossFunction<>(blocks, bc -> {
            TaskContext task = TaskContext.get();
            if (task.attemptNumber() == 0 && failing.contains(task.partitionId())) {
                throw new IllegalStateException("injected failure of partition " + task.partitionId());
            }
            return new HingeBlockAggregator(bc::value, costs, D);
        }, PrimalSvmTrainer.TREE_DEPTH);
        double[] withFailures = gd.minimize(new L2Regularized(faulty, D, 1.0), new double[D + 1], 6, (e, p, l) -> { });

        assertTrue(faultFree[0] != 0);
        assertArrayEquals(faultFree, withFailures, 0.0);
    }
}
