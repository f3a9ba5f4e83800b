package mlspark.cli;

/**
 * The classes of failure a job can end with, each with its own process exit code.
 * The codes are a documented contract (README, "Exit codes"); never renumber one.
 */
public enum Failure {
    /** A bug or an unexpected condition; the message says what. */
    INTERNAL(1),
    /** An unknown option, a malformed option value or a hyperparameter out of its range. */
    USAGE(64),
    /** An input file whose format is wrong: magic, header, dtype, truncation, shape. */
    BAD_FORMAT(65),
    /** An input file or directory that does not exist or cannot be read. */
    NO_INPUT(66),
    /** Well-formed input with values a job cannot take: labels outside the accepted set, NaN or infinity. */
    BAD_VALUES(67),
    /** A file whose checksum differs from the published one. */
    CHECKSUM(68),
    /** An iterative solver stopped at its iteration limit before meeting its tolerance. */
    NOT_CONVERGED(69),
    /** Training diverged: the loss or a parameter became NaN or infinite. */
    DIVERGED(70),
    /** The output directory cannot be created or written. */
    CANT_WRITE(73);

    private final int exitCode;

    Failure(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
