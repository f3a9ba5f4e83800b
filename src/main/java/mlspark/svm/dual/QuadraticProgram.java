package mlspark.svm.dual;

/**
 * A convex quadratic program in the standard form of cvxopt's {@code solvers.qp}:
 * <pre>
 *   minimize 1/2 v'Pv + q'v   subject to   G v <= h,   A v = b
 * </pre>
 * P is n x n and A is p x n, both row-major (P symmetric, so its layout does not matter); p may be 0.
 */
public record QuadraticProgram(int n, double[] p, double[] q, ConstraintMatrix g, double[] h, double[] a, double[] b) {
    public QuadraticProgram {
        if (p.length != n * n || q.length != n) {
            throw new IllegalArgumentException("P must be n x n and q of length n, n = " + n);
        }
        if (g.columns() != n || h.length != g.rows()) {
            throw new IllegalArgumentException("G must have n = " + n + " columns and h one entry per row of G");
        }
        if (a.length != b.length * n) {
            throw new IllegalArgumentException("A must be " + b.length + " x " + n);
        }
    }

    public int inequalities() {
        return g.rows();
    }

    public int equalities() {
        return b.length;
    }
}
