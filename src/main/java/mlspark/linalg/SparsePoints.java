package mlspark.linalg;

import java.util.Arrays;

/**
 * Sparse points in compressed sparse rows (CSR): the non-zeros of row i are {@code values[t]} at the
 * 0-based feature {@code indices[t]} for t in [rowStart[i], rowStart[i + 1]), the indices of a row ascending.
 * Memory grows with the non-zeros, never with n d. The squared norms are computed with the rows; the column
 * view that sparse-times-sparse products gather from ({@link #columns}) at its first use.
 */
public final class SparsePoints implements Points {
    private static final long serialVersionUID = 1L;

    private final int dimension;
    private final int[] rowStart;
    private final int[] indices;
    private final double[] values;
    private final double[] norms;
    private transient Columns columns;
    private transient double[][] denseRows;

    /**
     * @param rowStart n + 1 offsets into {@code indices} and {@code values}, from 0, non-decreasing
     * @param indices  0-based features, ascending within a row, below {@code dimension}
     */
    public SparsePoints(int dimension, int[] rowStart, int[] indices, double[] values) {
        if (rowStart.length == 0 || rowStart[0] != 0 || rowStart[rowStart.length - 1] != indices.length
                || indices.length != values.length) {
            throw new IllegalArgumentException("inconsistent CSR rows: " + rowStart.length + " row offsets ending at "
                    + (rowStart.length == 0 ? "-" : rowStart[rowStart.length - 1]) + ", " + indices.length + " indices, "
                    + values.length + " values");
        }
        int n = rowStart.length - 1;
        norms = new double[n];
        for (int i = 0; i < n; i++) {
            if (rowStart[i + 1] < rowStart[i]) {
                throw new IllegalArgumentException("CSR row " + i + ": offsets " + rowStart[i] + " then " + rowStart[i + 1]);
            }
            double s = 0;
            for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
                if (indices[t] < 0 || indices[t] >= dimension || (t > rowStart[i] && indices[t] <= indices[t - 1])) {
                    throw new IllegalArgumentException("CSR row " + i + ": feature " + indices[t]
                            + " (expected ascending features in [0, " + dimension + "))");
                }
                s += values[t] * values[t];
            }
            norms[i] = s;
        }
        this.dimension = dimension;
        this.rowStart = rowStart;
        this.indices = indices;
        this.values = values;
    }

    /** The non-zeros of dense rows. */
    public static SparsePoints of(double[][] rows, int dimension) {
        int nonZeros = 0;
        for (double[] row : rows) {
            for (double v : row) {
                nonZeros += v != 0 ? 1 : 0;
            }
        }
        int[] start = new int[rows.length + 1];
        int[] indices = new int[nonZeros];
        double[] values = new double[nonZeros];
        int t = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < rows[i].length; k++) {
                if (rows[i][k] != 0) {
                    indices[t] = k;
                    values[t++] = rows[i][k];
                }
            }
            start[i + 1] = t;
        }
        return new SparsePoints(dimension, start, indices, values);
    }

    /** These rows sparse when fewer than {@value Points#SPARSE_BELOW} of their n d values are non-zero, else dense. */
    public Points compacted() {
        if (Points.storedSparse(indices.length, (long) size() * dimension)) {
            return this;
        }
        return new DensePoints(denseRows());
    }

    static SparsePoints concat(Points... parts) {
        int n = 0;
        int d = 0;
        long nonZeros = 0;
        SparsePoints[] sparse = new SparsePoints[parts.length];
        for (int p = 0; p < parts.length; p++) {
            sparse[p] = parts[p] instanceof SparsePoints s ? s
                    : of(((DensePoints) parts[p]).rows(), parts[p].dimension());
            n += sparse[p].size();
            d = Math.max(d, sparse[p].dimension);
            nonZeros += sparse[p].indices.length;
        }
        int[] start = new int[n + 1];
        int[] indices = new int[Math.toIntExact(nonZeros)];
        double[] values = new double[indices.length];
        int row = 0;
        int at = 0;
        for (SparsePoints s : sparse) {
            System.arraycopy(s.indices, 0, indices, at, s.indices.length);
            System.arraycopy(s.values, 0, values, at, s.values.length);
            for (int i = 0; i < s.size(); i++) {
                start[++row] = at + s.rowStart[i + 1];
            }
            at += s.indices.length;
        }
        return new SparsePoints(d, start, indices, values);
    }

    @Override
    public int size() {
        return rowStart.length - 1;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public long storedValues() {
        return indices.length;
    }

    /** The offsets of the rows' non-zeros (n + 1), not a copy. */
    public int[] rowStart() {
        return rowStart;
    }

    /** The 0-based features of the non-zeros, not a copy. */
    public int[] indices() {
        return indices;
    }

    /** The non-zeros, not a copy. */
    public double[] values() {
        return values;
    }

    @Override
    public double squaredNorm(int i) {
        return norms[i];
    }

    @Override
    public double[] squaredNorms() {
        return norms;
    }

    @Override
    public double dot(int i, Points other, int j) {
        double s = 0;
        if (other instanceof DensePoints dense) {
            double[] z = dense.dense(j);
            for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
                s += values[t] * z[indices[t]];
            }
            return s;
        }
        SparsePoints b = (SparsePoints) other;
        // merge of the two ascending index lists
        int t = rowStart[i];
        int tEnd = rowStart[i + 1];
        int u = b.rowStart[j];
        int uEnd = b.rowStart[j + 1];
        while (t < tEnd && u < uEnd) {
            int ka = indices[t];
            int kb = b.indices[u];
            if (ka == kb) {
                s += values[t++] * b.values[u++];
            } else if (ka < kb) {
                t++;
            } else {
                u++;
            }
        }
        return s;
    }

    @Override
    public double[] dense(int i) {
        double[] x = new double[dimension];
        for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
            x[indices[t]] = values[t];
        }
        return x;
    }

    /** All rows densified, made at the first call and kept (for a caller that needs dense rows, not a kernel method). */
    public double[][] denseRows() {
        if (denseRows == null) {
            double[][] out = new double[size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = dense(i);
            }
            denseRows = out;
        }
        return denseRows;
    }

    @Override
    public SparsePoints subset(int[] rows) {
        int[] start = new int[rows.length + 1];
        for (int t = 0; t < rows.length; t++) {
            start[t + 1] = start[t] + rowStart[rows[t] + 1] - rowStart[rows[t]];
        }
        int[] outIndices = new int[start[rows.length]];
        double[] outValues = new double[outIndices.length];
        for (int t = 0; t < rows.length; t++) {
            int from = rowStart[rows[t]];
            int length = rowStart[rows[t] + 1] - from;
            System.arraycopy(indices, from, outIndices, start[t], length);
            System.arraycopy(values, from, outValues, start[t], length);
        }
        return new SparsePoints(dimension, start, outIndices, outValues);
    }

    /**
     * The non-zeros by feature (compressed sparse columns over the features that occur): feature
     * {@code features[c]} is non-zero in the rows {@code rows[t]} with value {@code values[t]}, t in
     * [start[c], start[c + 1]), rows ascending. Memory grows with the non-zeros, not with d.
     */
    public record Columns(int[] features, int[] start, int[] rows, double[] values) {
        /** The position c of {@code feature} in {@link #features}, or a negative number when no row has it. */
        public int find(int feature) {
            return Arrays.binarySearch(features, feature);
        }
    }

    /** This set's non-zeros by feature, made at the first call. */
    public Columns columns() {
        Columns c = columns;
        if (c == null) {
            c = makeColumns();
            columns = c;
        }
        return c;
    }

    private Columns makeColumns() {
        int[] rowOf = new int[indices.length];
        for (int i = 0; i < size(); i++) {
            for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
                rowOf[t] = i;
            }
        }
        // the non-zeros by (feature, position): within a feature the rows stay ascending
        long[] keys = new long[indices.length];
        for (int t = 0; t < keys.length; t++) {
            keys[t] = (long) indices[t] << 32 | t;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        int distinct = 0;
        for (int t = 0; t < keys.length; t++) {
            order[t] = (int) keys[t];
            if (t == 0 || indices[order[t]] != indices[order[t - 1]]) {
                distinct++;
            }
        }
        int[] features = new int[distinct];
        int[] start = new int[distinct + 1];
        int[] rows = new int[indices.length];
        double[] vals = new double[indices.length];
        int c = -1;
        for (int t = 0; t < order.length; t++) {
            int k = indices[order[t]];
            if (c < 0 || features[c] != k) {
                features[++c] = k;
                start[c] = t;
            }
            rows[t] = rowOf[order[t]];
            vals[t] = values[order[t]];
        }
        start[distinct] = order.length;
        return new Columns(features, start, rows, vals);
    }
}
