package mlspark.distributed;

import org.apache.spark.api.java.JavaRDD;

import mlspark.data.SampleBlock;
import mlspark.svm.primal.LinearSvmModel;

/** How a linear SVM classifies cached sample blocks: its confusion counts and accuracy, summed on the executors. */
public final class LinearSvmScores {
    private LinearSvmScores() {
    }

    /** {true positives, false positives, true negatives, false negatives} of {@code model} on {@code blocks}. */
    public static long[] confusion(LinearSvmModel model, JavaRDD<SampleBlock> blocks) {
        return blocks.map(model::confusion).fold(new long[4], (a, b) -> {
            long[] sum = new long[4];
            for (int k = 0; k < 4; k++) {
                sum[k] = a[k] + b[k];
            }
            return sum;
        });
    }

    /** The fraction of samples in {@code blocks} that {@code model} classifies correctly. */
    public static double accuracy(LinearSvmModel model, JavaRDD<SampleBlock> blocks) {
        return accuracy(confusion(model, blocks));
    }

    /** (tp + tn) / n of a confusion count array. */
    public static double accuracy(long[] confusion) {
        long n = confusion[0] + confusion[1] + confusion[2] + confusion[3];
        return n == 0 ? Double.NaN : (double) (confusion[0] + confusion[2]) / n;
    }
}
