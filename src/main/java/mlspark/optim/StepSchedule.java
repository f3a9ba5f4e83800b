package mlspark.optim;

import java.io.Serializable;

/** The learning rate of epoch {@code t} (0-based). */
@FunctionalInterface
public interface StepSchedule extends Serializable {
    double rate(int epoch);

    static StepSchedule constant(double eta) {
        return t -> eta;
    }

    /** {@code eta / (1 + decay * t)}. */
    static StepSchedule inverseTime(double eta, double decay) {
        return t -> eta / (1 + decay * t);
    }

    /** {@code eta * decay^t}. */
    static StepSchedule exponential(double eta, double decay) {
        return t -> eta * Math.pow(decay, t);
    }
}
