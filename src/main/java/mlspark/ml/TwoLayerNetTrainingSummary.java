package mlspark.ml;

import java.io.Serializable;
import java.util.List;

import mlspark.nn.Solver;

/**
 * How a {@link TwoLayerNetModel} was trained: the solver's result, with the loss of every step and
 * the accuracies after the first iteration and after each epoch.
 */
public record TwoLayerNetTrainingSummary(Solver.Result result) implements Serializable {

    /** The mini-batch loss (with weight decay) of every step. */
    public double[] objectiveHistory() {
        return result.loss();
    }

    /** Iterations run (mini-batches, or local SGD rounds). */
    public long totalIterations() {
        return result.iterations();
    }

    public List<Solver.Checkpoint> checkpoints() {
        return result.checkpoints();
    }

    /** The validation accuracy of the kept (best) net. */
    public double bestValidationAccuracy() {
        return result.bestValidationAccuracy();
    }

    /** The solver runs its epochs without a convergence test. */
    public String solverStatus() {
        return "max_iter";
    }
}
