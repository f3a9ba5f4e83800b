package mlspark.kernel;

import java.io.Serializable;

/** A real function of a feature vector, f in the kernel f(x) f(z). */
@FunctionalInterface
public interface ScalarFunction extends Serializable {
    double apply(double[] x);

    default String describe() {
        return "f";
    }

    /** {@code f} with a name for tables. */
    static ScalarFunction named(String name, ScalarFunction f) {
        return new ScalarFunction() {
            @Override
            public double apply(double[] x) {
                return f.apply(x);
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }
}
