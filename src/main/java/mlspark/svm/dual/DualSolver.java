package mlspark.svm.dual;

/** A solver of the soft-margin SVM dual on the driver. */
public interface DualSolver {
    /** "ipm", "smo" or "smo-rows", as the --solver option names it. */
    String name();

    /**
     * Whether the solver reads the kernel matrix a few rows at a time as it goes (the SMOs) rather than
     * whole (interior point): a problem too large for a Gram matrix can then have its rows computed on demand.
     */
    default boolean readsRows() {
        return false;
    }

    /** Solves; a solve that stops at its iteration limit returns {@code converged = false}. */
    DualSolution solve(DualProblem problem);
}
