package mlspark.svm.dual;

/**
 * The KKT residual of the SVM dual, one measure for every solver. With the bias b as the multiplier
 * of y'a = 0, the conditions read: F_i = G_i + b y_i is >= 0 where a_i = 0, <= 0 where a_i = C_i
 * and 0 in between (G = Qa - 1). The residual is the natural one of this box problem,
 * <pre>
 *   min over b of max_i | a_i - clip(a_i - F_i(b), 0, C_i) |,
 * </pre>
 * zero exactly at an optimum, continuous in a (an interior-point solution near a bound counts as
 * on it to the extent it is near), and at most eps/2 when LIBSVM's maximal violating pair is below eps.
 */
public final class DualKkt {
    private static final int BISECTIONS = 60;

    private DualKkt() {
    }

    public static double residual(double[] alpha, double[] gradient, DualProblem problem) {
        double hi = 0;
        for (int i = 0; i < alpha.length; i++) {
            hi = Math.max(hi, Math.max(Math.abs(alpha[i]), Math.abs(problem.cost(i) - alpha[i])));
        }
        if (feasible(0, alpha, gradient, problem)) {
            return 0;
        }
        double lo = 0;
        for (int k = 0; k < BISECTIONS; k++) {
            double t = 0.5 * (lo + hi);
            if (feasible(t, alpha, gradient, problem)) {
                hi = t;
            } else {
                lo = t;
            }
        }
        return hi;
    }

    /**
     * Whether some b gives every |residual_i| <= t: |residual_i| <= t holds for F_i in [L_i, U_i],
     * L_i = -inf if C_i - a_i <= t else -t, U_i = +inf if a_i <= t else t, an interval of b.
     */
    private static boolean feasible(double t, double[] alpha, double[] gradient, DualProblem problem) {
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        double[] y = problem.y();
        for (int i = 0; i < alpha.length; i++) {
            double lower = problem.cost(i) - alpha[i] <= t ? Double.NEGATIVE_INFINITY : -t;
            double upper = alpha[i] <= t ? Double.POSITIVE_INFINITY : t;
            // b = y_i (F_i - G_i)
            if (y[i] > 0) {
                low = Math.max(low, lower - gradient[i]);
                high = Math.min(high, upper - gradient[i]);
            } else {
                low = Math.max(low, gradient[i] - upper);
                high = Math.min(high, gradient[i] - lower);
            }
        }
        return low <= high;
    }

    /** sum a_i - 1/2 a'Qa = -1/2 a'(G - 1). */
    public static double dualObjective(double[] alpha, double[] gradient) {
        double s = 0;
        for (int i = 0; i < alpha.length; i++) {
            s += alpha[i] * (gradient[i] - 1);
        }
        return -0.5 * s;
    }
}
