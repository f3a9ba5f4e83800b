package mlspark.svm.cascade;

import java.io.Serializable;

import mlspark.kernel.Kernel;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.WorkingSetSmoSolver;

/**
 * One node of a Cascade SVM (Graf, Cosatto, Bottou, Durdanovic and Vapnik, NIPS 2004): solves its
 * sub-problem with {@link WorkingSetSmoSolver} from the given starting point and passes on its support vectors
 * (a_i > 0) with their multipliers; {@link #merge} makes the sub-problem of the next layer from two
 * results.
 */
public record CascadeNode(Kernel kernel, ClassCosts costs, WorkingSetSmoSolver.Settings settings) implements Serializable {

    /**
     * What a node passes on: its support vectors, the dual objective it reached on its points, its
     * sub-problem's size, the solver's pair steps and whether it met its tolerance.
     */
    public record Result(CascadeSet supportVectors, double objective, int size, int iterations, boolean converged,
                         double seconds) implements Serializable {
    }

    public Result solve(CascadeSet problem) {
        return solve(problem, null);
    }

    /**
     * Solves from the set's multipliers whose gradient G_i = sum_j a_j Q_ij - 1 is known (see
     * {@link WorkingSetSmoSolver#run}); null: computed from the kernel rows of the non-zero multipliers.
     */
    public Result solve(CascadeSet problem, double[] gradient) {
        long start = System.nanoTime();
        int l = problem.size();
        if (l == 0) {
            return new Result(CascadeSet.empty(), 0, 0, 0, true, 0);
        }
        DualSolution s = new WorkingSetSmoSolver(settings).run(
                new DualProblem(new PointKernelRows(kernel, problem.x()), problem.y(), costs), problem.alpha(),
                gradient).solution();
        int[] support = java.util.stream.IntStream.range(0, l).filter(i -> s.alpha()[i] > 0).toArray();
        CascadeSet solved = new CascadeSet(problem.index(), problem.x(), problem.y(), s.alpha()).subset(support);
        return new Result(solved, s.dualObjective(), l, s.iterations(), s.converged(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The union of two results' support vectors, to solve next. Disjoint sets (the first pass) start
     * from both solutions side by side, which is feasible since each satisfies y'a = 0 on its own;
     * overlapping ones (feedback passes, where both hold the previous support vectors) start from
     * the solution with the larger objective, the other's new points at a = 0.
     */
    public static CascadeSet merge(Result a, Result b) {
        CascadeSet sa = a.supportVectors();
        CascadeSet sb = b.supportVectors();
        CascadeSet union = sa.plus(sb);
        if (union.size() == sa.size() + sb.size()) {
            System.arraycopy(sb.alpha(), 0, union.alpha(), sa.size(), sb.size());
            return union;
        }
        return a.objective() >= b.objective() ? union : sb.plus(sa);
    }
}
