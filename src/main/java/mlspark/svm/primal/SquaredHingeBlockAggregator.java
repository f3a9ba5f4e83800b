package mlspark.svm.primal;

import mlspark.svm.ClassCosts;

/**
 * The data term of the L2-loss SVM, {@code sum_i C_i max(0, 1 - y_i (w.x_i + b))^2}, and its gradient
 * {@code -2 sum_i C_i max(0, 1 - y_i (w.x_i + b)) y_i (x_i, 1)}: the hinge squared, so that the
 * objective is smooth for quasi-Newton methods.
 */
public final class SquaredHingeBlockAggregator extends MarginLossBlockAggregator<SquaredHingeBlockAggregator> {
    public SquaredHingeBlockAggregator(Parameters parameters, ClassCosts costs, int dimension) {
        super(parameters, MarginLoss.SQUARED_HINGE, costs, dimension);
    }
}
