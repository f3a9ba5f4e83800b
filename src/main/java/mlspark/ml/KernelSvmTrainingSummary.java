package mlspark.ml;

import java.io.Serializable;
import java.util.List;

import mlspark.svm.dual.DualSolution;
import mlspark.training.CascadeSvmTrainer;

/**
 * How a {@link KernelSvmModel} was trained: gamma as resolved, the support vectors the model keeps,
 * and each binary problem the estimator solved with its own figures. A two-class model solves one
 * problem; the accessors below {@link #problems()} are the figures of that one problem (or their
 * sums, where a sum means something for several).
 *
 * @param gamma             the kernel's gamma as resolved ("scale" computed on the training rows; 0 for linear)
 * @param numSupportVectors support vectors the model keeps
 * @param problems          the binary problems, in the order they were solved
 */
public record KernelSvmTrainingSummary(double gamma, int numSupportVectors, List<Problem> problems)
        implements Serializable {

    public KernelSvmTrainingSummary {
        problems = List.copyOf(problems);
    }

    /**
     * One binary problem: the rows of {@code negativeClass} (y = -1) against those of
     * {@code positiveClass} (y = +1), class indices of the model.
     *
     * @param rows             training rows of the problem
     * @param numSupportVectors its support vectors
     * @param solution         the dual solver's solution and account of itself (iterations, seconds, objective)
     * @param gramSeconds      seconds Spark spent on its Gram matrix (0 for the cascade, which computes none)
     * @param cascadePasses    the cascade's passes, the first and the feedback passes (empty for ipm and smo)
     * @param cascadeLayers    the cascade's layers, pass by pass (empty for ipm and smo)
     * @param trainingDecision h(x_i) at the problem's training rows in their order, where the solver computed
     *                         them (the cascade's last check); null otherwise
     */
    public record Problem(int negativeClass, int positiveClass, int rows, int numSupportVectors, DualSolution solution,
                          double gramSeconds, List<CascadeSvmTrainer.Pass> cascadePasses,
                          List<CascadeSvmTrainer.Layer> cascadeLayers, double[] trainingDecision) implements Serializable {

        public int iterations() {
            return solution.iterations();
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

    /** The one problem of a two-class model. */
    public Problem problem() {
        if (problems.size() != 1) {
            throw new IllegalStateException(problems.size() + " binary problems; problem() is the one of two classes");
        }
        return problems.get(0);
    }

    public DualSolution solution() {
        return problem().solution();
    }

    public String solver() {
        return solution().solver();
    }

    /** The solver's own account, e.g. "optimal". */
    public String solverStatus() {
        return solution().status();
    }

    /** The largest KKT violation of the solution. */
    public double kktResidual() {
        return solution().kktResidual();
    }

    /** sum a_i - 1/2 a'Qa at the solution. */
    public double dualObjective() {
        return problem().dualObjective();
    }

    /** Seconds Spark spent on the Gram matrix (0 for the cascade). */
    public double gramSeconds() {
        return problem().gramSeconds();
    }

    /** The cascade's passes (0 for ipm and smo). */
    public int passes() {
        return problem().cascadePasses().size();
    }

    /** The solvers' iterations over all problems; for the cascade, the SMO iterations of all its sub-problems. */
    public int totalIterations() {
        return problems.stream().mapToInt(Problem::iterations).sum();
    }

    /** Seconds the solvers took, over all problems. */
    public double seconds() {
        return problems.stream().mapToDouble(Problem::seconds).sum();
    }
}
