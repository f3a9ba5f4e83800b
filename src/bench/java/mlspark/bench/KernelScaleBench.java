package mlspark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

import mlspark.data.LabeledData;
import mlspark.data.SampleBlock;
import mlspark.data.TwoMoons;
import mlspark.kernel.Kernel;
import mlspark.kernel.KernelApproximation;
import mlspark.kernel.NystromFeatures;
import mlspark.kernel.RandomFourierFeatures;
import mlspark.kernel.RbfKernel;
import mlspark.optim.StepSchedule;
import mlspark.training.CascadeSvmTrainer;
import mlspark.distributed.DistributedGram;
import mlspark.distributed.KernelFeatureRdds;
import mlspark.distributed.LinearSvmScores;
import mlspark.optim.Optimizer;
import mlspark.svm.primal.EpochResult;
import mlspark.training.PrimalSvmTrainer;
import mlspark.sources.SampleRdds;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.SmoSolver;
import mlspark.svm.dual.WorkingSetSmoSolver;
import mlspark.svm.primal.LinearSvmModel;

/**
 * Kernel SVMs beyond one machine, on two moons (noise 0.2, seeded), RBF gamma = 1, C = 1, one test set
 * of 100,000 fresh points: full SMO on the driver (row by row, and the working-set SMO of {@code --solver smo}
 * with its seconds by phase), LIBSVM's Java port, the Cascade SVM with 2, 8 and 32 sub-problems, and
 * the primal SVM (L-BFGS on the squared hinge, Spark) on random Fourier and Nystrom features with
 * M = 1,000 and 4,000, beside scikit-learn's SVC (LIBSVM) where python3-sklearn is installed; all on
 * the same points in one run. Full SMO, SVC and the cascade run up to N = 100,000 (at 1,000,000 SMO's
 * N^2 kernel work, and the cascade's check of N points against its ~74,000 support vectors, are well
 * over the 10-minute budget on two cores); at N = 1,000,000 the approximations run with M = 1,000.
 * L-BFGS takes 100 iterations where the mapped features are cached, 30 where N x M values do not fit
 * in memory and every pass recomputes them. Every row notes the machine's load average.
 */
public final class KernelScaleBench implements BenchSuite {
    private static final double GAMMA = 1;
    private static final double NOISE = 0.2;
    private static final long SEED = 42;
    private static final int TEST = 100_000;
    private static final double EPS = 1e-3;
    private static final int EXACT_LIMIT = 100_000;
    /** L-BFGS iterations where the features are cached; where they are recomputed every pass, fewer. */
    private static final int LBFGS_ITERATIONS = 100;
    private static final int LBFGS_ITERATIONS_LARGE = 30;
    private static final int DATA_PARTITIONS = 2;

    /** Full SMO's objective on the current N, the reference of the other rows (NaN where it did not run). */
    private double fullObjective;

    @Override
    public String name() {
        return "kernel-scale";
    }

    @Override
    public String description() {
        return "RBF SVM on two moons (noise 0.2, gamma=1, C=1, 100,000 test points), N=20,000/100,000/1,000,000: full SMO, "
                + "cascade P=2/8/32 (up to 100,000), RFF and Nystrom M=1000/4000 (+ L-BFGS), scikit-learn SVC; targets: cascade faster "
                + "than full SMO at 100,000 with the objective to 1e-3, 1,000,000 within 10 min and 0.5 points of full "
                + "SMO at 100,000, M=4000 within 1 point of exact at 100,000";
    }

