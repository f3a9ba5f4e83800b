package mlspark.linalg;

import java.util.Arrays;

/**
 * Dense points: row arrays, or a row-major block, whichever they were made of (not copied); the other form is
 * made at its first use ({@link #rows}, {@link #rowMajor}: the block that BLAS takes).
 */
public final class DensePoints implements Points {
    private static final long serialVersionUID = 1L;

    private final int size;
    private final int dimension;
    /** Null until asked for when the points were made of a row-major block. */
    private double[][] rows;
    private transient double[] stacked;
    private transient double[] norms;
    private transient float[] singleStacked;

    /** The rows {@code rows} (each of the same length), not copied. */
    public DensePoints(double[][] rows) {
        this(rows.length, rows.length == 0 || rows[0] == null ? 0 : rows[0].length);
        this.rows = rows;
    }

    private DensePoints(int size, int dimension) {
        this.size = size;
        this.dimension = dimension;
    }

    /** The n rows of a row-major n x d block, which becomes {@link #rowMajor} (not copied). */
    public static DensePoints ofRowMajor(double[] values, int n, int d) {
        DensePoints points = new DensePoints(n, d);
        points.stacked = values;
        return points;
    }

    static DensePoints concat(Points... parts) {
        int n = 0;
        for (Points p : parts) {
            n += p.size();
        }
        double[][] rows = new double[n][];
        int at = 0;
        int d = 0;
        for (Points p : parts) {
            double[][] part = ((DensePoints) p).rows();
            System.arraycopy(part, 0, rows, at, part.length);
            at += part.length;
            d = Math.max(d, p.dimension());
        }
        DensePoints out = new DensePoints(n, d);
        out.rows = rows;
        return out;
    }

    /** The row arrays (made from the row-major block at the first call when the points were made of one). */
    public double[][] rows() {
        if (rows == null) {
            double[][] out = new double[size][];
            for (int i = 0; i < size; i++) {
                out[i] = Arrays.copyOfRange(stacked, i * dimension, (i + 1) * dimension);
            }
            rows = out;
        }
        return rows;
    }

    /** The rows stacked row-major (n x d), made once. */
    public double[] rowMajor() {
        if (stacked == null) {
            double[] flat = new double[size * dimension];
            for (int i = 0; i < size; i++) {
                System.arraycopy(rows[i], 0, flat, i * dimension, dimension);
            }
            stacked = flat;
        }
        return stacked;
    }

    /** {@link #rowMajor} rounded to float (for {@code sgemm}), made once. */
    public float[] rowMajorFloat() {
        if (singleStacked == null) {
            double[] flat = rowMajor();
            float[] out = new float[flat.length];
            for (int t = 0; t < flat.length; t++) {
                out[t] = (float) flat[t];
            }
            singleStacked = out;
        }
        return singleStacked;
    }

    /** Serialized as rows (the row-major block is transient). */
    private Object writeReplace() {
        rows();
        return this;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public long storedValues() {
        return (long) size * dimension;
    }

    @Override
    public double squaredNorm(int i) {
        return squaredNorms()[i];
    }

    @Override
    public double[] squaredNorms() {
        if (norms == null) {
            double[] out = new double[size];
            for (int r = 0; r < size; r++) {
                double s = 0;
                if (rows != null) {
                    for (double v : rows[r]) {
                        s += v * v;
                    }
                } else {
                    for (int j = r * dimension; j < (r + 1) * dimension; j++) {
                        s += stacked[j] * stacked[j];
                    }
                }
                out[r] = s;
            }
            norms = out;
        }
        return norms;
    }

    @Override
    public double dot(int i, Points other, int j) {
        if (other instanceof SparsePoints sparse) {
            return sparse.dot(j, this, i);
        }
        double[] x = dense(i);
        double[] z = other.dense(j);
        double s = 0;
        for (int k = 0; k < dimension; k++) {
            s += x[k] * z[k];
        }
        return s;
    }

    @Override
    public double[] dense(int i) {
        return rows()[i];
    }

    @Override
    public DensePoints subset(int[] indices) {
        double[][] all = rows();
        double[][] out = new double[indices.length][];
        for (int t = 0; t < indices.length; t++) {
            out[t] = all[indices[t]];
        }
        DensePoints points = new DensePoints(indices.length, dimension);
        points.rows = out;
        return points;
    }

    /** A row-major block's range is a copy of its part of the block; row arrays' the arrays themselves. */
    @Override
    public DensePoints range(int from, int to) {
        if (rows == null) {
            return ofRowMajor(Arrays.copyOfRange(stacked, from * dimension, to * dimension), to - from, dimension);
        }
        return subset(java.util.stream.IntStream.range(from, to).toArray());
    }
}
