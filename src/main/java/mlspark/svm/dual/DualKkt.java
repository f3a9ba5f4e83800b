package mlspark.svm.dual;

/**
 * The KKT residual of the SVM dual, one measure for every solver: LIBSVM's maximal violating pair
 * <pre>
 *   max { -y_i G_i : i in I_up } - min { -y_j G_j : j in I_low },   clipped at 0,
 *   I_up = { y=+1, a<C } u { y=-1, a>0 },   I_low = { y=+1, a>0 } u { y=-1, a<C }
 * </pre>
 * which is 0 exactly at an optimum (G = Qa - 1). An interior-point solution never sits exactly on
 * a bound, so a_i within {@link #BOUND_TOLERANCE} C_i of a bound counts as on it.
 */
public final class DualKkt {
    public static final double BOUND_TOLERANCE = 1e-6;

    private DualKkt() {
    }

    public static double residual(double[] alpha, double[] gradient, DualProblem problem) {
        double up = Double.NEGATIVE_INFINITY;
        double low = Double.NEGATIVE_INFINITY;
        double[] y = problem.y();
        for (int i = 0; i < alpha.length; i++) {
            double c = problem.cost(i);
            boolean atLower = alpha[i] <= BOUND_TOLERANCE * c;
            boolean atUpper = alpha[i] >= c - BOUND_TOLERANCE * c;
            double v = -y[i] * gradient[i];
            boolean inUp = y[i] > 0 ? !atUpper : !atLower;
            boolean inLow = y[i] > 0 ? !atLower : !atUpper;
            if (inUp) {
                up = Math.max(up, v);
            }
            if (inLow) {
                low = Math.max(low, -v);
            }
        }
        return Math.max(0, up + low);
    }

    /** G = Q a - 1 from the kernel rows of the nonzero a_i. */
    public static double[] gradient(double[] alpha, DualProblem problem) {
        int n = problem.size();
        double[] y = problem.y();
        double[] g = new double[n];
        java.util.Arrays.fill(g, -1);
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            if (alpha[i] != 0) {
                problem.kernel().fill(i, all, 0, n, row);
                double ai = alpha[i] * y[i];
                for (int j = 0; j < n; j++) {
                    g[j] += ai * y[j] * row[j];
                }
            }
        }
        return g;
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
