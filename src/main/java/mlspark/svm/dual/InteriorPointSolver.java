package mlspark.svm.dual;

import java.util.Arrays;

import mlspark.errors.InvalidParameterException;
import mlspark.linalg.Blas;

/**
 * The SVM dual by {@link InteriorPointQp} on the standard form of {@link DualQp}: the whole Gram
 * matrix is needed (n^2 doubles, twice: K and P) and each iteration factors an n x n matrix.
 */
public final class InteriorPointSolver implements DualSolver {
    private final InteriorPointQp.Settings settings;

    public InteriorPointSolver(InteriorPointQp.Settings settings) {
        this.settings = settings;
    }

    /** Refuses (naming the parameter {@code solver}) n training points whose 3 n x n matrices do not fit this JVM's heap. */
    public static void requireMemory(int n) {
        long bytes = 3L * n * n * Double.BYTES;
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new InvalidParameterException("solver", "ipm needs 3 n x n matrices, " + (bytes >> 20) + " MB for n = "
                    + n + ", more than this JVM's " + (max >> 20) + " MB; use smo");
        }
    }

    @Override
    public String name() {
        return "ipm";
    }

    @Override
    public DualSolution solve(DualProblem problem) {
        long start = System.nanoTime();
        int n = problem.size();
        QuadraticProgram qp = DualQp.build(problem.kernel().matrix(), problem.y(), problem.costs());
        InteriorPointQp.Result r = new InteriorPointQp(settings).solve(qp);
        double[] alpha = r.x();
        // G = P alpha - 1
        double[] gradient = new double[n];
        Arrays.fill(gradient, -1);
        Blas.blas().dgemv("N", n, n, 1.0, qp.p(), n, alpha, 1, 1.0, gradient, 1);
        String status = String.format("%s (gap %.2e, primal residual %.2e, dual residual %.2e%s)", r.status(), r.gap(),
                r.primalResidual(), r.dualResidual(),
                r.indefiniteSteps() > 0 ? ", " + r.indefiniteSteps() + " steps with an indefinite H" : "");
        return new DualSolution(name(), alpha, gradient, DualKkt.dualObjective(alpha, gradient), r.iterations(),
                (System.nanoTime() - start) / 1e9, DualKkt.residual(alpha, gradient, problem), r.converged(), status);
    }
}
