package mlspark.nn;

import java.io.Serializable;

/** Samples as a row-major matrix {@code x} (one sample per row) and their class labels. */
public record LabeledRows(Matrix x, int[] labels) implements Serializable {
    public LabeledRows {
        if (x.rows() != labels.length) {
            throw new IllegalArgumentException(x.rows() + " rows but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int dimension() {
        return x.cols();
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), sharing storage. */
    public LabeledRows range(int from, int to) {
        return new LabeledRows(x.rowRange(from, to), java.util.Arrays.copyOfRange(labels, from, to));
    }

    /** The rows {@code indices[from..to) - base}, in that order (repeats allowed), as a new matrix. */
    public LabeledRows gather(int[] indices, int from, int to, int base) {
        Matrix rows = x.precision().zeros(to - from, x.cols());
        int[] y = new int[to - from];
        for (int i = from; i < to; i++) {
            int r = indices[i] - base;
            rows.copyRows(x, r, i - from, 1);
            y[i - from] = labels[r];
        }
        return new LabeledRows(rows, y);
    }

    public LabeledRows gather(int[] indices) {
        return gather(indices, 0, indices.length, 0);
    }
}
