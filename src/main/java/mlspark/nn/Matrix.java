package mlspark.nn;

import java.io.Serializable;

/**
 * A dense row-major matrix of one {@link Precision}, possibly a contiguous view of a larger array
 * (the parameters of a net are views of one flat vector). Products go through BLAS
 * ({@link #gemm}); element access is for the O(n) work around them (bias, ReLU, softmax, updates),
 * which is computed in double and stored in the matrix's precision.
 */
public abstract sealed class Matrix implements Serializable permits DoubleMatrix, FloatMatrix {
    final int offset;
    final int rows;
    final int cols;

    Matrix(int offset, int rows, int cols) {
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
    }

    public final int rows() {
        return rows;
    }

    public final int cols() {
        return cols;
    }

    public final int size() {
        return rows * cols;
    }

    public abstract Precision precision();

    /** Element {@code i} in row-major order. */
    public abstract double get(int i);

    public abstract void set(int i, double value);

    public final double get(int row, int col) {
        return get(row * cols + col);
    }

    /** The {@code rows x cols} matrix stored from element {@code start} of this one, sharing its storage. */
    public abstract Matrix view(int start, int rows, int cols);

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), sharing storage. */
    public final Matrix rowRange(int from, int to) {
        return view(from * cols, to - from, cols);
    }

    /**
     * {@code this = alpha * op(a) * op(b) + beta * this} (dgemm/sgemm), op = transpose when asked.
     * A row-major matrix is the column-major storage of its transpose, so the row-major
     * {@code C = op(A) op(B)} is the column-major {@code C' = op(B)' op(A)'}: same transpose flags,
     * operands swapped.
     */
    public final void gemm(double alpha, Matrix a, boolean transA, Matrix b, boolean transB, double beta) {
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows;
        int n = transB ? b.rows : b.cols;
        if (k != kb || m != rows || n != cols) {
            throw new IllegalArgumentException("gemm: " + shape(a, transA) + " * " + shape(b, transB) + " into "
                    + rows + "x" + cols);
        }
        if (a.precision() != precision() || b.precision() != precision()) {
            throw new IllegalArgumentException("gemm: mixed precisions");
        }
        if (m == 0 || n == 0) {
            return;
        }
        gemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, a, beta);
    }

    /** The column-major BLAS call, {@code this = alpha * op(first) op(second) + beta * this}. */
    abstract void gemm(String transFirst, String transSecond, int m, int n, int k, double alpha, Matrix first,
                       Matrix second, double beta);

    /** {@code this += alpha * x} (axpy), for matrices of the same size. */
    public abstract void axpy(double alpha, Matrix x);

    /** {@code this *= alpha} (scal). */
    public abstract void scale(double alpha);

    /** A compact copy of this matrix (of this view only). */
    public final Matrix copy() {
        Matrix c = precision().zeros(rows, cols);
        System.arraycopy(storage(), offset, c.storage(), 0, size());
        return c;
    }

    /** Copies {@code count} rows of {@code source} from row {@code from} into this matrix at row {@code to}. */
    public final void copyRows(Matrix source, int from, int to, int count) {
        if (source.precision() != precision() || source.cols != cols) {
            throw new IllegalArgumentException("copyRows: incompatible matrices");
        }
        System.arraycopy(source.storage(), source.offset + from * cols, storage(), offset + to * cols, count * cols);
    }

    /** {@code max(0, x)} in place: elementwise work in the typed array, as it runs on every hidden activation. */
    abstract void reluInPlace();

    /** Zeroes the elements where {@code mask <= 0} (the ReLU's backward pass), in place. */
    abstract void zeroWhereNotPositive(Matrix mask);

    /** The whole backing array: {@code float[]} or {@code double[]}. */
    abstract Object storage();

    /** The sum of squares of the elements. */
    public final double sumOfSquares() {
        double s = 0;
        for (int i = 0, n = size(); i < n; i++) {
            double v = get(i);
            s += v * v;
        }
        return s;
    }

    public final double[] toDoubles() {
        double[] values = new double[size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = get(i);
        }
        return values;
    }

    void requireSameSize(Matrix x, String operation) {
        if (x.size() != size() || x.precision() != precision()) {
            throw new IllegalArgumentException(operation + ": " + x.rows + "x" + x.cols + " " + x.precision()
                    + " vs " + rows + "x" + cols + " " + precision());
        }
    }

    private static String shape(Matrix m, boolean trans) {
        return trans ? m.cols + "x" + m.rows : m.rows + "x" + m.cols;
    }
}
