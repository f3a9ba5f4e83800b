package mlspark.svm.dual;

import java.util.Locale;

import mlspark.errors.InvalidParameterException;

/**
 * How the bias b of h(x) = sum_s a_s y_s k(x_s, x) + b is chosen from a dual solution.
 * <ul>
 *   <li>{@code assignment}: the mean over all support vectors s (a_s > threshold) of
 *       y_s - sum_m a_m y_m k(x_m, x_s), the sum over the support vectors m;</li>
 *   <li>{@code libsvm}: LIBSVM's -rho, the mean of -y_i G_i over the free support vectors
 *       (threshold < a_i < C_i - threshold); without any, the midpoint of the interval the
 *       bounded ones allow: (ub + lb) / 2 of y_i G_i, negated.</li>
 * </ul>
 */
public enum BiasRule {
    ASSIGNMENT, LIBSVM;

    public static BiasRule parse(String name) {
        for (BiasRule r : values()) {
            if (r.optionName().equals(name)) {
                return r;
            }
        }
        throw new InvalidParameterException("biasRule", "'" + name + "' is not one of assignment, libsvm");
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param support  indices of the support vectors (a_i > threshold)
     * @param svGram   the Gram matrix of the support vectors, |support| x |support| row-major
     */
    double bias(DualSolution solution, DualProblem problem, int[] support, double[] svGram, double threshold) {
        double[] alpha = solution.alpha();
        double[] y = problem.y();
        if (this == ASSIGNMENT) {
            int k = support.length;
            if (k == 0) {
                return 0;
            }
            double sum = 0;
            for (int s = 0; s < k; s++) {
                double h = 0;
                for (int t = 0; t < k; t++) {
                    h += alpha[support[t]] * y[support[t]] * svGram[t * k + s];
                }
                sum += y[support[s]] - h;
            }
            return sum / k;
        }
        double[] g = solution.gradient();
        double ub = Double.POSITIVE_INFINITY;
        double lb = Double.NEGATIVE_INFINITY;
        double sumFree = 0;
        int free = 0;
        for (int i = 0; i < alpha.length; i++) {
            double yG = y[i] * g[i];
            double c = problem.cost(i);
            if (alpha[i] >= c - threshold) {
                if (y[i] < 0) {
                    ub = Math.min(ub, yG);
                } else {
                    lb = Math.max(lb, yG);
                }
            } else if (alpha[i] <= threshold) {
                if (y[i] > 0) {
                    ub = Math.min(ub, yG);
                } else {
                    lb = Math.max(lb, yG);
                }
            } else {
                free++;
                sumFree += yG;
            }
        }
        double rho = free > 0 ? sumFree / free : (ub + lb) / 2;
        return -rho;
    }
}
