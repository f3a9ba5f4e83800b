package mlspark.optim;

import mlspark.errors.ParameterText;
import mlspark.errors.TrainingFailedException;

/**
 * Full-batch gradient descent: each epoch evaluates the gradient at the current point and moves
 * every coordinate at once, {@code x <- x - rate(t) * grad f(x)}. Knows nothing of the model.
 */
public final class GradientDescent implements Minimizer {
    private final StepSchedule schedule;
    private int evaluations;

    public GradientDescent(StepSchedule schedule) {
        this.schedule = schedule;
    }

    /** Runs every epoch: the step schedule goes on from epoch {@code done}. */
    @Override
    public double[] minimize(DifferentiableFunction f, double[] start, int done, int epochs, Listener listener) {
        double[] x = start.clone();
        evaluations = 0;
        for (int t = done; t < epochs; t++) {
            LossAndGradient lg = f.evaluate(x);
            evaluations++;
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
            listener.afterIteration(t + 1, x.clone(), lg.loss());
        }
        return x;
    }

    @Override
    public boolean resumes() {
        return true;
    }

    @Override
    public boolean needsSmoothFunction() {
        return false;
    }

    @Override
    public boolean searchesLines() {
        return false;
    }

    @Override
    public int evaluations() {
        return evaluations;
    }
}
