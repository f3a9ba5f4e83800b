package mlspark.data;

import java.io.Serializable;

import mlspark.linalg.Blas;

/**
 * The features of a block of rows, stored dense (row-major, float64 or float32) or sparse (CSR),
 * with the two products gradient methods need: margins {@code z = X w} and {@code g += X' c}.
 * {@link #of} picks the smaller storage per block, as Spark MLlib's {@code InstanceBlock} does.
 * Serialized in bulk ({@link SerializedFeatureBlock}).
 */
public sealed interface FeatureBlock extends Serializable {
    int rows();

    int dimension();

    /** Stored non-zeros (every entry of a dense block). */
    long storedValues();

    /** {@code z[i] = x_i . w} for every row i (w has at least {@link #dimension()} entries). */
    void multiply(double[] w, double[] z);

    /** {@code g[j] += sum_i c[i] x_ij}; rows with {@code c[i] = 0} cost nothing in sparse blocks. */
    void addTransposeTimes(double[] c, double[] g);

    /**
     * The margins of {@code k} weight vectors at once: {@code z[i + c * rows()] = x_i . w_c}, where
     * {@code w_c = w[c * dimension() .. (c + 1) * dimension())} (W is d x k column-major, z rows x k).
     */
    void multiply(double[] w, int k, double[] z);

    /** {@code g[j + c * dimension()] += sum_i c[i + c * rows()] x_ij} for the k columns of the coefficients. */
    void addTransposeTimes(double[] c, int k, double[] g);

    /** Rows {@code from} to {@code to - 1}, row-major in float64 (densified where the block is sparse). */
    double[] denseRows(int from, int to);

    /** {@code x_i . v[offset .. offset + dimension())} of row i: what coordinate methods take one row at a time. */
    double rowDot(int i, double[] v, int offset);

    /** {@code v[offset + j] += a x_ij} for row i; O(the row's stored values). */
    void addRow(int i, double a, double[] v, int offset);

    /** {@code |x_i|^2} of row i. */
    double rowSquaredNorm(int i);

    /** Row-major float64 features, through BLAS {@code dgemv}. */
    record Dense(int rows, int dimension, double[] values) implements FeatureBlock {
        @Override
        public long storedValues() {
            return values.length;
        }

        private Object writeReplace() {
            return new SerializedFeatureBlock(this);
        }

        @Override
        public void multiply(double[] w, double[] z) {
            // row-major X (rows x d) is column-major X' (d x rows)
            Blas.blas().dgemv("T", dimension, rows, 1.0, values, dimension, w, 1, 0.0, z, 1);
        }

        @Override
        public void addTransposeTimes(double[] c, double[] g) {
            Blas.blas().dgemv("N", dimension, rows, 1.0, values, dimension, c, 1, 1.0, g, 1);
        }

        @Override
        public void multiply(double[] w, int k, double[] z) {
            Blas.blas().dgemm("T", "N", rows, k, dimension, 1.0, values, dimension, w, dimension, 0.0, z, rows);
        }

        @Override
        public void addTransposeTimes(double[] c, int k, double[] g) {
            Blas.blas().dgemm("N", "N", dimension, k, rows, 1.0, values, dimension, c, rows, 1.0, g, dimension);
        }

        @Override
        public double[] denseRows(int from, int to) {
            return java.util.Arrays.copyOfRange(values, from * dimension, to * dimension);
        }

        @Override
        public double rowDot(int i, double[] v, int offset) {
            double s = 0;
            for (int j = 0, start = i * dimension; j < dimension; j++) {
                s += values[start + j] * v[offset + j];
            }
            return s;
        }

        @Override
        public void addRow(int i, double a, double[] v, int offset) {
            for (int j = 0, start = i * dimension; j < dimension; j++) {
                v[offset + j] += a * values[start + j];
            }
        }

        @Override
        public double rowSquaredNorm(int i) {
            double s = 0;
            for (int j = i * dimension; j < (i + 1) * dimension; j++) {
                s += values[j] * values[j];
            }
            return s;
        }
    }

    /**
     * Row-major float32 features: half the memory and memory traffic of {@link Dense}, multiplied
     * in single precision by BLAS {@code sgemv} (twice the values per instruction of
     * {@code dgemv}): margins from w rounded to float, the gradient summed in float over at most
     * {@link #GRADIENT_ROWS} rows at a time and those partial sums added into the double gradient.
     */
    record Float32(int rows, int dimension, float[] values) implements FeatureBlock {
        /** Rows whose gradient terms are summed in float before they are added in double. */
        public static final int GRADIENT_ROWS = 256;

