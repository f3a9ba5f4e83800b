package mlspark.svm.linear;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import mlspark.data.BulkArrays;
import mlspark.optim.Mergeable;

/**
 * What a round sums over the partitions: the update of w~ (the partitions' local updates added,
 * CoCoA+'s gamma = 1), and at the w~ the round started from the data term sum_i C_i hinge_i and the
 * multipliers' sum sum_i alpha_i (over every problem), from which {@link LinearSvmDual#round} makes
 * the duality gap. The update travels as raw bytes ({@link BulkArrays}).
 */
public final class DualPartial implements Mergeable<DualPartial> {
    private static final long serialVersionUID = 1L;

    private transient double[] deltaW;
    private double hingeLoss;
    private double alphaSum;

    public DualPartial(double[] deltaW, double hingeLoss, double alphaSum) {
        this.deltaW = deltaW;
        this.hingeLoss = hingeLoss;
        this.alphaSum = alphaSum;
    }

    public double[] deltaW() {
        return deltaW;
    }

    public double hingeLoss() {
        return hingeLoss;
    }

    public double alphaSum() {
        return alphaSum;
    }

    /** A new sum: the partials stay as they are (a partition's may sit in Spark's cache). */
    @Override
    public DualPartial merge(DualPartial other) {
        double[] sum = deltaW.clone();
        for (int j = 0; j < sum.length; j++) {
            sum[j] += other.deltaW[j];
        }
        return new DualPartial(sum, hingeLoss + other.hingeLoss, alphaSum + other.alphaSum);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        BulkArrays.writeDoubles(out, deltaW);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        deltaW = BulkArrays.readDoubles(in);
    }
}
