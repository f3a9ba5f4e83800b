package mlspark.optim;

import java.util.Arrays;
import java.util.Locale;

/**
 * The minimizers a model can be trained with, by the name its {@code optimizer} Param takes: a new
 * optimizer is one {@link Minimizer} class and one constant here.
 */
public enum Optimizer {
    /** Full-batch gradient descent with the step schedule: the assignment's solver, on the hinge loss. */
    GD {
        @Override
        public Minimizer minimizer(StepSchedule steps) {
            return new GradientDescent(steps);
        }
    },
    /** L-BFGS (memory 10, stops at a relative decrease below 1e-9), on a smooth loss; no step schedule. */
    LBFGS {
        @Override
        public Minimizer minimizer(StepSchedule steps) {
            return new Lbfgs(10, 1e-9);
        }
    };

    /** A new minimizer of this kind; {@code steps} is the learning rate for those that take one. */
    public abstract Minimizer minimizer(StepSchedule steps);

    /** The name a Param or option gives: {@code gd}, {@code lbfgs}. */
    public String paramValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every {@link #paramValue()}, in declaration order. */
    public static String[] paramValues() {
        return Arrays.stream(values()).map(Optimizer::paramValue).toArray(String[]::new);
    }

    /** The optimizer of {@code paramValue}. */
    public static Optimizer of(String paramValue) {
        for (Optimizer o : values()) {
            if (o.paramValue().equals(paramValue)) {
                return o;
            }
        }
        throw new IllegalArgumentException("'" + paramValue + "' is not one of " + String.join(", ", paramValues()));
    }
}
