package mlspark.svm.primal;

import java.util.List;

import mlspark.optim.TrainingState;
import mlspark.svm.linear.InterceptSearch;
import mlspark.svm.linear.LinearSvmDual;
import mlspark.svm.linear.PrimalScales;

/**
 * A primal SVM's training after {@code epoch} iterations: the point (w_1..w_d, b) and the history
 * before it. Trained by its dual (cocoa) also the multipliers, one array per partition of the
 * training blocks, the rounds' objectives and gaps, the search of the intercepts once it has begun
 * (else null), the scales of the primal point ({@link PrimalScales}, the next round's candidates'
 * centers) and the best primal point of the rounds (the model's); the point is then w~ = sum_i
 * alpha_i y_i x~_i (the bias weight w_B, not b). All null for the other optimizers.
 */
public record PrimalSvmState(int epoch, double[] point, List<EpochResult> history, double[][] multipliers,
                             List<DualRound> rounds, InterceptSearch interceptSearch, PrimalScales primalScales,
                             LinearSvmDual.PrimalPoint bestPrimal) implements TrainingState {

    /** The state of a primal optimizer. */
    public PrimalSvmState(int epoch, double[] point, List<EpochResult> history) {
        this(epoch, point, history, null, null, null, null, null);
    }
}
