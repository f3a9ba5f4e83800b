package mlspark.svm.dual;

/** A solver of the soft-margin SVM dual on the driver. */
public interface DualSolver {
    /** "ipm" or "smo", as the --solver option names it. */
    String name();

    /** Solves; a solve that stops at its iteration limit returns {@code converged = false}. */
    DualSolution solve(DualProblem problem);
}
