package mlspark.svm.primal;

import java.util.Arrays;

import mlspark.data.LabeledData;
import mlspark.data.SampleBlock;

/** A linear classifier {@code h(x) = w.x + b}, predicting +1 where {@code h(x) > 0} strictly, else -1. */
public record LinearSvmModel(double[] w, double b) implements LinearClassifier {

    @Override
    public int numClasses() {
        return 2;
    }

    @Override
    public int dimension() {
        return w.length;
    }

    /** The model of the parameter vector {@code (w_1..w_d, b)}. */
    public static LinearSvmModel fromParameters(double[] parameters) {
        int d = parameters.length - 1;
        return new LinearSvmModel(Arrays.copyOf(parameters, d), parameters[d]);
    }

    /** {@code h} of the features stored at {@code x[offset .. offset + d)}. */
    public double decision(double[] x, int offset) {
        double s = b;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[offset + j];
        }
        return s;
    }

    /** {@code h} of a sparse row: its non-zero {@code values} at {@code indices}. */
    public double decision(int[] indices, double[] values) {
        double s = b;
        for (int k = 0; k < indices.length; k++) {
            s += w[indices[k]] * values[k];
        }
        return s;
    }

    public double predict(double[] x) {
        return decision(x, 0) > 0 ? 1 : -1;
    }

    /** Counts of the block's predictions: {true positives, false positives, true negatives, false negatives}. */
    public long[] confusion(SampleBlock block) {
        long[] counts = new long[4];
        double[] z = new double[block.size()];
        block.features().multiply(w, z);
        for (int i = 0; i < block.size(); i++) {
            boolean positive = z[i] + b > 0;
            boolean actual = block.labels()[i] > 0;
            counts[positive ? (actual ? 0 : 1) : (actual ? 3 : 2)]++;
        }
        return counts;
    }

    public double accuracy(LabeledData data) {
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            if (predict(data.x()[i]) == data.y()[i]) {
                correct++;
            }
        }
        return data.size() == 0 ? Double.NaN : (double) correct / data.size();
    }
}
