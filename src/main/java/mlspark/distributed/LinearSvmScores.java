package mlspark.distributed;

import org.apache.spark.api.java.JavaRDD;

import mlspark.data.SampleBlock;
import mlspark.svm.primal.LinearClassifier;
import mlspark.svm.primal.LinearSvmModel;
import mlspark.svm.primal.OneVsRestLinearModel;

/** How a linear SVM classifies cached sample blocks: its confusion counts and accuracy, summed on the executors. */
public final class LinearSvmScores {
    private LinearSvmScores() {
    }

    /** {true positives, false positives, true negatives, false negatives} of {@code model} on {@code blocks}. */
    public static long[] confusion(LinearSvmModel model, JavaRDD<SampleBlock> blocks) {
        return sum(blocks.map(model::confusion), 4);
    }

    /**
     * The K x K confusion counts of {@code model} on {@code blocks} (labels class indices):
     * {@code [actual][predicted]}; with rows labelled K (a label of no class), a last row K of their predictions.
     */
    public static long[][] confusion(OneVsRestLinearModel model, JavaRDD<SampleBlock> blocks) {
        int k = model.numClasses();
        long[] flat = sum(blocks.map(model::confusion), k * k);
        long[][] counts = new long[flat.length / k][];
        for (int c = 0; c < counts.length; c++) {
            counts[c] = java.util.Arrays.copyOfRange(flat, c * k, (c + 1) * k);
        }
        return counts;
    }

    /** The element-wise sum of {@code counts}, arrays of {@code length} entries or more (the sum as long as the longest). */
    private static long[] sum(JavaRDD<long[]> counts, int length) {
        return counts.fold(new long[length], (a, b) -> {
            long[] sum = java.util.Arrays.copyOf(a, Math.max(a.length, b.length));
            for (int k = 0; k < b.length; k++) {
                sum[k] += b[k];
            }
            return sum;
        });
    }

    /** The fraction of samples in {@code blocks} that {@code model} classifies correctly. */
    public static double accuracy(LinearClassifier model, JavaRDD<SampleBlock> blocks) {
        return model instanceof LinearSvmModel binary ? accuracy(confusion(binary, blocks))
                : accuracy(confusion((OneVsRestLinearModel) model, blocks));
    }

    /** (tp + tn) / n of a confusion count array. */
    public static double accuracy(long[] confusion) {
        long n = confusion[0] + confusion[1] + confusion[2] + confusion[3];
        return n == 0 ? Double.NaN : (double) (confusion[0] + confusion[2]) / n;
    }

    /** The diagonal's share of K x K confusion counts (a last row K of labels no class has: all errors). */
    public static double accuracy(long[][] confusion) {
        long n = 0;
        long correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += c < confusion[c].length ? confusion[c][c] : 0;
            for (long v : confusion[c]) {
                n += v;
            }
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }
}
