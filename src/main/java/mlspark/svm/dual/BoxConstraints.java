package mlspark.svm.dual;

/**
 * G = [-I; I] (2n x n): the rows -v_i <= h_i then v_i <= h_{n+i}, the box of the SVM dual.
 * G'diag(w)G = diag(w_i + w_{n+i}).
 */
public record BoxConstraints(int columns) implements ConstraintMatrix {
    @Override
    public int rows() {
        return 2 * columns;
    }

    @Override
    public void multiply(double[] v, double[] out) {
        for (int i = 0; i < columns; i++) {
            out[i] = -v[i];
            out[columns + i] = v[i];
        }
    }

    @Override
    public void multiplyTransposed(double[] u, double[] out) {
        for (int i = 0; i < columns; i++) {
            out[i] = u[columns + i] - u[i];
        }
    }

    @Override
    public double[] weightedGramDiagonal(double[] w) {
        double[] d = new double[columns];
        for (int i = 0; i < columns; i++) {
            d[i] = w[i] + w[columns + i];
        }
        return d;
    }

    @Override
    public void addWeightedGram(double[] w, double[] matrix) {
        double[] d = weightedGramDiagonal(w);
        for (int i = 0; i < columns; i++) {
            matrix[i * columns + i] += d[i];
        }
    }

    @Override
    public double[] dense() {
        double[] g = new double[2 * columns * columns];
        for (int i = 0; i < columns; i++) {
            g[i * columns + i] = -1;
            g[(columns + i) * columns + i] = 1;
        }
        return g;
    }
}