    @Override
    public void run(JavaSparkContext sc, boolean quick, BenchTable table) {
        Kernel kernel = new RbfKernel(GAMMA);
        ClassCosts costs = ClassCosts.symmetric(1);
        LabeledData test = TwoMoons.generate(quick ? 5000 : TEST, NOISE, SEED + 1000);
        table.log("warm-up (JIT) on N=1000, not reported");
        LabeledData warm = TwoMoons.generate(1000, NOISE, SEED + 1);
        smo(warm, kernel, costs);
        cascade(sc, warm, kernel, costs, 2);
        String python = SklearnSvc.interpreter();
        if (python == null) {
            table.log("python3 with sklearn not found: no scikit-learn rows (apt-get install python3-sklearn)");
        }
        for (int n : quick ? new int[]{2000, 5000} : sizes()) {
            LabeledData train = TwoMoons.generate(n, NOISE, SEED);
            String benchCase = "two moons N=" + n;
            boolean exact = n <= EXACT_LIMIT;
            if (exact) {
                long start = System.nanoTime();
                DualProblem problem = new DualProblem(new PointKernelRows(kernel, train.x()), train.y(), costs);
                DualSolution full = smo(train, kernel, costs);
                KernelSvmModel model = KernelSvmModel.of(full, problem, kernel, train.x(), 0, BiasRule.LIBSVM);
                double seconds = (System.nanoTime() - start) / 1e9;
                table.add(benchCase, "ours: full SMO (driver)", "seconds", seconds, "objective", full.dualObjective(),
                        "test_accuracy", accuracy(sc, model, test), "n_support", model.size(), "passes", 1, "load_average",
                        load());
                fullObjective = full.dualObjective();
                workingSet(sc, train, test, kernel, costs, benchCase, table);
                libsvm(train, test, kernel, costs, benchCase, table);
            } else {
                fullObjective = Double.NaN;
                table.add(benchCase, "ours: full SMO: skipped above N=" + EXACT_LIMIT
                        + " (N^2 kernel evaluations; over the 10-minute budget)");
            }
            if (!exact) {
                table.add(benchCase, "ours: cascade: skipped above N=" + EXACT_LIMIT + " (the KKT check alone needs N x S "
                        + "kernel values, S ~ 7.4 % of N support vectors here: 7.4e10 at N = 1,000,000, 100 times the "
                        + "N = 100,000 check; over the 10-minute budget on two cores)");
            }
            for (int p : exact ? new int[]{8, 32, 2} : new int[0]) {
                long start = System.nanoTime();
                CascadeSvmTrainer.Result r = cascade(sc, train, kernel, costs, p);
                double seconds = (System.nanoTime() - start) / 1e9;
                table.add(benchCase, "ours: cascade P=" + p, "seconds", seconds, "objective",
                        r.solution().dualObjective(), "test_accuracy", accuracy(sc, r.model(), test), "n_support",
                        r.model().size(), "passes", r.passes().size(), "objective_rel_diff_vs_full_smo",
                        Math.abs(r.solution().dualObjective() - fullObjective) / fullObjective, "max_violation",
                        r.passes().get(r.passes().size() - 1).maximalViolation(), "first_pass_seconds",
                        r.passes().get(0).seconds(), "converged", r.solution().converged(), "load_average", load());
            }
            if (python != null && exact) {
                SklearnSvc.Result r = SklearnSvc.fit(python, train, test, GAMMA, EPS);
                table.add(benchCase, "scikit-learn SVC (LIBSVM, C++)", "seconds", r.seconds(), "objective", r.objective(),
                        "test_accuracy", r.testAccuracy(), "n_support", r.support(), "objective_rel_diff_vs_full_smo",
                        Math.abs(r.objective() - fullObjective) / fullObjective, "load_average", load());
            }
            if ("0".equals(System.getenv("MLSPARK_KERNEL_SCALE_APPROXIMATIONS"))) {
                continue;
            }
            for (int m : exact ? new int[]{1000, 4000} : new int[]{1000}) {
                approximate(sc, train, test, kernel, costs, m, false, benchCase, table);
            }
            for (int m : exact ? new int[]{1000, 4000} : new int[]{1000}) {
                approximate(sc, train, test, kernel, costs, m, true, benchCase, table);
            }
        }
    }

