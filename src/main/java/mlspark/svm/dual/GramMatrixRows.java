package mlspark.svm.dual;

/** Kernel values read from a precomputed n x n Gram matrix (row-major), e.g. one Spark computed. */
public record GramMatrixRows(int size, double[] gram) implements KernelRows {
    public GramMatrixRows {
        if (gram.length != size * size) {
            throw new IllegalArgumentException("Gram matrix of " + gram.length + " values is not " + size + " x " + size);
        }
    }

    @Override
    public void fill(int i, int[] columns, int from, int to, double[] out) {
        int offset = i * size;
        for (int t = from; t < to; t++) {
            out[t] = gram[offset + columns[t]];
        }
    }

    @Override
    public void fillRows(int[] rows, int from, int to, double[] out) {
        for (int t = from; t < to; t++) {
            System.arraycopy(gram, rows[t] * size, out, (t - from) * size, size);
        }
    }

    @Override
    public double diagonal(int i) {
        return gram[i * size + i];
    }

    /** The matrix itself, not a copy. */
    @Override
    public double[] matrix() {
        return gram;
    }
}
