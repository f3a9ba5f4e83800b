package mlspark.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.api.java.JavaRDD;

import mlspark.data.SampleBlock;
import mlspark.io.Checkpoints;
import mlspark.optim.DifferentiableFunction;
import mlspark.optim.GradientDescent;
import mlspark.optim.L2Regularized;
import mlspark.optim.Lbfgs;
import mlspark.optim.StepSchedule;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.HingeBlockAggregator;
import mlspark.svm.primal.SquaredHingeBlockAggregator;
import mlspark.svm.primal.LinearSvmModel;

/**
 * Trains the primal soft-margin SVM on Spark: E(w,b) = 1/2|w|^2 + sum_i C_i hinge_i, by
 * {@link GradientDescent} from w = 0, b = 0, the data term summed by {@link RddLossFunction}.
 */
public final class PrimalSvmTrainer {
    /** The model after {@code epoch} steps and its objective E(w,b). */
    public record EpochResult(int epoch, LinearSvmModel model, double objective) {
    }

    /** What a checkpoint holds: the point after {@code epoch} steps and the history before it. */
    public record State(int epoch, double[] point, List<EpochResult> history) {
    }

    public static final int TREE_DEPTH = 2;

    private final int dimension;
    private final StepSchedule steps;
    private final DifferentiableFunction objective;

    public PrimalSvmTrainer(JavaRDD<SampleBlock> blocks, int dimension, ClassCosts costs, StepSchedule steps) {
        this(blocks, dimension, costs, steps, false);
    }

    /** With {@code squaredHinge}, the L2-loss SVM 1/2|w|^2 + sum_i C_i hinge_i^2, smooth for {@link #trainLbfgs}. */
    public PrimalSvmTrainer(JavaRDD<SampleBlock> blocks, int dimension, ClassCosts costs, StepSchedule steps,
                            boolean squaredHinge) {
        this.dimension = dimension;
        this.steps = steps;
        DifferentiableFunction data = squaredHinge
                ? new RddLossFunction<>(blocks, bc -> new SquaredHingeBlockAggregator(bc::value, costs, dimension),
                TREE_DEPTH)
                : new RddLossFunction<>(blocks, bc -> new HingeBlockAggregator(bc::value, costs, dimension), TREE_DEPTH);
        this.objective = new L2Regularized(data, dimension, 1.0);
    }

    /** The objective E over the training blocks, as a function of (w_1..w_d, b). */
    public DifferentiableFunction objective() {
        return objective;
    }

    /** As {@link #train(int, Consumer, Checkpoints, int)} without checkpoints. */
    public List<EpochResult> train(int epochs, Consumer<EpochResult> progress) {
        return train(epochs, progress, null, 0);
    }

    /**
     * Runs {@code epochs} steps and returns the model after each, index = epoch (0 = the start).
     * {@code progress} hears of
     * each epoch as soon as its objective is known (one step later). With {@code checkpoints}, the
     * state is saved every {@code every} epochs, and an existing checkpoint is resumed from.
     */
    public List<EpochResult> train(int epochs, Consumer<EpochResult> progress, Checkpoints checkpoints, int every) {
        List<EpochResult> history = new ArrayList<>(epochs + 1);
        double[][] previous = {new double[dimension + 1]};
        int done = 0;
        if (checkpoints != null && checkpoints.exists()) {
            State state = checkpoints.load(State.class);
            history.addAll(state.history());
            previous[0] = state.point();
            done = state.epoch();
        }
        GradientDescent gd = new GradientDescent(steps);
        double[] last = gd.minimize(objective, previous[0], done, epochs, (epoch, point, lossBefore) -> {
            record(history, epoch - 1, previous[0], lossBefore, progress);
            previous[0] = point;
            if (checkpoints != null && every > 0 && epoch % every == 0) {
                checkpoints.save(new State(epoch, point, history));
            }
        });
        record(history, epochs, last, objective.evaluate(last).loss(), progress);
        return history;
    }

    /**
     * Up to {@code iterations} L-BFGS iterations ({@link Lbfgs}, memory 10) from w = 0, b = 0, the
     * model after each, index = iteration; when L-BFGS stops early (relative decrease below 1e-9) the
     * last model stands for the remaining iterations. Returns the history and the function evaluations.
     */
    public List<EpochResult> trainLbfgs(int iterations, Consumer<EpochResult> progress) {
        List<EpochResult> history = new ArrayList<>(iterations + 1);
        double[][] previous = {new double[dimension + 1]};
        Lbfgs lbfgs = new Lbfgs(10, 1e-9);
        double[] last = lbfgs.minimize(objective, previous[0], iterations, (iteration, point, lossBefore) -> {
            record(history, iteration - 1, previous[0], lossBefore, progress);
            previous[0] = point;
        });
        double loss = objective.evaluate(last).loss();
        while (history.size() <= iterations) {
            record(history, history.size(), last, loss, progress);
        }
        evaluations = lbfgs.evaluations() + 1;
        return history;
    }

    private int evaluations;

    /** Passes over the data (function evaluations) of the last {@link #trainLbfgs}. */
    public int evaluations() {
        return evaluations;
    }

    private static void record(List<EpochResult> history, int epoch, double[] point, double objective,
                               Consumer<EpochResult> progress) {
        EpochResult result = new EpochResult(epoch, LinearSvmModel.fromParameters(point), objective);
        history.add(result);
        progress.accept(result);
    }

    /** {true positives, false positives, true negatives, false negatives} of {@code model} on {@code blocks}. */
    public static long[] confusion(LinearSvmModel model, JavaRDD<SampleBlock> blocks) {
        return blocks.map(model::confusion).fold(new long[4], (a, b) -> {
            long[] sum = new long[4];
            for (int k = 0; k < 4; k++) {
                sum[k] = a[k] + b[k];
            }
            return sum;
        });
    }

    /** The fraction of samples in {@code blocks} that {@code model} classifies correctly. */
    public static double accuracy(LinearSvmModel model, JavaRDD<SampleBlock> blocks) {
        return accuracy(confusion(model, blocks));
    }

    /** (tp + tn) / n of a confusion count array. */
    public static double accuracy(long[] confusion) {
        long n = confusion[0] + confusion[1] + confusion[2] + confusion[3];
        return n == 0 ? Double.NaN : (double) (confusion[0] + confusion[2]) / n;
    }
}
