package mlspark.svm.primal;

import java.util.Arrays;

import mlspark.data.SampleBlock;

/**
 * K one-vs-rest linear classifiers {@code h_k(x) = w_k.x + b_k}, predicting the class of the largest
 * score (the first of equal ones). {@code weights} holds the d x K matrix W column-major (w_k at
 * {@code [k d, (k + 1) d)}), {@code intercepts} the K b_k.
 */
public record OneVsRestLinearModel(int dimension, double[] weights, double[] intercepts) implements LinearClassifier {

    public OneVsRestLinearModel {
        if (weights.length != (long) dimension * intercepts.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + intercepts.length
                    + " classes of dimension " + dimension);
        }
    }

    /** The model of the parameter vector (W column-major, then b) of {@link OneVsRestBlockAggregator}. */
    public static OneVsRestLinearModel fromParameters(double[] parameters, int dimension, int classes) {
        int weights = dimension * classes;
        return new OneVsRestLinearModel(dimension, Arrays.copyOf(parameters, weights),
                Arrays.copyOfRange(parameters, weights, weights + classes));
    }

    /** The parameter vector: W column-major, then b. */
    public double[] parameters() {
        double[] p = Arrays.copyOf(weights, weights.length + intercepts.length);
        System.arraycopy(intercepts, 0, p, weights.length, intercepts.length);
        return p;
    }

    @Override
    public int numClasses() {
        return intercepts.length;
    }

    /** Class k against the rest, as a binary model (w_k, b_k). */
    public LinearSvmModel classModel(int k) {
        return new LinearSvmModel(Arrays.copyOfRange(weights, k * dimension, (k + 1) * dimension), intercepts[k]);
    }

    /** The K scores h_k of the features stored at {@code x[offset .. offset + d)}. */
    public double[] scores(double[] x, int offset) {
        double[] h = intercepts.clone();
        for (int k = 0; k < h.length; k++) {
            for (int j = 0; j < dimension; j++) {
                h[k] += weights[k * dimension + j] * x[offset + j];
            }
        }
        return h;
    }

    /** The K scores h_k of a sparse row: its non-zero {@code values} at {@code indices}. */
    public double[] scores(int[] indices, double[] values) {
        double[] h = intercepts.clone();
        for (int k = 0; k < h.length; k++) {
            for (int e = 0; e < indices.length; e++) {
                h[k] += weights[k * dimension + indices[e]] * values[e];
            }
        }
        return h;
    }

    /** The index of the largest score, the first of equal ones. */
    public static int argmax(double[] scores, int offset, int stride, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (scores[offset + k * stride] > scores[offset + best * stride]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Counts of the block's (class, predicted class): entry {@code actual * K + predicted}; labels are class
     * indices; where the block has labels K (a label of no class, never predicted), they count in a last
     * row, entries K * K onwards.
     */
    public long[] confusion(SampleBlock block) {
        int n = block.size();
        int classes = numClasses();
        boolean unseen = java.util.Arrays.stream(block.labels()).anyMatch(y -> y == classes);
        long[] counts = new long[(unseen ? classes + 1 : classes) * classes];
        double[] z = new double[n * classes];
        block.features().multiply(weights, classes, z);
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < n; i++) {
                z[k * n + i] += intercepts[k];
            }
        }
        for (int i = 0; i < n; i++) {
            counts[(int) block.labels()[i] * classes + argmax(z, i, n, classes)]++;
        }
        return counts;
    }
}
