package mlspark.svm.primal;

import java.util.List;

import mlspark.optim.TrainingState;

/** A primal SVM's training after {@code epoch} iterations: the point (w_1..w_d, b) and the history before it. */
public record PrimalSvmState(int epoch, double[] point, List<EpochResult> history) implements TrainingState {
}
