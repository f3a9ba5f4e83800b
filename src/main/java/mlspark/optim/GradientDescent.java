package mlspark.optim;

import mlspark.errors.ParameterText;
import mlspark.errors.TrainingFailedException;

/**
 * Full-batch gradient descent: each epoch evaluates the gradient at the current point and moves
 * every coordinate at once, {@code x <- x - rate(t) * grad f(x)}. Knows nothing of the model.
 */
public final class GradientDescent {
    /** Told after every epoch: the epoch just done (1-based), the point after its step, and f before it. */
    @FunctionalInterface
    public interface Listener {
        void afterEpoch(int epoch, double[] point, double lossBeforeStep);
    }

    private final StepSchedule schedule;

    public GradientDescent(StepSchedule schedule) {
        this.schedule = schedule;
    }

    /** Runs {@code epochs} steps from {@code start} (not modified); returns the final point. */
    public double[] minimize(DifferentiableFunction f, double[] start, int epochs, Listener listener) {
        return minimize(f, start, 0, epochs, listener);
    }

    /**
     * Continues from {@code start}, the point after {@code done} epochs, up to {@code epochs} in
     * all (the step schedule goes on from epoch {@code done}).
     */
    public double[] minimize(DifferentiableFunction f, double[] start, int done, int epochs, Listener listener) {
        double[] x = start.clone();
        for (int t = done; t < epochs; t++) {
            LossAndGradient lg = f.evaluate(x);
            if (!Double.isFinite(lg.loss())) {
                throw new TrainingFailedException(TrainingFailedException.Kind.DIVERGED, ParameterText.of(
                        "gradient descent diverged at epoch " + (t + 1) + ": the objective is " + lg.loss()
                                + " (lower the learning rate)"));
            }
            double rate = schedule.rate(t);
            double[] g = lg.gradient();
            for (int j = 0; j < x.length; j++) {
                x[j] -= rate * g[j];
            }
            listener.afterEpoch(t + 1, x.clone(), lg.loss());
        }
        return x;
    }
}
