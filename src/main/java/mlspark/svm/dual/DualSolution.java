package mlspark.svm.dual;

import mlspark.errors.ParameterText;
import mlspark.errors.TrainingFailedException;

/**
 * What a dual solver reached.
 *
 * @param alpha         the multipliers a_i
 * @param gradient      G = Q a - 1, Q_ij = y_i y_j K_ij: the gradient of the minimized form 1/2 a'Qa - 1'a
 * @param dualObjective sum a_i - 1/2 a'Qa (the maximized dual)
 * @param kktResidual   the largest KKT violation, {@link DualKkt#residual}
 * @param converged     whether the solver met its stopping rule (else it hit its iteration limit)
 * @param status        the solver's own account, e.g. "optimal" or "iteration limit (100)"
 * @param phases        where {@link WorkingSetSmoSolver}'s time went; null for the other solvers
 */
public record DualSolution(String solver, double[] alpha, double[] gradient, double dualObjective, int iterations,
                           double seconds, double kktResidual, boolean converged, String status,
                           WorkingSetSmoSolver.Phases phases)
        implements java.io.Serializable {

    /** A solution without a time by phase. */
    public DualSolution(String solver, double[] alpha, double[] gradient, double dualObjective, int iterations,
                        double seconds, double kktResidual, boolean converged, String status) {
        this(solver, alpha, gradient, dualObjective, iterations, seconds, kktResidual, converged, status, null);
    }

    /** This solution, or a {@link TrainingFailedException.Kind#NOT_CONVERGED} failure that says how far the solver got. */
    public DualSolution requireConverged() {
        if (!converged) {
            throw new TrainingFailedException(TrainingFailedException.Kind.NOT_CONVERGED, ParameterText.of("", "solver",
                    " " + solver + ": did not converge: " + status + " after " + iterations
                            + " iterations; KKT residual reached " + String.format("%.3g", kktResidual) + " (raise ",
                    "maxIter", ")"));
        }
        return this;
    }
}
