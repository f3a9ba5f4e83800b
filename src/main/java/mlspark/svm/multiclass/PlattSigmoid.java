package mlspark.svm.multiclass;

import java.io.Serializable;

/**
 * Platt's sigmoid P(y = +1 | f) = 1 / (1 + exp(A f + B)) of a decision value f, fitted as LIBSVM's
 * sigmoid_train (Lin, Lin and Weng, "A note on Platt's probabilistic outputs for support vector machines",
 * 2007): minimize the cross-entropy F(A, B) = -sum_i [t_i log p_i + (1 - t_i) log(1 - p_i)] with Platt's
 * regularized targets t_i = (N+ + 1)/(N+ + 2) for y_i = +1 and 1/(N- + 2) for y_i = -1, by Newton's method
 * with the Hessian plus sigma I and a backtracking line search, each term evaluated in the form that
 * cannot overflow.
 */
public record PlattSigmoid(double a, double b) implements Serializable {
    private static final int MAX_ITER = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double SIGMA = 1e-12;
    /** Stopping rule: both components of the gradient below this. */
    private static final double EPS = 1e-5;

    /**
     * @param decisionValues f_i
     * @param labels         y_i, +1 or -1 (positive: +1)
     */
    public static PlattSigmoid fit(double[] decisionValues, double[] labels) {
        int l = decisionValues.length;
        double prior1 = 0;
        double prior0 = 0;
        for (double y : labels) {
            if (y > 0) {
                prior1++;
            } else {
                prior0++;
            }
        }
        double hiTarget = (prior1 + 1) / (prior1 + 2);
        double loTarget = 1 / (prior0 + 2);
        double[] t = new double[l];
        for (int i = 0; i < l; i++) {
            t[i] = labels[i] > 0 ? hiTarget : loTarget;
        }
        double A = 0;
        double B = Math.log((prior0 + 1) / (prior1 + 1));
        double fval = crossEntropy(decisionValues, t, A, B);
        for (int iter = 0; iter < MAX_ITER; iter++) {
            double h11 = SIGMA;
            double h22 = SIGMA;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < l; i++) {
                double fApB = decisionValues[i] * A + B;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += decisionValues[i] * decisionValues[i] * d2;
                h22 += d2;
                h21 += decisionValues[i] * d2;
                double d1 = t[i] - p;
                g1 += decisionValues[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < EPS && Math.abs(g2) < EPS) {
                break;
            }
            // Newton direction -H^-1 g
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double stepsize = 1;
            while (stepsize >= MIN_STEP) {
                double newA = A + stepsize * dA;
                double newB = B + stepsize * dB;
                double newf = crossEntropy(decisionValues, t, newA, newB);
                if (newf < fval + 0.0001 * stepsize * gd) {
                    A = newA;
                    B = newB;
                    fval = newf;
                    break;
                }
                stepsize /= 2;
            }
            if (stepsize < MIN_STEP) {
                // LIBSVM: "line search fails"; the last point is kept
                break;
            }
        }
        return new PlattSigmoid(A, B);
    }

    /** F(A, B), each term as t fApB + log(1 + exp(-fApB)) or (t - 1) fApB + log(1 + exp(fApB)). */
    private static double crossEntropy(double[] f, double[] t, double A, double B) {
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * A + B;
            sum += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return sum;
    }

    /** P(y = +1 | f), LIBSVM's sigmoid_predict (computed so that 1 - P keeps its precision). */
    public double probability(double decisionValue) {
        double fApB = decisionValue * a + b;
        return fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1 + Math.exp(fApB));
    }
}
