package mlspark.svm.primal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.function.Supplier;

import mlspark.data.SampleBlock;
import mlspark.optim.BlockAggregator;
import mlspark.data.BulkArrays;
import mlspark.svm.ClassCosts;

/**
 * The data term {@code sum_i C_i l(s_i)} of a linear SVM and its gradient over blocks of samples,
 * for a loss {@code l} of the slack {@code s_i = 1 - y_i (w.x_i + b)} that is zero where
 * {@code s_i <= 0}; {@code C_i = C_{y_i} weight_i}. Parameters are {@code (w_1..w_d, b)}. A block
 * costs two products with its features (O(stored values), dense or sparse). The gradient travels
 * (task results, tree aggregation) as raw bytes ({@link BulkArrays}).
 */
public abstract class MarginLossBlockAggregator<A extends MarginLossBlockAggregator<A>> implements BlockAggregator<A> {
    /** Where the parameters come from: on Spark, a broadcast read inside the task. */
    public interface Parameters extends Supplier<double[]>, java.io.Serializable {
    }

    private final Parameters parameters;
    private final MarginLoss marginLoss;
    private final ClassCosts costs;
    private final int dimension;
    private transient double[] gradient;
    private double loss;
    private long count;
    /** A block's margins, then its rows' coefficients; reused across the blocks of a task. */
    private transient double[] coefficients;

    protected MarginLossBlockAggregator(Parameters parameters, MarginLoss marginLoss, ClassCosts costs, int dimension) {
        this.parameters = parameters;
        this.marginLoss = marginLoss;
        this.costs = costs;
        this.dimension = dimension;
    }

    @SuppressWarnings("unchecked")
    private A self() {
        return (A) this;
    }

    @Override
    public A add(SampleBlock block) {
        int n = block.size();
        if (n == 0) {
            return self();
        }
        int d = dimension;
        double[] params = parameters.get();
        double b = params[d];
        if (gradient == null) {
            gradient = new double[d + 1];
        }
        if (coefficients == null || coefficients.length < n) {
            coefficients = new double[n];
        }
        double[] coefficient = coefficients;
        block.features().multiply(params, coefficient);
        double gradB = 0;
        for (int i = 0; i < n; i++) {
            double y = block.labels()[i];
            double slack = 1 - y * (coefficient[i] + b);
            if (slack > 0) {
                double c = costs.of(y) * block.weight(i);
                loss += c * marginLoss.of(slack);
                coefficient[i] = -c * marginLoss.derivative(slack) * y;
                gradB += coefficient[i];
            } else {
                coefficient[i] = 0;
            }
        }
        block.features().addTransposeTimes(coefficient, gradient);
        gradient[d] += gradB;
        count += n;
        return self();
    }

    @Override
    public A merge(A other) {
        MarginLossBlockAggregator<A> o = other;
        if (o.gradient != null) {
            if (gradient == null) {
                gradient = new double[dimension + 1];
            }
            for (int j = 0; j <= dimension; j++) {
                gradient[j] += o.gradient[j];
            }
        }
        loss += o.loss;
        count += o.count;
        return self();
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        BulkArrays.writeDoubles(out, gradient);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        gradient = BulkArrays.readDoubles(in);
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
