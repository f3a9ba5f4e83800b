package mlspark.bench;

import org.apache.spark.api.java.JavaSparkContext;

import mlspark.data.LabeledData;
import mlspark.data.TwoMoons;
import mlspark.kernel.Gram;
import mlspark.kernel.Kernel;
import mlspark.kernel.RbfKernel;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.GramMatrixRows;
import mlspark.svm.dual.InteriorPointQp;
import mlspark.svm.dual.InteriorPointSolver;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.SmoSolver;

/**
 * The kernel SVM dual on the driver: our interior-point solver and our SMO beside LIBSVM's Java
 * port, on two moons (noise 0.2, seeded), RBF gamma = 1, C = 1. SMO and LIBSVM stop at the same
 * tolerance (LIBSVM's default eps 1e-3) with the same kernel cache (256 MB), computing kernel
 * values as they need them; the interior-point time includes computing the Gram matrix (on the
 * driver). Every implementation runs once on a small problem first, so no figure includes JIT warm-up;
 * the times are medians over several runs (SMO and LIBSVM interleaved), as single runs of a few
 * tenths of a second vary by 2x on a shared machine.
 */
public final class DualBench implements BenchSuite {
    private static final double GAMMA = 1;
    private static final double NOISE = 0.2;
    private static final long SEED = 42;
    private static final double EPS = 1e-3;
    private static final int CACHE_MB = 256;
    /** Above this the interior-point solver is not run (3 n^2 doubles, n^3/3 flops per iteration). */
    static final int IPM_LIMIT = 5000;

    @Override
    public String name() {
        return "dual";
    }

    @Override
    public String description() {
        return "SVM dual, two moons noise 0.2, RBF gamma=1, C=1, N=1000/2000/5000/20000: our IPM and SMO vs LIBSVM "
                + "Java; targets: SMO within 1.5x LIBSVM at N=5000 with the same objective, IPM < 3 s at N=2000, "
                + "SMO finishes N=20000";
    }

    @Override
    public void run(JavaSparkContext sc, boolean quick, BenchTable table) {
        Kernel kernel = new RbfKernel(GAMMA);
        ClassCosts costs = ClassCosts.symmetric(1);
        table.log("warm-up (JIT) on N=1000, not reported");
        LabeledData warm = TwoMoons.generate(1000, NOISE, SEED + 1);
        ipm(warm, kernel, costs);
        smo(warm, kernel, costs);
        LibsvmBaseline.train(warm.x(), warm.y(), kernel, costs, EPS, CACHE_MB);

        for (int n : quick ? new int[]{1000, 2000} : new int[]{1000, 2000, 5000, 20000}) {
            LabeledData data = TwoMoons.generate(n, NOISE, SEED);
            String benchCase = "two moons N=" + n;
            int runs = n <= 5000 ? 9 : 3;
            double[] libsvmSeconds = new double[runs];
            double[] smoSeconds = new double[runs];
            LibsvmBaseline.Result libsvm = null;
            DualSolution smo = null;
            for (int r = 0; r < runs; r++) {
                libsvm = LibsvmBaseline.train(data.x(), data.y(), kernel, costs, EPS, CACHE_MB);
                libsvmSeconds[r] = libsvm.seconds();
                smo = smo(data, kernel, costs);
                smoSeconds[r] = smo.seconds();
            }
            double libsvmTime = median(libsvmSeconds);
            long libsvmSupport = java.util.Arrays.stream(libsvm.alpha()).filter(a -> a > 0).count();
            table.add(benchCase, "LIBSVM 3.31 Java (svm_train)", "seconds", libsvmTime, "runs", runs,
                    "dual_objective", libsvm.dualObjective(), "iterations", libsvm.iterations(), "n_support", libsvmSupport);
            table.add(benchCase, "ours: SMO (LIBSVM's algorithm, double Q)", "seconds", median(smoSeconds), "runs", runs,
                    "dual_objective", smo.dualObjective(), "iterations", smo.iterations(), "n_support", support(smo),
                    "kkt_residual", smo.kktResidual(), "time_vs_libsvm", median(smoSeconds) / libsvmTime,
                    "objective_rel_diff_vs_libsvm", relativeDifference(smo.dualObjective(), libsvm.dualObjective()));

            if (n <= IPM_LIMIT) {
                int ipmRuns = n <= 2000 ? 3 : 1;
                double[] seconds = new double[ipmRuns];
                DualSolution ipm = null;
                for (int r = 0; r < ipmRuns; r++) {
                    long start = System.nanoTime();
                    ipm = ipm(data, kernel, costs);
                    seconds[r] = (System.nanoTime() - start) / 1e9;
                }
                table.add(benchCase, "ours: interior point (Gram + solve)", "seconds", median(seconds), "runs", ipmRuns,
                        "dual_objective", ipm.dualObjective(), "iterations", ipm.iterations(), "n_support", support(ipm),
                        "kkt_residual", ipm.kktResidual(), "time_vs_libsvm", median(seconds) / libsvmTime,
                        "objective_rel_diff_vs_libsvm", relativeDifference(ipm.dualObjective(), libsvm.dualObjective()),
                        "solve_seconds", ipm.seconds());
            } else {
                table.add(benchCase, "ours: interior point: skipped above N=" + IPM_LIMIT
                        + " (3 N^2 doubles, N^3/3 flops per iteration)");
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }

    private static DualSolution ipm(LabeledData data, Kernel kernel, ClassCosts costs) {
        DualProblem problem = new DualProblem(new GramMatrixRows(data.size(), Gram.matrix(kernel, data.x())), data.y(),
                costs);
        return new InteriorPointSolver(InteriorPointQp.Settings.defaults()).solve(problem).requireConverged();
    }

    private static DualSolution smo(LabeledData data, Kernel kernel, ClassCosts costs) {
        DualProblem problem = new DualProblem(new PointKernelRows(kernel, data.x()), data.y(), costs);
        return new SmoSolver(SmoSolver.Settings.defaults().withEps(EPS).withCacheBytes((long) CACHE_MB << 20))
                .solve(problem).requireConverged();
    }

    /** Support vectors as LIBSVM counts them: a_i > 0 (for the interior point: above 1e-8 C). */
    private static long support(DualSolution s) {
        return java.util.Arrays.stream(s.alpha()).filter(a -> a > 1e-8).count();
    }

    private static double relativeDifference(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    }
}
