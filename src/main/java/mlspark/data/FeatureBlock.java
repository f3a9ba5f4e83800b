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

    /** Rows {@code from} to {@code to - 1}, row-major in float64 (densified where the block is sparse). */
    double[] denseRows(int from, int to);

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
        public double[] denseRows(int from, int to) {
            return java.util.Arrays.copyOfRange(values, from * dimension, to * dimension);
        }
    }

    /**
     * Row-major float32 features: half the memory traffic of {@link Dense}. A block is widened to
     * float64 in a per-thread scratch buffer (in cache for blocks of a few MiB; once for the two
     * products of a gradient) and multiplied by the float64 {@code dgemv}, so margins and gradients
     * are computed and summed in double.
     */
    record Float32(int rows, int dimension, float[] values) implements FeatureBlock {
        /** The block last widened by this thread and its float64 copy. */
        private static final class Scratch {
            float[] source;
            double[] widened = new double[0];
        }

        private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

        @Override
        public long storedValues() {
            return values.length;
        }

        private Object writeReplace() {
            return new SerializedFeatureBlock(this);
        }

        private double[] widened() {
            Scratch scratch = SCRATCH.get();
            if (scratch.source != values) {
                if (scratch.widened.length < values.length) {
                    scratch.widened = new double[values.length];
                }
                double[] x = scratch.widened;
                for (int k = 0; k < values.length; k++) {
                    x[k] = values[k];
                }
                scratch.source = values;
            }
            return scratch.widened;
        }

        @Override
        public void multiply(double[] w, double[] z) {
            Blas.blas().dgemv("T", dimension, rows, 1.0, widened(), dimension, w, 1, 0.0, z, 1);
        }

        @Override
        public void addTransposeTimes(double[] c, double[] g) {
            Blas.blas().dgemv("N", dimension, rows, 1.0, widened(), dimension, c, 1, 1.0, g, 1);
        }

        @Override
        public double[] denseRows(int from, int to) {
            double[] x = new double[(to - from) * dimension];
            for (int k = 0; k < x.length; k++) {
                x[k] = values[from * dimension + k];
            }
            return x;
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
        public double[] denseRows(int from, int to) {
            double[] x = new double[(to - from) * dimension];
            for (int i = from; i < to; i++) {
                for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++) {
                    x[(i - from) * dimension + indices[k]] = values[k];
                }
            }
            return x;
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
