package mlspark.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.api.java.JavaRDD;

import mlspark.data.SampleBlock;
import mlspark.optim.DifferentiableFunction;
import mlspark.optim.GradientDescent;
import mlspark.optim.L2Regularized;
import mlspark.optim.StepSchedule;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.HingeBlockAggregator;
import mlspark.svm.primal.LinearSvmModel;

/**
 * Trains the primal soft-margin SVM on Spark: E(w,b) = 1/2|w|^2 + sum_i C_i hinge_i, by
 * {@link GradientDescent} from w = 0, b = 0, the data term summed by {@link RddLossFunction}.
 */
public final class PrimalSvmTrainer {
    /** The model after {@code epoch} steps, its objective E(w,b) and its test accuracy. */
    public record EpochResult(int epoch, LinearSvmModel model, double objective, double testAccuracy) {
    }

    public static final int TREE_DEPTH = 2;

    private final int dimension;
    private final StepSchedule steps;
    private final DifferentiableFunction objective;

    public PrimalSvmTrainer(JavaRDD<SampleBlock> blocks, int dimension, ClassCosts costs, StepSchedule steps) {
        this.dimension = dimension;
        this.steps = steps;
        RddLossFunction<HingeBlockAggregator> hinge = new RddLossFunction<>(blocks,
                bc -> new HingeBlockAggregator(bc::value, costs, dimension), TREE_DEPTH);
        this.objective = new L2Regularized(hinge, dimension, 1.0);
    }

    /** The objective E over the training blocks, as a function of (w_1..w_d, b). */
    public DifferentiableFunction objective() {
        return objective;
    }

    /**
     * Runs {@code epochs} steps and returns the model after each, index = epoch (0 = the start),
     * with its accuracy on {@code test} (NaN when {@code test} is null).
     * {@code progress} hears of each epoch as soon as its objective is known (one step later).
     */
    public List<EpochResult> train(int epochs, JavaRDD<SampleBlock> test, Consumer<EpochResult> progress) {
        List<EpochResult> history = new ArrayList<>(epochs + 1);
        double[][] previous = {new double[dimension + 1]};
        GradientDescent gd = new GradientDescent(steps);
        double[] last = gd.minimize(objective, previous[0], epochs, (epoch, point, lossBefore) -> {
            record(history, epoch - 1, previous[0], lossBefore, test, progress);
            previous[0] = point;
        });
        record(history, epochs, last, objective.evaluate(last).loss(), test, progress);
        return history;
    }

    private static void record(List<EpochResult> history, int epoch, double[] point, double objective,
                               JavaRDD<SampleBlock> test, Consumer<EpochResult> progress) {
        LinearSvmModel model = LinearSvmModel.fromParameters(point);
        EpochResult result = new EpochResult(epoch, model, objective, test == null ? Double.NaN : accuracy(model, test));
        history.add(result);
        progress.accept(result);
    }

    /** The fraction of samples in {@code blocks} that {@code model} classifies correctly. */
    public static double accuracy(LinearSvmModel model, JavaRDD<SampleBlock> blocks) {
        long[] counts = blocks.map(b -> new long[]{model.correct(b), b.size()})
                .fold(new long[2], (a, b) -> new long[]{a[0] + b[0], a[1] + b[1]});
        return counts[1] == 0 ? Double.NaN : (double) counts[0] / counts[1];
    }
}
