package mlspark.svm.primal;

import java.util.List;

import mlspark.optim.TrainingState;

/**
 * A primal SVM's training after {@code epoch} iterations: the point (w_1..w_d, b) and the history
 * before it. Trained by its dual (cocoa) also the multipliers, one array per partition of the
 * training blocks, and the rounds' objectives and gaps; the point is then w~ (the bias weight w_B,
 * not b). Both null for the other optimizers.
 */
public record PrimalSvmState(int epoch, double[] point, List<EpochResult> history, double[][] multipliers,
                             List<DualRound> rounds) implements TrainingState {

    /** The state of a primal optimizer. */
    public PrimalSvmState(int epoch, double[] point, List<EpochResult> history) {
        this(epoch, point, history, null, null);
    }
}
