package mlspark.svm.primal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import mlspark.data.BulkArrays;
import mlspark.data.SampleBlock;
import mlspark.optim.BlockAggregator;

/**
 * The data term of K one-vs-rest linear SVMs trained together, {@code sum_k sum_i C weight_i
 * l(1 - y_ik (w_k.x_i + b_k))} with {@code y_ik = +1} where sample i is of class k (its label is the
 * class index), else -1, and its gradient: the sum of the K binary data terms of
 * {@link MarginLossBlockAggregator}, each of its own parameters. Parameters are
 * {@link OneVsRestLinearModel#parameters() (W, b)}: W the d x K weights column-major (class k's
 * weights at {@code [k d, (k + 1) d)}), then the K intercepts. A block's K margins take one matrix
 * product with W and its gradient one more (BLAS {@code dgemm} for dense blocks), as MLlib's
 * {@code MultinomialLogisticBlockAggregator}. The gradient travels as raw bytes ({@link BulkArrays}).
 */
public final class OneVsRestBlockAggregator implements BlockAggregator<OneVsRestBlockAggregator> {
    private final MarginLossBlockAggregator.Parameters parameters;
    private final MarginLoss marginLoss;
    private final double c;
    private final int dimension;
    private final int classes;
    private transient double[] gradient;
    private double loss;
    private long count;
    /** A block's margins (rows x K, column-major), then its coefficients; reused across the blocks of a task. */
    private transient double[] coefficients;

    /**
     * @param c       the cost C of every sample (times its weight); the binary SVM's C0/C1 do not apply
     * @param classes K >= 2, the labels being 0..K-1
     */
    public OneVsRestBlockAggregator(MarginLossBlockAggregator.Parameters parameters, MarginLoss marginLoss, double c,
                                    int dimension, int classes) {
        this.parameters = parameters;
        this.marginLoss = marginLoss;
        this.c = c;
        this.dimension = dimension;
        this.classes = classes;
    }

    /** The length of the parameter vector: K (d + 1). */
    public static int parameterCount(int dimension, int classes) {
        return classes * (dimension + 1);
    }

    @Override
    public OneVsRestBlockAggregator add(SampleBlock block) {
        int n = block.size();
        if (n == 0) {
            return this;
        }
        int d = dimension;
        int weights = d * classes;
        double[] params = parameters.get();
        if (gradient == null) {
            gradient = new double[parameterCount(d, classes)];
        }
        if (coefficients == null || coefficients.length < n * classes) {
            coefficients = new double[n * classes];
        }
        double[] coefficient = coefficients;
        block.features().multiply(params, classes, coefficient);
        double[] labels = block.labels();
        for (int k = 0; k < classes; k++) {
            double b = params[weights + k];
            double gradB = 0;
            int column = k * n;
            for (int i = 0; i < n; i++) {
                double y = labels[i] == k ? 1 : -1;
                double slack = 1 - y * (coefficient[column + i] + b);
                if (slack > 0) {
                    double cost = c * block.weight(i);
                    loss += cost * marginLoss.of(slack);
                    coefficient[column + i] = -cost * marginLoss.derivative(slack) * y;
                    gradB += coefficient[column + i];
                } else {
                    coefficient[column + i] = 0;
                }
            }
            gradient[weights + k] += gradB;
        }
        block.features().addTransposeTimes(coefficient, classes, gradient);
        count += n;
        return this;
    }

    @Override
    public OneVsRestBlockAggregator merge(OneVsRestBlockAggregator other) {
        if (other.gradient != null) {
            if (gradient == null) {
                gradient = new double[parameterCount(dimension, classes)];
            }
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] += other.gradient[j];
            }
        }
        loss += other.loss;
        count += other.count;
        return this;
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
        return gradient == null ? new double[parameterCount(dimension, classes)] : gradient.clone();
    }

    @Override
    public long count() {
        return count;
    }
}
