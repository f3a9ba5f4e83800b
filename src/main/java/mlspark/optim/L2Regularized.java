package mlspark.optim;

/**
 * {@code f(x) + (lambda / 2) * sum_{j < k} x_j^2}: L2 regularization of the first {@code k}
 * coordinates (the weights; a trailing bias is left out).
 */
public record L2Regularized(DifferentiableFunction data, int regularizedCount, double lambda)
        implements DifferentiableFunction {

    @Override
    public LossAndGradient evaluate(double[] x) {
        LossAndGradient d = data.evaluate(x);
        double[] gradient = d.gradient().clone();
        double penalty = 0;
        for (int j = 0; j < regularizedCount; j++) {
            penalty += x[j] * x[j];
            gradient[j] += lambda * x[j];
        }
        return new LossAndGradient(d.loss() + 0.5 * lambda * penalty, gradient);
    }
}
