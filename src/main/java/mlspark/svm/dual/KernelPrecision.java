package mlspark.svm.dual;

import java.util.Locale;

/**
 * How {@link WorkingSetSmoSolver} keeps kernel rows: float64, or float32 as LIBSVM's Qfloat (half the memory a
 * row, dense rows' inner products by {@code sgemm}); the gradient, alpha and all sums stay double either way.
 */
public enum KernelPrecision {
    FLOAT64,
    FLOAT32;

    /** "float64" or "float32", the Param's value. */
    public String paramValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The precision of a Param value, "float64" or "float32". */
    public static KernelPrecision of(String value) {
        for (KernelPrecision p : values()) {
            if (p.paramValue().equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("kernel precision must be float64 or float32, got " + value);
    }

    /** Bytes of one stored kernel value. */
    int bytes() {
        return this == FLOAT32 ? Float.BYTES : Double.BYTES;
    }
}
