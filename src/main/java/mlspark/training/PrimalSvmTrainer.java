package mlspark.training;

import mlspark.distributed.RddLossFunction;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.api.java.JavaRDD;

import mlspark.data.SampleBlock;
import mlspark.optim.DifferentiableFunction;
import mlspark.optim.GradientDescent;
import mlspark.optim.L2Regularized;
import mlspark.optim.Lbfgs;
import mlspark.optim.StepSchedule;
import mlspark.optim.TrainingState;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.HingeBlockAggregator;
import mlspark.svm.primal.SquaredHingeBlockAggregator;
import mlspark.svm.primal.LinearSvmModel;

/**
 * Trains the primal soft-margin SVM on Spark: E(w,b) = 1/2|w|^2 + sum_i C_i hinge_i, by
 * {@link GradientDescent} from w = 0, b = 0, the data term summed by {@link RddLossFunction}.
 */
public final class PrimalSvmTrainer {
    /**
     * The objective E(w,b) after {@code epoch} steps and the model then; the model only at the epochs
     * a run keeps (those asked for and the last), null at the others: D doubles per epoch would not
     * fit on the driver for large D and many epochs.
     */
    public record EpochResult(int epoch, LinearSvmModel model, double objective) {
    }

    /** The state after {@code epoch} steps: the point (w_1..w_d, b) and the history before it. */
    public record State(int epoch, double[] point, List<EpochResult> history) implements TrainingState {
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

    /** As {@link #train(int, int[], Consumer, State, Consumer)}, keeping the last model only, from w = 0, b = 0. */
    public List<EpochResult> train(int epochs, Consumer<EpochResult> progress) {
        return train(epochs, new int[0], progress, null, null);
    }

    /**
     * Runs {@code epochs} steps from w = 0, b = 0, or continues from {@code from} (a state of an
     * earlier run of the same configuration), and returns the objective after each, index = epoch
     * (0 = the start), with the models after the epochs {@code modelsAt} and the last.
     * {@code progress} hears of each epoch as soon as its objective is known (one step later);
     * {@code states} (when not null) is handed the state after every step.
     */
    public List<EpochResult> train(int epochs, int[] modelsAt, Consumer<EpochResult> progress, State from,
                                   Consumer<? super State> states) {
        BitSet keep = keep(modelsAt, epochs);
        List<EpochResult> history = new ArrayList<>(epochs + 1);
        double[][] previous = {new double[dimension + 1]};
        int done = 0;
        if (from != null) {
            // a state may hold more models than this run keeps
            from.history().forEach(r -> history.add(keep.get(r.epoch()) ? r : new EpochResult(r.epoch(), null, r.objective())));
            previous[0] = from.point();
            done = from.epoch();
        }
        GradientDescent gd = new GradientDescent(steps);
        double[] last = gd.minimize(objective, previous[0], done, epochs, (epoch, point, lossBefore) -> {
            record(history, epoch - 1, previous[0], lossBefore, keep, progress);
            previous[0] = point;
            if (states != null) {
                states.accept(new State(epoch, point, List.copyOf(history)));
            }
        });
        record(history, epochs, last, objective.evaluate(last).loss(), keep, progress);
        return history;
    }

    /** As {@link #trainLbfgs(int, int[], Consumer)}, keeping the last model only. */
    public List<EpochResult> trainLbfgs(int iterations, Consumer<EpochResult> progress) {
        return trainLbfgs(iterations, new int[0], progress);
    }

    /**
     * Up to {@code iterations} L-BFGS iterations ({@link Lbfgs}, memory 10) from w = 0, b = 0, the
     * model after each, index = iteration; when L-BFGS stops early (relative decrease below 1e-9) the
     * last model stands for the remaining iterations. Returns the objective after each, with the models
     * after the iterations {@code modelsAt} and the last.
     */
    public List<EpochResult> trainLbfgs(int iterations, int[] modelsAt, Consumer<EpochResult> progress) {
        BitSet keep = keep(modelsAt, iterations);
        List<EpochResult> history = new ArrayList<>(iterations + 1);
        double[][] previous = {new double[dimension + 1]};
        Lbfgs lbfgs = new Lbfgs(10, 1e-9);
        double[] last = lbfgs.minimize(objective, previous[0], iterations, (iteration, point, lossBefore) -> {
            record(history, iteration - 1, previous[0], lossBefore, keep, progress);
            previous[0] = point;
        });
        double loss = objective.evaluate(last).loss();
        while (history.size() <= iterations) {
            record(history, history.size(), last, loss, keep, progress);
        }
        evaluations = lbfgs.evaluations() + 1;
        return history;
    }

    private int evaluations;

    /** Passes over the data (function evaluations) of the last {@link #trainLbfgs}. */
    public int evaluations() {
        return evaluations;
    }

    private static BitSet keep(int[] modelsAt, int last) {
        BitSet keep = new BitSet(last + 1);
        for (int epoch : modelsAt) {
            keep.set(epoch);
        }
        keep.set(last);
        return keep;
    }

    private static void record(List<EpochResult> history, int epoch, double[] point, double objective, BitSet keep,
                               Consumer<EpochResult> progress) {
        EpochResult result = new EpochResult(epoch, keep.get(epoch) ? LinearSvmModel.fromParameters(point) : null, objective);
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
