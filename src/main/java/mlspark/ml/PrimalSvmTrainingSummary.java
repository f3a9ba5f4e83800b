package mlspark.ml;

import java.io.Serializable;
import java.util.List;

import mlspark.training.PrimalSvmTrainer.EpochResult;
import mlspark.svm.primal.LinearSvmModel;

/**
 * How a {@link PrimalSvmModel} was trained: gradient descent runs a fixed number of epochs, so the
 * history holds the objective E(w,b) after every epoch (index 0: w = 0, b = 0) and the model after
 * the last (D doubles per epoch are not kept).
 */
public record PrimalSvmTrainingSummary(List<EpochResult> history) implements Serializable {

    /** Epochs run (the model is the one after the last). */
    public int totalIterations() {
        return history.size() - 1;
    }

    /** E(w,b) after each epoch, from epoch 0. */
    public double[] objectiveHistory() {
        return history.stream().mapToDouble(EpochResult::objective).toArray();
    }

    /** (w, b) after {@code epoch} epochs: the last. */
    public LinearSvmModel modelAt(int epoch) {
        LinearSvmModel model = history.get(epoch).model();
        if (model == null) {
            throw new IllegalArgumentException("the model after epoch " + epoch + " is not kept; only the last, after "
                    + totalIterations());
        }
        return model;
    }

    /** Gradient descent stops after maxIter epochs, without a convergence test. */
    public String solverStatus() {
        return "max_iter";
    }
}