        /** Per-thread float copies of the vectors a product needs. */
        private static final class Scratch {
            float[] w = new float[0];
            float[] z = new float[0];
            float[] c = new float[GRADIENT_ROWS];
            float[] g = new float[0];
            float[] cs = new float[0];
        }

        private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

        @Override
        public long storedValues() {
            return values.length;
        }

        private Object writeReplace() {
            return new SerializedFeatureBlock(this);
        }

        @Override
        public void multiply(double[] w, double[] z) {
            Scratch s = SCRATCH.get();
            if (s.w.length < dimension) {
                s.w = new float[dimension];
            }
            if (s.z.length < rows) {
                s.z = new float[rows];
            }
            for (int j = 0; j < dimension; j++) {
                s.w[j] = (float) w[j];
            }
            Blas.blas().sgemv("T", dimension, rows, 1f, values, dimension, s.w, 1, 0f, s.z, 1);
            for (int i = 0; i < rows; i++) {
                z[i] = s.z[i];
            }
        }

        @Override
        public void addTransposeTimes(double[] c, double[] g) {
            Scratch s = SCRATCH.get();
            if (s.g.length < dimension) {
                s.g = new float[dimension];
            }
            for (int from = 0; from < rows; from += GRADIENT_ROWS) {
                int count = Math.min(GRADIENT_ROWS, rows - from);
                boolean any = false;
                for (int i = 0; i < count; i++) {
                    s.c[i] = (float) c[from + i];
                    any |= c[from + i] != 0;
                }
                if (any) {
                    Blas.blas().sgemv("N", dimension, count, 1f, values, from * dimension, dimension, s.c, 0, 1, 0f,
                            s.g, 0, 1);
                    for (int j = 0; j < dimension; j++) {
                        g[j] += s.g[j];
                    }
                }
            }
        }

        @Override
        public void multiply(double[] w, int k, double[] z) {
            Scratch s = SCRATCH.get();
            if (s.w.length < dimension * k) {
                s.w = new float[dimension * k];
            }
            if (s.z.length < rows * k) {
                s.z = new float[rows * k];
            }
            for (int j = 0; j < dimension * k; j++) {
                s.w[j] = (float) w[j];
            }
            Blas.blas().sgemm("T", "N", rows, k, dimension, 1f, values, dimension, s.w, dimension, 0f, s.z, rows);
            for (int i = 0; i < rows * k; i++) {
                z[i] = s.z[i];
            }
        }

        /** As the single-vector product: float sums over {@link #GRADIENT_ROWS} rows, added in double. */
        @Override
        public void addTransposeTimes(double[] c, int k, double[] g) {
            Scratch s = SCRATCH.get();
            if (s.g.length < dimension * k) {
                s.g = new float[dimension * k];
            }
            if (s.cs.length < GRADIENT_ROWS * k) {
                s.cs = new float[GRADIENT_ROWS * k];
            }
            for (int from = 0; from < rows; from += GRADIENT_ROWS) {
                int count = Math.min(GRADIENT_ROWS, rows - from);
                boolean any = false;
                for (int col = 0; col < k; col++) {
                    for (int i = 0; i < count; i++) {
                        double v = c[from + i + col * rows];
                        s.cs[i + col * count] = (float) v;
                        any |= v != 0;
                    }
                }
                if (any) {
                    Blas.blas().sgemm("N", "N", dimension, k, count, 1f, values, from * dimension, dimension, s.cs, 0,
                            count, 0f, s.g, 0, dimension);
                    for (int j = 0; j < dimension * k; j++) {
                        g[j] += s.g[j];
                    }
                }
            }
        }

        @Override
        public double[] denseRows(int from, int to) {
            double[] x = new double[(to - from) * dimension];
            for (int k = 0; k < x.length; k++) {
                x[k] = values[from * dimension + k];
            }
            return x;
        }

        @Override
        public double rowDot(int i, double[] v, int offset) {
            double s = 0;
            for (int j = 0, start = i * dimension; j < dimension; j++) {
                s += values[start + j] * v[offset + j];
            }
            return s;
        }

        @Override
        public void addRow(int i, double a, double[] v, int offset) {
            for (int j = 0, start = i * dimension; j < dimension; j++) {
                v[offset + j] += a * values[start + j];
            }
        }

