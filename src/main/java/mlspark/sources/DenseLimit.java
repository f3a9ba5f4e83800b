package mlspark.sources;

import mlspark.errors.InputException;
import mlspark.errors.ParameterText;

/** The largest dimension of a dense weight vector the driver can hold. */
final class DenseLimit {
    /** Of a dense weight vector of D doubles the driver holds this many copies (parameters, gradients, broadcast, history). */
    static final int DENSE_COPIES = 16;

    private DenseLimit() {
    }

    /**
     * The largest dimension of a dense weight vector this driver can hold: {@value #DENSE_COPIES}
     * vectors of D doubles within its maximum heap, and a Java array's length limit.
     */
    static long maxDimension() {
        return Math.min(Integer.MAX_VALUE - 16, Runtime.getRuntime().maxMemory() / (8L * DENSE_COPIES));
    }

    /** What {@link #maxDimension} is, after "index N exceeds ". */
    static ParameterText describe() {
        return ParameterText.of("the limit of " + maxDimension() + " features of a dense weight vector in this driver's heap ("
                + DENSE_COPIES + " vectors of D doubles in " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
    }

    /** Fails with BAD_FORMAT when a dense weight vector of {@code dimension} features would not fit. */
    static void require(String source, long dimension) {
        long limit = maxDimension();
        if (dimension > limit) {
            throw new InputException(InputException.Kind.BAD_FORMAT, source, null, "dimension " + dimension + " exceeds the limit of " + limit
                    + " features of a dense weight vector (" + DENSE_COPIES + " copies of " + (8L * dimension >> 20)
                    + " MiB in a driver heap of " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
        }
    }
}
