package mlspark.svm.dual;

import mlspark.linalg.Blas;

/** A general inequality matrix G, row-major m x n. */
public record DenseConstraints(int rows, int columns, double[] values) implements ConstraintMatrix {
    public DenseConstraints {
        if (values.length != rows * columns) {
            throw new IllegalArgumentException("G: " + values.length + " values, expected " + rows + " x " + columns);
        }
    }

    @Override
    public void multiply(double[] v, double[] out) {
        // row-major G (m x n) is the column-major n x m matrix G'
        Blas.blas().dgemv("T", columns, rows, 1.0, values, columns, v, 1, 0.0, out, 1);
    }

    @Override
    public void multiplyTransposed(double[] u, double[] out) {
        Blas.blas().dgemv("N", columns, rows, 1.0, values, columns, u, 1, 0.0, out, 1);
    }

    @Override
    public double[] weightedGramDiagonal(double[] w) {
        return null;
    }

    @Override
    public void addWeightedGram(double[] w, double[] matrix) {
        // M = G' diag(sqrt w) as a column-major n x m matrix, then matrix += M M'
        double[] m = new double[values.length];
        for (int i = 0; i < rows; i++) {
            double s = Math.sqrt(w[i]);
            for (int j = 0; j < columns; j++) {
                m[i * columns + j] = s * values[i * columns + j];
            }
        }
        Blas.blas().dgemm("N", "T", columns, columns, rows, 1.0, m, columns, m, columns, 1.0, matrix, columns);
    }

    @Override
    public double[] dense() {
        return values.clone();
    }
}
