package mlspark.ml;

import java.io.Serializable;
import java.util.List;

import mlspark.svm.primal.DualRound;
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
 * @param dualRounds   optimizer cocoa: the primal and dual objectives, the duality gap and the seconds
 *                     after every round run, from round 0; null for the other optimizers
 * @param solverStatus {@code converged} (cocoa reached its gap tolerance) or {@code max_iter}; the
 *                     other optimizers run maxIter iterations unless they converge first and report
 *                     {@code max_iter}
 */
public record PrimalSvmTrainingSummary(List<EpochResult> history, Integer passes, double trainSeconds,
                                       List<DualRound> dualRounds, String solverStatus) implements Serializable {

    /** The summary of a primal optimizer. */
    public PrimalSvmTrainingSummary(List<EpochResult> history, Integer passes, double trainSeconds) {
        this(history, passes, trainSeconds, null, "max_iter");
    }

    /** Iterations run (the model is the one after the last). */
    public int totalIterations() {
        return history.size() - 1;
    }

    /** Rounds cocoa ran (fewer than {@link #totalIterations()} when it reached its tolerance); null for the others. */
    public Integer rounds() {
        return dualRounds == null ? null : dualRounds.size() - 1;
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
}
