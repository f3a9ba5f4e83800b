package mlspark.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.function.Predicate;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

import mlspark.errors.InvalidParameterException;
import mlspark.kernel.KernelSpec;
import scala.runtime.AbstractFunction1;

/**
 * Params that check their values with one message for every front end: setting a value outside
 * the domain throws {@link InvalidParameterException} naming the Param and what was expected
 * ({@code C: expected a finite number > 0, got 0.0}); the command line respells the name as its flag.
 * (Spark's own validators only answer false, and Spark then says "given invalid value".)
 */
public final class ParamRules {
    private ParamRules() {
    }

    /** A finite number > 0. */
    public static DoubleParam positive(String uid, String name, String doc) {
        return new DoubleParam(uid, name, doc, check(name, (Double v) -> v > 0 && !v.isInfinite(),
                v -> "expected a finite number > 0, got " + v));
    }

    /** A finite number >= 0. */
    public static DoubleParam nonNegative(String uid, String name, String doc) {
        return new DoubleParam(uid, name, doc, check(name, (Double v) -> v >= 0 && !v.isInfinite(),
                v -> "expected a finite number >= 0, got " + v));
    }

    /** A finite number. */
    public static DoubleParam finite(String uid, String name, String doc) {
        return new DoubleParam(uid, name, doc, check(name, (Double v) -> Double.isFinite(v),
                v -> "expected a finite number, got " + v));
    }

    /** A kernel's gamma: a finite number >= 0, or "scale" ({@link KernelSpec#SCALE}). */
    public static Param<String> gamma(String uid, String name, String doc) {
        scala.Function1<String, Object> valid = check(name, (String v) -> KernelSpec.SCALE.equals(v) || finiteAtLeastZero(v),
                v -> "expected a finite number >= 0 or 'scale', got '" + v + "'");
        return new Param<>(uid, name, doc, valid);
    }

    private static boolean finiteAtLeastZero(String text) {
        try {
            double value = Double.parseDouble(text);
            return value >= 0 && Double.isFinite(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A number in [0, 1). */
    public static DoubleParam fraction(String uid, String name, String doc) {
        return new DoubleParam(uid, name, doc, check(name, (Double v) -> v >= 0 && v < 1,
                v -> "expected a number in [0, 1), got " + v));
    }

    /** An integer >= {@code min}. */
    public static IntParam atLeast(String uid, String name, String doc, int min) {
        return new IntParam(uid, name, doc, check(name, (Integer v) -> v >= min,
                v -> "expected an integer >= " + min + ", got " + v));
    }

    /** An even integer >= {@code min}. */
    public static IntParam evenAtLeast(String uid, String name, String doc, int min) {
        return new IntParam(uid, name, doc, check(name, (Integer v) -> v >= min && v % 2 == 0,
                v -> "expected an even integer >= " + min + ", got " + v));
    }

    /** One of {@code values}. */
    public static Param<String> oneOf(String uid, String name, String doc, String... values) {
        String[] allowed = values.clone();
        scala.Function1<String, Object> valid = check(name, (String v) -> Arrays.asList(allowed).contains(v),
                v -> "'" + v + "' is not one of " + String.join(", ", allowed));
        return new Param<>(uid, name, doc, valid);
    }

    /** A validator that passes the values {@code valid} accepts and throws for the others. */
    @SuppressWarnings("unchecked")
    private static <T, F> F check(String name, SerializablePredicate<T> valid, SerializableMessage<T> expected) {
        // Spark's Params take the validator as a Function1 of their (erased) value type
        return (F) new Check<>(name, valid, expected);
    }

    interface SerializablePredicate<T> extends Predicate<T>, Serializable {
    }

    interface SerializableMessage<T> extends java.util.function.Function<T, String>, Serializable {
    }

    private static final class Check<T> extends AbstractFunction1<Object, Object> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final SerializablePredicate<T> valid;
        private final SerializableMessage<T> expected;

        Check(String name, SerializablePredicate<T> valid, SerializableMessage<T> expected) {
            this.name = name;
            this.valid = valid;
            this.expected = expected;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object apply(Object value) {
            if (value == null || !valid.test((T) value)) {
                throw new InvalidParameterException(name, expected.apply((T) value));
            }
            return Boolean.TRUE;
        }
    }
}
