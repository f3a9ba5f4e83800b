package mlspark.nn;

/** The floating-point type of a network's parameters, activations and data: BLAS sgemm or dgemm. */
public enum Precision {
    FLOAT32("float32"),
    FLOAT64("float64");

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    /** "float32" or "float64", as the command line spells it. */
    public String label() {
        return label;
    }

    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.label.equals(text)) {
                return p;
            }
        }
        return null;
    }

    /** A new {@code rows x cols} matrix of zeros. */
    public Matrix zeros(int rows, int cols) {
        long size = (long) rows * cols;
        if (rows < 0 || cols < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot allocate a " + rows + " x " + cols + " matrix");
        }
        return this == FLOAT32 ? new FloatMatrix(new float[(int) size], 0, rows, cols)
                : new DoubleMatrix(new double[(int) size], 0, rows, cols);
    }

    /** A {@code rows x cols} matrix holding {@code values} (row-major), rounded to this precision. */
    public Matrix of(int rows, int cols, double... values) {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(values.length + " values for a " + rows + " x " + cols + " matrix");
        }
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < values.length; i++) {
            m.set(i, values[i]);
        }
        return m;
    }
}
