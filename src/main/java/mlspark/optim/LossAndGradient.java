package mlspark.optim;

/** A function's value at a point and its gradient there. */
public record LossAndGradient(double loss, double[] gradient) {
}
