package mlspark.svm.linear;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import mlspark.data.BulkArrays;
import mlspark.optim.Mergeable;

/**
 * What a round sums over the partitions: the update of w~ (the partitions' local updates added,
 * CoCoA+'s gamma = 1) and, at the state the round started from, per problem: the data term
 * sum_i C_i hinge_i of w~ ({@code hingeLoss}), the data term with the round's fixed intercepts in
 * place of B w_B ({@code interceptHingeLoss}, zero without them), both data terms at every candidate
 * scale lambda of the primal point ({@code scaledHingeLoss}: problem k's with B w_B at
 * [2 k G + j], with the intercept at [(2 k + 1) G + j], G = {@link PrimalScales#SIZE}), the multipliers' sum, and the sum
 * of 1/|x_i|^2 over the free multipliers (0 < alpha_i < C_i: how fast the multipliers' sum answers a
 * change of the intercept, {@link InterceptSearch}). {@link LinearSvmDual#round} makes the duality
 * gap of them. The arrays travel as raw bytes ({@link BulkArrays}).
 */
public final class DualPartial implements Mergeable<DualPartial> {
    private static final long serialVersionUID = 3L;

    private transient double[] deltaW;
    private transient double[] hingeLoss;
    private transient double[] interceptHingeLoss;
    private transient double[] scaledHingeLoss;
    private transient double[] alphaSum;
    private transient double[] freeCurvature;

    public DualPartial(double[] deltaW, double[] hingeLoss, double[] interceptHingeLoss, double[] scaledHingeLoss,
                       double[] alphaSum, double[] freeCurvature) {
        this.deltaW = deltaW;
        this.hingeLoss = hingeLoss;
        this.interceptHingeLoss = interceptHingeLoss;
        this.scaledHingeLoss = scaledHingeLoss;
        this.alphaSum = alphaSum;
        this.freeCurvature = freeCurvature;
    }

    public double[] deltaW() {
        return deltaW;
    }

    public double[] hingeLoss() {
        return hingeLoss;
    }

    public double[] interceptHingeLoss() {
        return interceptHingeLoss;
    }

    public double[] scaledHingeLoss() {
        return scaledHingeLoss;
    }

    public double[] alphaSum() {
        return alphaSum;
    }

    public double[] freeCurvature() {
        return freeCurvature;
    }

    /** A new sum: the partials stay as they are (a partition's may sit in Spark's cache). */
    @Override
    public DualPartial merge(DualPartial other) {
        return new DualPartial(add(deltaW, other.deltaW), add(hingeLoss, other.hingeLoss),
                add(interceptHingeLoss, other.interceptHingeLoss), add(scaledHingeLoss, other.scaledHingeLoss),
                add(alphaSum, other.alphaSum),
                add(freeCurvature, other.freeCurvature));
    }

    private static double[] add(double[] a, double[] b) {
        double[] sum = a.clone();
        for (int j = 0; j < sum.length; j++) {
            sum[j] += b[j];
        }
        return sum;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        for (double[] a : new double[][]{deltaW, hingeLoss, interceptHingeLoss, scaledHingeLoss, alphaSum, freeCurvature}) {
            BulkArrays.writeDoubles(out, a);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        deltaW = BulkArrays.readDoubles(in);
        hingeLoss = BulkArrays.readDoubles(in);
        interceptHingeLoss = BulkArrays.readDoubles(in);
        scaledHingeLoss = BulkArrays.readDoubles(in);
        alphaSum = BulkArrays.readDoubles(in);
        freeCurvature = BulkArrays.readDoubles(in);
    }
}
