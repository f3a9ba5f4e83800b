package mlspark.cli;

import java.nio.file.Path;

/**
 * A failure a user can act on: a one-line message that names the file or option, the field and
 * what was expected, and the class of failure that fixes the exit code.
 */
public class JobFailure extends RuntimeException {
    private final Failure failure;

    public JobFailure(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public JobFailure(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    public int exitCode() {
        return failure.exitCode();
    }

    /** {@code file: field: message}, the shape of every data error. */
    public static JobFailure badFormat(Path file, String field, String message) {
        return new JobFailure(Failure.BAD_FORMAT, file + ": " + field + ": " + message);
    }

    public static JobFailure badValues(Path file, String field, String message) {
        return new JobFailure(Failure.BAD_VALUES, file + ": " + field + ": " + message);
    }

    public static JobFailure noInput(Path file, String message) {
        return new JobFailure(Failure.NO_INPUT, file + ": " + message);
    }

    /** {@code --option: message}. */
    public static JobFailure usage(String option, String message) {
        return new JobFailure(Failure.USAGE, option + ": " + message);
    }

    /** Fails with {@link Failure#USAGE} unless {@code value > 0}. */
    public static double requirePositive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw usage(option, "expected a finite number > 0, got " + value);
        }
        return value;
    }

    /** Fails with {@link Failure#USAGE} unless {@code value >= 0}. */
    public static int requireNonNegative(String option, int value) {
        if (value < 0) {
            throw usage(option, "expected an integer >= 0, got " + value);
        }
        return value;
    }
}