    /** The working-set SMO ({@code --solver smo}) on the driver, with its time by phase. */
    private void workingSet(JavaSparkContext sc, LabeledData train, LabeledData test, Kernel kernel,
                                   ClassCosts costs, String benchCase, BenchTable table) {
        long start = System.nanoTime();
        DualProblem problem = new DualProblem(new PointKernelRows(kernel, train.x()), train.y(), costs);
        DualSolution s = new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults().withEps(EPS)).solve(problem)
                .requireConverged();
        KernelSvmModel model = KernelSvmModel.of(s, problem, kernel, train.x(), 0, BiasRule.LIBSVM);
        double seconds = (System.nanoTime() - start) / 1e9;
        WorkingSetSmoSolver.Phases p = s.phases();
        table.add(benchCase, "ours: working-set SMO (smo, driver)", "seconds", seconds, "objective", s.dualObjective(),
                "test_accuracy", accuracy(sc, model, test), "n_support", model.size(), "objective_rel_diff_vs_full_smo",
                Math.abs(s.dualObjective() - fullObjective) / fullObjective, "rounds", p.rounds(), "kernel_rows",
                p.kernelRows(), "kernel_seconds", p.kernelSeconds(), "local_seconds", p.localSeconds(),
                "gradient_seconds", p.gradientSeconds(), "selection_seconds", p.selectionSeconds(), "load_average",
                load());
    }

    /** LIBSVM's Java port (one thread, eps 1e-3, 200 MB cache as SVC's), its test accuracy by svm_predict. */
    private void libsvm(LabeledData train, LabeledData test, Kernel kernel, ClassCosts costs, String benchCase,
                               BenchTable table) {
        LibsvmBaseline.Result r = LibsvmBaseline.train(train.x(), train.y(), kernel, costs, EPS, 200);
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            correct += r.predict(test.x()[i]) == test.y()[i] ? 1 : 0;
        }
        table.add(benchCase, "LIBSVM 3.31 Java (svm_train)", "seconds", r.seconds(), "objective", r.dualObjective(),
                "test_accuracy", (double) correct / test.size(), "n_support",
                java.util.Arrays.stream(r.alpha()).filter(a -> a > 0).count(), "objective_rel_diff_vs_full_smo",
                Math.abs(r.dualObjective() - fullObjective) / fullObjective, "load_average", load());
    }

    /** The machine's 1-minute load average as the row is added (the runs share the machine with others). */
    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** N of the full run, or those of MLSPARK_KERNEL_SCALE_SIZES (comma-separated), to run part of it. */
    private static int[] sizes() {
        String list = System.getenv("MLSPARK_KERNEL_SCALE_SIZES");
        if (list == null || list.isBlank()) {
            return new int[]{20_000, 100_000, 1_000_000};
        }
        return java.util.Arrays.stream(list.split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();
    }

    private static DualSolution smo(LabeledData data, Kernel kernel, ClassCosts costs) {
        DualProblem problem = new DualProblem(new PointKernelRows(kernel, data.x()), data.y(), costs);
        return new SmoSolver(SmoSolver.Settings.defaults().withEps(EPS)).solve(problem).requireConverged();
    }

    private static CascadeSvmTrainer.Result cascade(JavaSparkContext sc, LabeledData train, Kernel kernel,
                                                    ClassCosts costs, int partitions) {
        return CascadeSvmTrainer.train(SampleRdds.samples(sc, train, DATA_PARTITIONS), kernel, costs,
                new CascadeSvmTrainer.Settings(partitions, 20, WorkingSetSmoSolver.Settings.defaults().withEps(EPS)), 0,
                BiasRule.LIBSVM, m -> { });
    }

    private static double accuracy(JavaSparkContext sc, KernelSvmModel model, LabeledData test) {
        return KernelSvmModel.accuracy(DistributedGram.decisionValues(sc, model, test.x(), DATA_PARTITIONS), test.y());
    }

    /** RFF or Nystrom features on the executors, then L-BFGS on the squared hinge. */
    private static void approximate(JavaSparkContext sc, LabeledData train, LabeledData test, Kernel kernel,
                                    ClassCosts costs, int m, boolean rff, String benchCase, BenchTable table) {
        long start = System.nanoTime();
        int d = train.dimension();
        int rows = SampleRdds.blockRows(d, SampleRdds.DEFAULT_BLOCK_KIB);
        JavaRDD<SampleBlock> blocks = SampleRdds.blocks(SampleRdds.samples(sc, train, DATA_PARTITIONS), d, rows);
        KernelApproximation z = rff ? RandomFourierFeatures.sample(GAMMA, m, d, SEED)
                : NystromFeatures.of(kernel, KernelFeatureRdds.sampleLandmarks(blocks, m, SEED), d);
        JavaRDD<SampleBlock> mapped = KernelFeatureRdds.map(blocks, z, train.size(), SampleRdds.DEFAULT_BLOCK_KIB);
        PrimalSvmTrainer trainer = new PrimalSvmTrainer(mapped, z.components(), costs,
                Optimizer.LBFGS.minimizer(StepSchedule.constant(1)));
        List<EpochResult> history = trainer.train(
                KernelFeatureRdds.cached(train.size(), z.components()) ? LBFGS_ITERATIONS : LBFGS_ITERATIONS_LARGE,
                new int[0], r -> { }, null, null);
        EpochResult last = history.get(history.size() - 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        mapped.unpersist();
        blocks.unpersist();
        LinearSvmModel model = last.model();
        JavaRDD<SampleBlock> testBlocks = SampleRdds.blocks(SampleRdds.samples(sc, test, DATA_PARTITIONS), d, rows);
        double accuracy = LinearSvmScores.accuracy(model, KernelFeatureRdds.map(testBlocks, z,
                SampleRdds.DEFAULT_BLOCK_KIB));
        testBlocks.unpersist();
        Random random = new Random(SEED);
        int sample = 500;
        double[] points = new double[sample * d];
        for (int i = 0; i < sample; i++) {
            System.arraycopy(train.x()[random.nextInt(train.size())], 0, points, i * d, d);
        }
        double[] error = KernelApproximation.error(z, kernel, points, sample, d);
        table.add(benchCase, "ours: " + (rff ? "RFF" : "Nystrom") + " M=" + Math.min(m, rff ? m : train.size()) + " + L-BFGS (squared hinge)", "seconds",
                seconds, "objective", last.objective(), "test_accuracy", accuracy, "passes", trainer.evaluations(),
                "features", z.components(), "kernel_error_mean", error[1], "kernel_error_max", error[0],
                "load_average", load());
    }

    /** scikit-learn's SVC in a python3 subprocess, on the same points (raw little-endian doubles x1, x2, y). */
    static final class SklearnSvc {
        record Result(double seconds, double objective, double testAccuracy, int support) {
        }

        private static final String SCRIPT = String.join("\n",
                "import sys, json, time, numpy as np",
                "from sklearn.svm import SVC",
                "from sklearn.metrics.pairwise import rbf_kernel",
                "tr = np.fromfile(sys.argv[1], dtype='<f8').reshape(-1, 3)",
                "te = np.fromfile(sys.argv[2], dtype='<f8').reshape(-1, 3)",
                "g, tol = float(sys.argv[3]), float(sys.argv[4])",
                "svc = SVC(C=1.0, kernel='rbf', gamma=g, tol=tol, cache_size=256)",
                "t = time.perf_counter(); svc.fit(tr[:, :2], tr[:, 2]); s = time.perf_counter() - t",
                "c = svc.dual_coef_[0]; sv = svc.support_vectors_; q = 0.0",
                "for i in range(0, len(c), 2000):",
                "    q += c[i:i + 2000] @ (rbf_kernel(sv[i:i + 2000], sv, gamma=g) @ c)",
                "acc = float(np.mean(svc.predict(te[:, :2]) == te[:, 2]))",
                "print(json.dumps({'seconds': s, 'objective': float(np.abs(c).sum() - 0.5 * q), 'accuracy': acc,",
                "                  'support': int(len(c))}))");

        /** The first of python3 on the PATH and Debian's /usr/bin/python3 that imports sklearn, or null. */
        static String interpreter() {
            for (String python : List.of("python3", "/usr/bin/python3")) {
                try {
                    Process p = new ProcessBuilder(python, "-c", "import sklearn").redirectErrorStream(true).start();
                    p.getInputStream().readAllBytes();
                    if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        return python;
                    }
                } catch (IOException e) {
                    // not there: try the next
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return null;
        }

        static Result fit(String python, LabeledData train, LabeledData test, double gamma, double tol) {
            try {
                Path dir = Files.createTempDirectory("mlspark-sklearn");
                try {
                    Path trainFile = write(dir.resolve("train.f8"), train);
                    Path testFile = write(dir.resolve("test.f8"), test);
                    Path script = Files.writeString(dir.resolve("svc.py"), SCRIPT);
                    String json = runScript(python, script.toString(), trainFile.toString(), testFile.toString(),
                            String.valueOf(gamma), String.valueOf(tol));
                    return new Result(number(json, "seconds"), number(json, "objective"), number(json, "accuracy"),
                            (int) number(json, "support"));
                } finally {
                    removeFlat(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Deletes {@code dir} and the files in it (a scratch directory without subdirectories). */
        static void removeFlat(Path dir) throws IOException {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }

        /** Runs a python script with its arguments; its last output line that starts with '{' (its JSON result). */
        static String runScript(String python, String... scriptAndArguments) throws IOException {
            return result(output(python, scriptAndArguments));
        }

        /** Runs a python script with its arguments; all it printed, stdout and stderr (a failure: its exit status). */
        static String output(String python, String... scriptAndArguments) throws IOException {
            List<String> command = new java.util.ArrayList<>(List.of(python));
            command.addAll(List.of(scriptAndArguments));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("scikit-learn SVC failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return output;
        }

        /** The last line of a script's output that starts with '{' (its JSON result). */
        static String result(String output) {
            return output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() ->
                    new IllegalStateException("scikit-learn SVC printed no result: " + output));
        }

        private static Path write(Path file, LabeledData data) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(data.size() * 3 * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.size(); i++) {
                buffer.putDouble(data.x()[i][0]).putDouble(data.x()[i][1]).putDouble(data.y()[i]);
            }
            return Files.write(file, buffer.array());
        }

        static double number(String json, String key) {
            Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE+]+)").matcher(json);
            if (!m.find()) {
                throw new IllegalStateException("no " + key + " in " + json);
            }
            return Double.parseDouble(m.group(1));
        }
    }
}
