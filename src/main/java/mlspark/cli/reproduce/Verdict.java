package mlspark.cli.reproduce;

/**
 * The outcome of one check, with the assignment's autograder exit codes. The reproduce job exits
 * with the code of the first failing check in report order (0 when all hold).
 */
public enum Verdict {
    PASS(0, "pass"),
    /** A job crashed (an unhandled exception, or any failure other than divergence). */
    CRASHED(2, "crashed"),
    WRONG_DTYPE(51, "wrong dtype"),
    WRONG_SHAPE(52, "wrong shape"),
    OUT_OF_TOLERANCE(53, "outside tolerance"),
    INPUT_MODIFIED(55, "input modified"),
    NOT_GOOD_ENOUGH(60, "not good enough"),
    DIVERGED(61, "diverged (NaN/inf)");

    private final int exitCode;
    private final String label;

    Verdict(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    public int exitCode() {
        return exitCode;
    }

    public String label() {
        return label;
    }
}
