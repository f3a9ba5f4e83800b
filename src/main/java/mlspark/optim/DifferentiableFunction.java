package mlspark.optim;

/** A function of a parameter vector that gives its value and gradient. */
@FunctionalInterface
public interface DifferentiableFunction {
    LossAndGradient evaluate(double[] parameters);
}
