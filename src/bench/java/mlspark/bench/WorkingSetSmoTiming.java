package mlspark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import mlspark.data.LabeledData;
import mlspark.data.TwoMoons;
import mlspark.kernel.RbfKernel;
import mlspark.linalg.Blas;
import mlspark.sources.SampleRdds;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.SmoSolver;
import mlspark.svm.dual.WorkingSetSmoSolver;
import mlspark.training.CascadeSvmTrainer;

/**
 * A side timing of the solvers of {@code --solver smo} ({@link WorkingSetSmoSolver}), {@code smo-rows}
 * ({@link SmoSolver}) and {@code cascade} ({@link CascadeSvmTrainer} on local[2]) in one run: two moons
 * of N points (noise 0.2, seed 0), RBF gamma 1, C 1, eps 1e-3; each solver's pair steps, seconds and
 * objective, for the batched one the time by phase; the 1-minute load average beside every line (a
 * shared machine). A JIT warm-up on N = 1000 first, not reported.
 * Usage: {@code WorkingSetSmoTiming N [q ...] [--cascade P ...] [--without-rows]} (q: working-set sizes, by
 * default 128; P: the cascade's partitions, by default 8, 0 for none; {@code --without-rows}: {@code smo-rows} not run).
 */
public final class WorkingSetSmoTiming {
    private static final double EPS = 1e-3;

    private WorkingSetSmoTiming() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        List<Integer> sizes = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Integer> into = sizes;
        boolean withRows = true;
        for (int a = 1; a < args.length; a++) {
            if (args[a].equals("--without-rows")) {
                withRows = false;
            } else if (args[a].equals("--cascade")) {
                into = partitions;
            } else {
                into.add(Integer.parseInt(args[a]));
            }
        }
        if (sizes.isEmpty()) {
            sizes.add(WorkingSetSmoSolver.Settings.defaults().workingSetSize());
        }
        if (partitions.isEmpty()) {
            partitions.add(8);
        }
        partitions.removeIf(p -> p == 0);
        System.out.println(Blas.describe() + "; N = " + n);
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]")
                .setAppName("WorkingSetSmoTiming").set("spark.ui.enabled", "false"))) {
            sc.setLogLevel("WARN");
            run(sc, TwoMoons.generate(1000, TwoMoons.NOISE, 1), sizes, partitions, withRows, false);
            run(sc, TwoMoons.generate(n, TwoMoons.NOISE, 0), sizes, partitions, withRows, true);
        }
    }

    private static void run(JavaSparkContext sc, LabeledData data, List<Integer> sizes, List<Integer> partitions,
                            boolean withRows, boolean report) throws IOException {
        RbfKernel kernel = new RbfKernel(1);
        ClassCosts costs = ClassCosts.symmetric(1);
        DualProblem problem = new DualProblem(new PointKernelRows(kernel, data.x()), data.y(), costs);
        if (withRows) {
            DualSolution rows = new SmoSolver(SmoSolver.Settings.defaults().withEps(EPS)).solve(problem);
            if (report) {
                System.out.printf("smo-rows        pair steps %9d  %7.2f s  objective %.6f  load %s%n", rows.iterations(),
                        rows.seconds(), rows.dualObjective(), load());
            }
        }
        for (int q : sizes) {
            WorkingSetSmoSolver.Run run = new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults().withEps(EPS)
                    .withWorkingSetSize(q)).run(problem, null, null);
            DualSolution s = run.solution();
            WorkingSetSmoSolver.Phases p = run.phases();
            double t = s.seconds();
            if (report) {
                System.out.printf("smo q = %4d    pair steps %9d  %7.2f s  objective %.6f  rounds %5d  kernel rows %7d "
                                + "(%d reused)  kernel %.0f%%  local %.0f%%  gradient %.0f%%  selection %.0f%%  load %s%n",
                        q, s.iterations(), t, s.dualObjective(), p.rounds(), p.kernelRows(), p.reusedRows(),
                        100 * p.kernelSeconds() / t, 100 * p.localSeconds() / t, 100 * p.gradientSeconds() / t,
                        100 * p.selectionSeconds() / t, load());
            }
        }
        for (int parts : partitions) {
            long start = System.nanoTime();
            CascadeSvmTrainer.Result r = CascadeSvmTrainer.train(SampleRdds.samples(sc, data, 2), kernel, costs,
                    new CascadeSvmTrainer.Settings(parts, 20, WorkingSetSmoSolver.Settings.defaults().withEps(EPS)), 0,
                    BiasRule.LIBSVM, m -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            if (report) {
                System.out.printf("cascade P = %3d pair steps %9d  %7.2f s  objective %.6f  passes %d  converged %s  "
                                + "load %s%n", parts, r.solution().iterations(), seconds, r.solution().dualObjective(),
                        r.passes().size(), r.solution().converged(), load());
            }
        }
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
