package mlspark.nn;

/**
 * The softmax cross-entropy of scores (N x C) against integer labels: the loss of row i is
 * {@code -log p_i[y_i]} with {@code p_i = softmax(s_i)}, computed from {@code s_i - max(s_i)} so no
 * exponential overflows. The mean over rows is {@code loss(scores, y, 1/N)}.
 */
public final class SoftmaxLoss {
    private SoftmaxLoss() {
    }

    /**
     * {@code weight * sum_i -log p_i[y_i]}; when {@code dScores} is not null, also writes there the
     * gradient of that weighted sum, {@code weight * (p - onehot(y))}.
     */
    public static double loss(Matrix scores, int[] labels, double weight, Matrix dScores) {
        int n = scores.rows();
        int c = scores.cols();
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " rows of scores");
        }
        double[] exp = new double[c];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int base = i * c;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, scores.get(base + j));
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                exp[j] = Math.exp(scores.get(base + j) - max);
                sum += exp[j];
            }
            int y = labels[i];
            total += Math.log(sum) - (scores.get(base + y) - max);
            if (dScores != null) {
                for (int j = 0; j < c; j++) {
                    dScores.set(base + j, weight * (exp[j] / sum - (j == y ? 1 : 0)));
                }
            }
        }
        return weight * total;
    }

    /** The mean loss and its gradient with respect to the scores. */
    public static double meanLoss(Matrix scores, int[] labels, Matrix dScores) {
        return loss(scores, labels, 1.0 / scores.rows(), dScores);
    }
}
