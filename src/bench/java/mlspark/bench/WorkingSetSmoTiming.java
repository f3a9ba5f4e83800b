package mlspark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import mlspark.data.LabeledData;
import mlspark.data.TwoMoons;
import mlspark.kernel.RbfKernel;
import mlspark.linalg.Blas;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.SmoSolver;
import mlspark.svm.dual.WorkingSetSmoSolver;

/**
 * A side timing of {@link WorkingSetSmoSolver} beside {@link SmoSolver} in one run: two moons of N
 * points (noise 0.2, seed 0), RBF gamma 1, C 1, eps 1e-3; each solver's pair steps, seconds and, for
 * the batched one, the time by phase; the 1-minute load average beside every line (a shared machine).
 * Usage: {@code WorkingSetSmoTiming N q1 [q2 ...]}.
 */
public final class WorkingSetSmoTiming {
    private WorkingSetSmoTiming() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        LabeledData data = TwoMoons.generate(n, TwoMoons.NOISE, 0);
        DualProblem problem = new DualProblem(new PointKernelRows(new RbfKernel(1), data.x()), data.y(),
                ClassCosts.symmetric(1));
        System.out.println(Blas.describe() + "; N = " + n);
        DualSolution smo = new SmoSolver(SmoSolver.Settings.defaults()).solve(problem);
        System.out.printf("smo      pair steps %9d  %7.2f s  objective %.6f  load %s%n", smo.iterations(),
                smo.seconds(), smo.dualObjective(), load());
        for (int a = 1; a < args.length; a++) {
            int q = Integer.parseInt(args[a]);
            WorkingSetSmoSolver.Run run = new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults()
                    .withWorkingSetSize(q)).run(problem, null, null);
            DualSolution s = run.solution();
            WorkingSetSmoSolver.Phases p = run.phases();
            double t = s.seconds();
            System.out.printf("q = %4d pair steps %9d  %7.2f s  objective %.6f  rounds %5d  kernel rows %7d (%d reused)  "
                            + "kernel %.0f%%  local %.0f%%  gradient %.0f%%  selection %.0f%%  load %s%n",
                    q, s.iterations(), t, s.dualObjective(), p.rounds(), p.kernelRows(), p.reusedRows(), 100 * p.kernelSeconds() / t,
                    100 * p.localSeconds() / t, 100 * p.gradientSeconds() / t, 100 * p.selectionSeconds() / t, load());
        }
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
