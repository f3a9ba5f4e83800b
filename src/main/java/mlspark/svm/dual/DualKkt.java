package mlspark.svm.dual;

import mlspark.svm.ClassCosts;

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
        return residual(alpha, gradient, problem.y(), problem.costs());
    }

    /** The residual of the problem with labels {@code y} and costs {@code costs}, whatever holds its kernel. */
    public static double residual(double[] alpha, double[] gradient, double[] y, ClassCosts costs) {
        double hi = 0;
        for (int i = 0; i < alpha.length; i++) {
            hi = Math.max(hi, Math.max(Math.abs(alpha[i]), Math.abs(costs.of(y[i]) - alpha[i])));
        }
        if (feasible(0, alpha, gradient, y, costs)) {
            return 0;
        }
        double lo = 0;
        for (int k = 0; k < BISECTIONS; k++) {
            double t = 0.5 * (lo + hi);
            if (feasible(t, alpha, gradient, y, costs)) {
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
    private static boolean feasible(double t, double[] alpha, double[] gradient, double[] y, ClassCosts costs) {
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        for (int i = 0; i < alpha.length; i++) {
            double lower = costs.of(y[i]) - alpha[i] <= t ? Double.NEGATIVE_INFINITY : -t;
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

    /**
     * LIBSVM's stopping measure, the maximal violating pair m(a) - M(a) with m = max over I_up of
     * -y_i G_i and M = min over I_low (I_up: a_i < C_i for y_i = +1, a_i > 0 for y_i = -1; I_low the
     * other way round); SMO stops when it is below eps. -infinity when either set is empty.
     */
    public static double maximalViolation(double[] alpha, double[] gradient, double[] y, ClassCosts costs) {
        double[] bounds = violationBounds(alpha, gradient, y, costs);
        return bounds[0] - bounds[1];
    }

    /** {m(a), M(a)} of {@link #maximalViolation}. */
    public static double[] violationBounds(double[] alpha, double[] gradient, double[] y, ClassCosts costs) {
        double m = Double.NEGATIVE_INFINITY;
        double bigM = Double.POSITIVE_INFINITY;
        for (int i = 0; i < alpha.length; i++) {
            double v = -y[i] * gradient[i];
            boolean belowC = alpha[i] < costs.of(y[i]);
            boolean aboveZero = alpha[i] > 0;
            if (y[i] > 0 ? belowC : aboveZero) {
                m = Math.max(m, v);
            }
            if (y[i] > 0 ? aboveZero : belowC) {
                bigM = Math.min(bigM, v);
            }
        }
        return new double[]{m, bigM};
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
