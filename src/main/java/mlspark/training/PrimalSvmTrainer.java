package mlspark.training;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.api.java.JavaRDD;

import mlspark.data.SampleBlock;
import mlspark.distributed.RddLossFunction;
import mlspark.optim.DifferentiableFunction;
import mlspark.optim.L2Regularized;
import mlspark.optim.Minimizer;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.EpochResult;
import mlspark.svm.primal.HingeBlockAggregator;
import mlspark.svm.primal.LinearClassifier;
import mlspark.svm.primal.MarginLoss;
import mlspark.svm.primal.OneVsRestBlockAggregator;
import mlspark.svm.primal.PrimalSvmState;
import mlspark.svm.primal.SquaredHingeBlockAggregator;

/**
 * Trains the primal soft-margin SVM on Spark: E(w,b) = 1/2|w|^2 + sum_i C_i hinge_i from w = 0,
 * b = 0 by a {@link Minimizer}, the data term summed by {@link RddLossFunction}. A minimizer that
 * needs a smooth function gets the L2-loss SVM, 1/2|w|^2 + sum_i C_i hinge_i^2. With K >= 3
 * classes (labels 0..K-1), the K one-vs-rest SVMs are trained together: the objective is the sum of
 * the K binary ones (each with C_i = C weight_i) over one parameter vector of K(d+1) entries
 * ({@link OneVsRestBlockAggregator}), one pass over the blocks per evaluation.
 */
public final class PrimalSvmTrainer {
    public static final int TREE_DEPTH = 2;

    private final int dimension;
    private final int classes;
    private final Minimizer minimizer;
    private final DifferentiableFunction objective;
    private int evaluations;

    /** A binary SVM (labels -1/+1). */
    public PrimalSvmTrainer(JavaRDD<SampleBlock> blocks, int dimension, ClassCosts costs, Minimizer minimizer) {
        this(blocks, dimension, 2, costs, minimizer);
    }

    /**
     * A binary SVM for {@code classes} = 2 (labels -1/+1, costs C0/C1), else K one-vs-rest SVMs
     * (labels 0..K-1; costs must be symmetric: C).
     */
    public PrimalSvmTrainer(JavaRDD<SampleBlock> blocks, int dimension, int classes, ClassCosts costs,
                            Minimizer minimizer) {
        this.dimension = dimension;
        this.classes = classes;
        this.minimizer = minimizer;
        this.objective = classes == 2 ? objective(blocks, dimension, costs, minimizer.needsSmoothFunction())
                : oneVsRestObjective(blocks, dimension, classes, costs, minimizer.needsSmoothFunction());
    }

    /**
     * The objective over the training blocks as a function of (w_1..w_d, b): with the hinge loss, or
     * with {@code squaredHinge} the squared hinge (smooth).
     */
    public static DifferentiableFunction objective(JavaRDD<SampleBlock> blocks, int dimension, ClassCosts costs,
                                                   boolean squaredHinge) {
        DifferentiableFunction data = squaredHinge
                ? new RddLossFunction<>(blocks, bc -> new SquaredHingeBlockAggregator(bc::value, costs, dimension),
                TREE_DEPTH)
                : new RddLossFunction<>(blocks, bc -> new HingeBlockAggregator(bc::value, costs, dimension), TREE_DEPTH);
        return new L2Regularized(data, dimension, 1.0);
    }

    /**
     * The sum of the K one-vs-rest objectives over the training blocks (labels 0..K-1) as a function of
     * (W, b) ({@link OneVsRestBlockAggregator}): with the hinge loss, or with {@code squaredHinge} the
     * squared hinge. Every sample costs C = {@code costs}' (symmetric) C times its weight.
     */
    public static DifferentiableFunction oneVsRestObjective(JavaRDD<SampleBlock> blocks, int dimension, int classes,
                                                            ClassCosts costs, boolean squaredHinge) {
        if (!costs.isSymmetric()) {
            throw new IllegalArgumentException("one-vs-rest takes one C for every class, got " + costs);
        }
        MarginLoss loss = MarginLoss.of(squaredHinge);
        double c = costs.c0();
        return new L2Regularized(new RddLossFunction<>(blocks,
                bc -> new OneVsRestBlockAggregator(bc::value, loss, c, dimension, classes), TREE_DEPTH),
                dimension * classes, 1.0);
    }

    /** The objective this trainer minimizes. */
    public DifferentiableFunction objective() {
        return objective;
    }

    /**
     * Runs up to {@code epochs} iterations from w = 0, b = 0, or continues from {@code from} (a state
     * of an earlier run of the same configuration; the minimizer must {@link Minimizer#resumes()}),
     * and returns the objective after each, index = epoch (0 = the start), with the models after the
     * epochs {@code modelsAt} and the last. When the minimizer stops early (converged) the last model
     * stands for the remaining epochs. {@code progress} hears of each epoch as soon as its objective is
     * known (one step later); {@code states} (when not null) is handed the state after every step.
     */
    public List<EpochResult> train(int epochs, int[] modelsAt, Consumer<EpochResult> progress, PrimalSvmState from,
                                   Consumer<? super PrimalSvmState> states) {
        BitSet keep = keep(modelsAt, epochs);
        List<EpochResult> history = new ArrayList<>(epochs + 1);
        double[][] previous = {new double[classes == 2 ? dimension + 1
                : OneVsRestBlockAggregator.parameterCount(dimension, classes)]};
        int done = 0;
        if (from != null) {
            // a state may hold more models than this run keeps
            from.history().forEach(r -> history.add(keep.get(r.epoch()) ? r : new EpochResult(r.epoch(), null, r.objective())));
            previous[0] = from.point();
            done = from.epoch();
        }
        double[] last = minimizer.minimize(objective, previous[0], done, epochs, (epoch, point, lossBefore) -> {
            record(history, epoch - 1, previous[0], lossBefore, keep, progress);
            previous[0] = point;
            if (states != null) {
                states.accept(new PrimalSvmState(epoch, point, List.copyOf(history)));
            }
        });
        double loss = objective.evaluate(last).loss();
        while (history.size() <= epochs) {
            record(history, history.size(), last, loss, keep, progress);
        }
        evaluations = minimizer.evaluations() + 1;
        return history;
    }

    /** Passes over the data (function evaluations) of the last {@link #train}, the final objective's included. */
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

    private void record(List<EpochResult> history, int epoch, double[] point, double objective, BitSet keep,
                        Consumer<EpochResult> progress) {
        EpochResult result = new EpochResult(epoch, keep.get(epoch)
                ? LinearClassifier.fromParameters(point, dimension, classes) : null, objective);
        history.add(result);
        progress.accept(result);
    }
}
