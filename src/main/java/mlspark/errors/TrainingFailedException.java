package mlspark.errors;

/**
 * Training that ended without a model to report: a solver that stopped at its iteration limit, or
 * a loss that became NaN or infinite. The message names parameters (what to change) as the
 * library's Params do; a front end respells them.
 */
public class TrainingFailedException extends RuntimeException {
    /** Why training failed. */
    public enum Kind {
        /** An iterative solver stopped at its iteration limit before meeting its tolerance. */
        NOT_CONVERGED,
        /** The loss or a parameter became NaN or infinite. */
        DIVERGED
    }

    private final Kind kind;
    private final ParameterText text;

    public TrainingFailedException(Kind kind, ParameterText text) {
        super(text.toString());
        this.kind = kind;
        this.text = text;
    }

    public Kind kind() {
        return kind;
    }

    /** The message, with the parameters' names as pieces a front end can respell. */
    public ParameterText text() {
        return text;
    }
}
