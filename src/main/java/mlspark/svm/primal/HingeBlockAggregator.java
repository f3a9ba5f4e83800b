package mlspark.svm.primal;

import mlspark.svm.ClassCosts;

/**
 * The data term of the soft-margin SVM objective, {@code sum_i C_i max(0, 1 - y_i (w.x_i + b))}, and
 * its (sub)gradient {@code -sum_i C_i 1[y_i (w.x_i + b) < 1] y_i (x_i, 1)}: the margin test is
 * strict, as in the assignment.
 */
public final class HingeBlockAggregator extends MarginLossBlockAggregator<HingeBlockAggregator> {
    public HingeBlockAggregator(Parameters parameters, ClassCosts costs, int dimension) {
        super(parameters, MarginLoss.HINGE, costs, dimension);
    }
}
