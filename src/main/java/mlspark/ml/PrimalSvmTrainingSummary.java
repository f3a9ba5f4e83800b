package mlspark.ml;

import java.io.Serializable;
import java.util.List;

import mlspark.svm.primal.EpochResult;
import mlspark.svm.primal.LinearClassifier;
import mlspark.svm.primal.LinearSvmModel;

/**
 * How a {@link PrimalSvmModel} was trained: the history holds the objective after every iteration
 * (index 0: w = 0, b = 0; an optimizer that converged early repeats its last point to maxIter) and
 * the model after the last and after those asked for ({@link PrimalSvmClassifier#setModelsAt}).
 *
 * @param passes       passes over the data (function evaluations, the final objective's included)
 *                     when the optimizer's line search makes them differ from the iterations; null
 *                     for an optimizer with one pass per iteration
 * @param trainSeconds wall-clock seconds of the optimization (the feature map and caching not included)
 */
public record PrimalSvmTrainingSummary(List<EpochResult> history, Integer passes, double trainSeconds)
        implements Serializable {

    /** Iterations run (the model is the one after the last). */
    public int totalIterations() {
        return history.size() - 1;
    }

    /** The objective after each iteration, from iteration 0. */
    public double[] objectiveHistory() {
        return history.stream().mapToDouble(EpochResult::objective).toArray();
    }

    /** (w, b) of a binary SVM after {@code epoch} iterations: the last, or one of those asked for. */
    public LinearSvmModel modelAt(int epoch) {
        return (LinearSvmModel) classifierAt(epoch);
    }

    /** The model (binary, or K one-vs-rest SVMs) after {@code epoch} iterations: the last, or one of those asked for. */
    public LinearClassifier classifierAt(int epoch) {
        LinearClassifier model = history.get(epoch).classifier();
        if (model == null) {
            throw new IllegalArgumentException("the model after epoch " + epoch + " is not kept; only the last, after "
                    + totalIterations() + ", and those of setModelsAt");
        }
        return model;
    }

    /** The optimizer runs maxIter iterations unless it converges first; no status besides. */
    public String solverStatus() {
        return "max_iter";
    }
}