        @Override
        public double rowSquaredNorm(int i) {
            double s = 0;
            for (int j = i * dimension; j < (i + 1) * dimension; j++) {
                s += values[j] * values[j];
            }
            return s;
        }
    }

    /** Compressed sparse rows: row i's entries are {@code indices/values[rowStarts[i] .. rowStarts[i+1])}. */
    record Sparse(int rows, int dimension, int[] rowStarts, int[] indices, double[] values) implements FeatureBlock {
        @Override
        public long storedValues() {
            return values.length;
        }

        private Object writeReplace() {
            return new SerializedFeatureBlock(this);
        }

        @Override
        public void multiply(double[] w, double[] z) {
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
                    s += values[k] * w[indices[k]];
                }
                z[i] = s;
            }
        }

        @Override
        public void addTransposeTimes(double[] c, double[] g) {
            for (int i = 0; i < rows; i++) {
                double ci = c[i];
                if (ci != 0) {
                    for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
                        g[indices[k]] += ci * values[k];
                    }
                }
            }
        }

        @Override
        public void multiply(double[] w, int k, double[] z) {
            for (int col = 0; col < k; col++) {
                int offset = col * dimension;
                for (int i = 0; i < rows; i++) {
                    double s = 0;
                    for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++) {
                        s += values[e] * w[offset + indices[e]];
                    }
                    z[i + col * rows] = s;
                }
            }
        }

        @Override
        public void addTransposeTimes(double[] c, int k, double[] g) {
            for (int col = 0; col < k; col++) {
                int offset = col * dimension;
                for (int i = 0; i < rows; i++) {
                    double ci = c[i + col * rows];
                    if (ci != 0) {
                        for (int e = rowStarts[i]; e < rowStarts[i + 1]; e++) {
                            g[offset + indices[e]] += ci * values[e];
                        }
                    }
                }
            }
        }

        @Override
        public double[] denseRows(int from, int to) {
            double[] x = new double[(to - from) * dimension];
            for (int i = from; i < to; i++) {
                for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
                    x[(i - from) * dimension + indices[k]] = values[k];
                }
            }
            return x;
        }

        @Override
        public double rowDot(int i, double[] v, int offset) {
            double s = 0;
            for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
                s += values[k] * v[offset + indices[k]];
            }
            return s;
        }

        @Override
        public void addRow(int i, double a, double[] v, int offset) {
            for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
                v[offset + indices[k]] += a * values[k];
            }
        }

        @Override
        public double rowSquaredNorm(int i) {
            double s = 0;
            for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
                s += values[k] * values[k];
            }
            return s;
        }
    }

    /** How dense blocks store their values. */
    enum Storage {
        FLOAT64(8), FLOAT32(4);

        private final int bytes;

        Storage(int bytes) {
            this.bytes = bytes;
        }

        public int bytesPerValue() {
            return bytes;
        }
    }

    /** Bytes of a block of {@code rows} rows and {@code nnz} non-zeros stored sparse (CSR). */
    static long sparseBytes(long rows, long nnz) {
        return 12 * nnz + 4 * (rows + 1);
    }

    /** Bytes of a block of {@code rows} rows stored dense. */
    static long denseBytes(long rows, int dimension, Storage storage) {
        return rows * dimension * storage.bytesPerValue();
    }

    /**
     * The block of the given CSR rows in the smaller of the sparse and the dense storage (dense
     * in {@code storage}); entries of a row must have ascending indices.
     */
    static FeatureBlock of(int rows, int dimension, int[] rowStarts, int[] indices, double[] values, Storage storage) {
        int nnz = rowStarts[rows];
        if (sparseBytes(rows, nnz) < denseBytes(rows, dimension, storage)) {
            return new Sparse(rows, dimension, rowStarts.clone(), java.util.Arrays.copyOf(indices, nnz),
                    java.util.Arrays.copyOf(values, nnz));
        }
        if (storage == Storage.FLOAT32) {
            float[] x = new float[rows * dimension];
            for (int i = 0; i < rows; i++) {
                for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
                    x[i * dimension + indices[k]] = (float) values[k];
                }
            }
            return new Float32(rows, dimension, x);
        }
        double[] x = new double[rows * dimension];
        for (int i = 0; i < rows; i++) {
            for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
                x[i * dimension + indices[k]] = values[k];
            }
        }
        return new Dense(rows, dimension, x);
    }
}
