package mlspark.svm.multiclass;

/**
 * Class probabilities from pairwise ones, LIBSVM's multiclass_probability: method 2 of Wu, Lin and Weng,
 * "Probability estimates for multi-class classification by pairwise coupling" (JMLR 2004),
 * <pre>
 *   min over p of  1/2 sum_i sum_{j != i} (r_ji p_i - r_ij p_j)^2   subject to  sum_i p_i = 1,
 * </pre>
 * i.e. min p'Qp with Q_tt = sum_{j != t} r_jt^2 and Q_tj = -r_jt r_tj, whose optimum has (Qp)_t = p'Qp for
 * every t. Solved by their fixed-point iteration: for each t in turn, p_t moves by (p'Qp - (Qp)_t) / Q_tt and p
 * is renormalized; until max_t |(Qp)_t - p'Qp| < 0.005 / k, at most max(100, k) sweeps.
 */
public final class PairwiseCoupling {
    private PairwiseCoupling() {
    }

    /**
     * @param r r[i][j] = P(class i | class i or j) for i != j (r[j][i] = 1 - r[i][j]; the diagonal is not read)
     * @return p, summing to 1; for two classes (r01, r10), as LIBSVM's svm_predict_probability
     */
    public static double[] probabilities(double[][] r) {
        int k = r.length;
        double[] p = new double[k];
        if (k == 2) {
            p[0] = r[0][1];
            p[1] = r[1][0];
            return p;
        }
        int maxIter = Math.max(100, k);
        double[][] Q = new double[k][k];
        double[] Qp = new double[k];
        double eps = 0.005 / k;
        for (int t = 0; t < k; t++) {
            p[t] = 1.0 / k;
            for (int j = 0; j < k; j++) {
                if (j != t) {
                    Q[t][t] += r[j][t] * r[j][t];
                    Q[t][j] = -r[j][t] * r[t][j];
                }
            }
        }
        for (int iter = 0; iter < maxIter; iter++) {
            // recomputed each sweep for accuracy, as LIBSVM
            double pQp = 0;
            for (int t = 0; t < k; t++) {
                Qp[t] = 0;
                for (int j = 0; j < k; j++) {
                    Qp[t] += Q[t][j] * p[j];
                }
                pQp += p[t] * Qp[t];
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) {
                maxError = Math.max(maxError, Math.abs(Qp[t] - pQp));
            }
            if (maxError < eps) {
                break;
            }
            for (int t = 0; t < k; t++) {
                double diff = (-Qp[t] + pQp) / Q[t][t];
                p[t] += diff;
                pQp = (pQp + diff * (diff * Q[t][t] + 2 * Qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++) {
                    Qp[j] = (Qp[j] + diff * Q[t][j]) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
        return p;
    }
}
