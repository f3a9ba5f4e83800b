package mlspark.svm.dual;

/**
 * The inequality matrix G (m x n) of a quadratic program, with the few operations an
 * interior-point method needs, so that structured G (the SVM's box) never has to be stored.
 */
public interface ConstraintMatrix {
    int rows();

    int columns();

    /** out = G v. */
    void multiply(double[] v, double[] out);

    /** out = G' u. */
    void multiplyTransposed(double[] u, double[] out);

    /**
     * G' diag(w) G when it is diagonal (returned as its diagonal), else null: then
     * {@link #addWeightedGram} is used.
     */
    double[] weightedGramDiagonal(double[] w);

    /** matrix += G' diag(w) G, matrix n x n row-major. */
    void addWeightedGram(double[] w, double[] matrix);

    /** G as a row-major m x n array, as a general QP solver (cvxopt) takes it. */
    double[] dense();
}
