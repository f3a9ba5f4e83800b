package mlspark.ml;

import java.io.Serializable;
import java.util.List;

import mlspark.nn.Solver;

/**
 * How a {@link TwoLayerNetModel} was trained: the solver's result, with the loss of every step and
 * the accuracies after the first iteration and after each epoch.
 */
public record TwoLayerNetTrainingSummary(Solver.Result result) implements Serializable {

    /**
     * An evaluation during training: after {@code iteration} iterations (epoch 0 is the one after
     * the first iteration), the mean loss of the steps since the previous one, the accuracy on a
     * random subset of the training rows and on the validation rows, the learning rate in force
     * next, and the seconds spent training so far (evaluations not counted).
     */
    public record Checkpoint(int epoch, long iteration, double meanLoss, double trainAccuracy,
                             double validationAccuracy, double learningRate, double trainingSeconds)
            implements Serializable {
        static Checkpoint of(Solver.Checkpoint c) {
            return new Checkpoint(c.epoch(), c.iteration(), c.meanLoss(), c.trainAccuracy(), c.validationAccuracy(),
                    c.learningRate(), c.trainingSeconds());
        }
    }

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
    public List<Checkpoint> checkpoints() {
        return result.checkpoints().stream().map(Checkpoint::of).toList();
    }

    /** Epochs run. */
    public int epochs() {
        List<Solver.Checkpoint> at = result.checkpoints();
        return at.isEmpty() ? 0 : at.get(at.size() - 1).epoch();
    }

    /** The best validation accuracy seen (that of the model's net with earlyStopping). */
    public double bestValidationAccuracy() {
        return result.bestValidationAccuracy();
    }

    /** Seconds of training, evaluations left out. */
    public double trainingSeconds() {
        return result.trainingSeconds();
    }

    /** "converged" when nIterNoChange epochs brought no progress before maxIter epochs, else "max_iter". */
    public String solverStatus() {
        return result.stoppedEarly() ? "converged" : "max_iter";
    }
}
