package mlspark.svm.primal;

import java.util.function.Supplier;

import mlspark.data.SampleBlock;
import mlspark.optim.BlockAggregator;
import mlspark.svm.ClassCosts;

/**
 * The data term of the soft-margin SVM objective, {@code sum_i C_i max(0, 1 - y_i (w.x_i + b))}, and
 * its (sub)gradient {@code -sum_i C_i 1[y_i (w.x_i + b) < 1] y_i (x_i, 1)}, over blocks of samples,
 * with {@code C_i = C_{y_i} weight_i}. Parameters are {@code (w_1..w_d, b)}; the margin test is
 * strict, as in the assignment. Dense and sparse blocks cost O(stored values) each.
 */
public final class HingeBlockAggregator implements BlockAggregator<HingeBlockAggregator> {
    /** Where the parameters come from: on Spark, a broadcast read inside the task. */
    public interface Parameters extends Supplier<double[]>, java.io.Serializable {
    }

    private final Parameters parameters;
    private final ClassCosts costs;
    private final int dimension;
    private double[] gradient;
    private double loss;
    private long count;

    public HingeBlockAggregator(Parameters parameters, ClassCosts costs, int dimension) {
        this.parameters = parameters;
        this.costs = costs;
        this.dimension = dimension;
    }

    @Override
    public HingeBlockAggregator add(SampleBlock block) {
        int n = block.size();
        if (n == 0) {
            return this;
        }
        int d = dimension;
        double[] params = parameters.get();
        double b = params[d];
        if (gradient == null) {
            gradient = new double[d + 1];
        }
        double[] z = new double[n];
        block.features().multiply(params, z);
        double[] coefficient = new double[n];
        double gradB = 0;
        for (int i = 0; i < n; i++) {
            double y = block.labels()[i];
            double margin = y * (z[i] + b);
            if (margin < 1) {
                double c = costs.of(y) * block.weight(i);
                loss += c * (1 - margin);
                coefficient[i] = -c * y;
                gradB += coefficient[i];
            }
        }
        block.features().addTransposeTimes(coefficient, gradient);
        gradient[d] += gradB;
        count += n;
        return this;
    }

    @Override
    public HingeBlockAggregator merge(HingeBlockAggregator other) {
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
