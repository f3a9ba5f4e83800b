package mlspark.ml;

import java.io.Serializable;

import mlspark.svm.dual.DualSolution;

/**
 * How a {@link KernelSvmModel} was trained: the dual solver's solution and account of itself, the
 * support vectors kept, gamma as resolved, the seconds Spark spent on the Gram matrix (0 for the
 * cascade, which computes none), and the cascade's passes (the first and the feedback passes; 0 for
 * ipm and smo).
 */
public record KernelSvmTrainingSummary(DualSolution solution, int numSupportVectors, double gamma, double gramSeconds,
                                       int passes) implements Serializable {

    public String solver() {
        return solution.solver();
    }

    /** The solver's own account, e.g. "optimal". */
    public String solverStatus() {
        return solution.status();
    }

    /** The solver's iterations; for the cascade, the SMO iterations of all its sub-problems. */
    public int totalIterations() {
        return solution.iterations();
    }

    /** The largest KKT violation of the solution. */
    public double kktResidual() {
        return solution.kktResidual();
    }

    /** sum a_i - 1/2 a'Qa at the solution. */
    public double dualObjective() {
        return solution.dualObjective();
    }

    /** Seconds the solver took. */
    public double seconds() {
        return solution.seconds();
    }
}
