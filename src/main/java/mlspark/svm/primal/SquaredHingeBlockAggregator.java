package mlspark.svm.primal;

import mlspark.data.SampleBlock;
import mlspark.optim.BlockAggregator;
import mlspark.svm.ClassCosts;

/**
 * The data term of the L2-loss SVM, {@code sum_i C_i max(0, 1 - y_i (w.x_i + b))^2}, and its gradient
 * {@code -2 sum_i C_i max(0, 1 - y_i (w.x_i + b)) y_i (x_i, 1)}: the hinge squared, so that the
 * objective is smooth for quasi-Newton methods. Parameters are {@code (w_1..w_d, b)}.
 */
public final class SquaredHingeBlockAggregator implements BlockAggregator<SquaredHingeBlockAggregator> {
    private final HingeBlockAggregator.Parameters parameters;
    private final ClassCosts costs;
    private final int dimension;
    private double[] gradient;
    private double loss;
    private long count;

    public SquaredHingeBlockAggregator(HingeBlockAggregator.Parameters parameters, ClassCosts costs, int dimension) {
        this.parameters = parameters;
        this.costs = costs;
        this.dimension = dimension;
    }

    @Override
    public SquaredHingeBlockAggregator add(SampleBlock block) {
        int n = block.size();
        if (n == 0) {
            return this;
        }
        int d = dimension;
        double[] params = parameters.get();
        if (gradient == null) {
            gradient = new double[d + 1];
        }
        double[] z = new double[n];
        block.features().multiply(params, z);
        double[] coefficient = new double[n];
        double gradB = 0;
        for (int i = 0; i < n; i++) {
            double y = block.labels()[i];
            double slack = 1 - y * (z[i] + params[d]);
            if (slack > 0) {
                double c = costs.of(y) * block.weight(i);
                loss += c * slack * slack;
                coefficient[i] = -2 * c * slack * y;
                gradB += coefficient[i];
            }
        }
        block.features().addTransposeTimes(coefficient, gradient);
        gradient[d] += gradB;
        count += n;
        return this;
    }

    @Override
    public SquaredHingeBlockAggregator merge(SquaredHingeBlockAggregator other) {
        if (other.gradient != null) {
            if (gradient == null) {
                gradient = new double[dimension + 1];
            }
            for (int j = 0; j <= dimension; j++) {
                gradient[j] += other.gradient[j];
            }
        }
        loss += other.loss;
        count += other.count;
        return this;
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public double[] gradient() {
        return gradient == null ? new double[dimension + 1] : gradient.clone();
    }

    @Override
    public long count() {
        return count;
    }
}
