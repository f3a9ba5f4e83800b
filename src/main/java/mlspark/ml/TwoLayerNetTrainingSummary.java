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

    /** Iterations in an epoch. */
    public int iterationsPerEpoch() {
        return result.iterationsPerEpoch();
    }

    /** The evaluations after the first iteration and after each epoch. */
    public List<Solver.Checkpoint> checkpoints() {
        return result.checkpoints();
    }

    /** Epochs run. */
    public int epochs() {
        return checkpoints().isEmpty() ? 0 : checkpoints().get(checkpoints().size() - 1).epoch();
    }

    /** The validation accuracy of the kept (best) net. */
    public double bestValidationAccuracy() {
        return result.bestValidationAccuracy();
    }

    /** Seconds of training, evaluations left out. */
    public double trainingSeconds() {
        return result.trainingSeconds();
    }

    /** "converged" when the validation accuracy stalled (nIterNoChange) before maxIter epochs, else "max_iter". */
    public String solverStatus() {
        return result.stoppedEarly() ? "converged" : "max_iter";
    }
}
