package mlspark.linalg;

import java.util.Arrays;

/**
 * Dense points: the row arrays as given (not copied) and, made at the first call of {@link #rowMajor}, the
 * rows stacked row-major for BLAS.
 */
public final class DensePoints implements Points {
    private static final long serialVersionUID = 1L;

    private final double[][] rows;
    private final int dimension;
    private transient double[] stacked;
    private transient double[] norms;

    /** The rows {@code rows} (each of the same length), not copied. */
    public DensePoints(double[][] rows) {
        this(rows, rows.length == 0 || rows[0] == null ? 0 : rows[0].length);
    }

    private DensePoints(double[][] rows, int dimension) {
        this.rows = rows;
        this.dimension = dimension;
    }

    /** The n rows of a row-major n x d block, which becomes {@link #rowMajor} (not copied). */
    public static DensePoints ofRowMajor(double[] values, int n, int d) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(values, i * d, (i + 1) * d);
        }
        DensePoints points = new DensePoints(rows, d);
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
            DensePoints dense = (DensePoints) p;
            System.arraycopy(dense.rows, 0, rows, at, dense.rows.length);
            at += dense.rows.length;
            d = Math.max(d, dense.dimension);
        }
        return new DensePoints(rows, d);
    }

    /** The row arrays, not a copy. */
    public double[][] rows() {
        return rows;
    }

    @Override
    public int size() {
        return rows.length;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public long storedValues() {
        return (long) rows.length * dimension;
    }

    /** The rows stacked row-major (n x d), made once. */
    public double[] rowMajor() {
        if (stacked == null) {
            double[] flat = new double[rows.length * dimension];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(rows[i], 0, flat, i * dimension, dimension);
            }
            stacked = flat;
        }
        return stacked;
    }

    @Override
    public double squaredNorm(int i) {
        return squaredNorms()[i];
    }

    @Override
    public double[] squaredNorms() {
        if (norms == null) {
            double[] out = new double[rows.length];
            for (int r = 0; r < out.length; r++) {
                double s = 0;
                for (double v : rows[r]) {
                    s += v * v;
                }
                out[r] = s;
            }
            norms = out;
        }
        return norms;
    }

    @Override
    public double dot(int i, Points other, int j) {
        double[] x = rows[i];
        if (other instanceof SparsePoints sparse) {
            return sparse.dot(j, this, i);
        }
        double[] z = ((DensePoints) other).rows[j];
        double s = 0;
        for (int k = 0; k < dimension; k++) {
            s += x[k] * z[k];
        }
        return s;
    }

    @Override
    public double[] dense(int i) {
        return rows[i];
    }

    @Override
    public DensePoints subset(int[] indices) {
        double[][] out = new double[indices.length][];
        for (int t = 0; t < indices.length; t++) {
            out[t] = rows[indices[t]];
        }
        return new DensePoints(out, dimension);
    }
}
