package mlspark.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.SparkSession;

import mlspark.plot.DecisionBoundaryPlot;
import mlspark.cli.SaveModelOption;
import mlspark.cli.SourceOptions;
import mlspark.data.BinaryDataSets;
import mlspark.data.SignedLabels;
import mlspark.data.TrainTest;
import mlspark.errors.JobFailure;
import mlspark.io.Json;
import mlspark.io.OutputDir;
import mlspark.io.Provenance;
import mlspark.kernel.Kernel;
import mlspark.kernel.KernelSpec;
import mlspark.spark.DataSources;
import mlspark.spark.DistributedGram;
import mlspark.spark.CascadeSvmTrainer;
import mlspark.spark.DualSvmTrainer;
import mlspark.spark.SampleRdds;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualSolver;
import mlspark.svm.dual.InteriorPointQp;
import mlspark.svm.dual.InteriorPointSolver;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.SmoSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dual-svm}: the kernel SVM by its dual QP, solved on the driver (interior point or SMO), the
 * Gram matrix and the predictions computed by Spark. {@code --all}: the assignment's two 4 x 4
 * tables of test accuracy (toy sets x kernels) with their decision-boundary grids.
 */
@Command(name = "dual-svm", mixinStandardHelpOptions = true,
        description = "Kernel SVM by its dual QP: Gram matrix and predictions on Spark, the QP on the driver.")
public final class DualSvmJob extends SparkJob {
    /** The kernels of the tables, in their column order. */
    static final List<String> TABLE_KERNELS = List.of("linear", "poly", "sigmoid", "rbf");
    private static final List<String> MODEL_OPTIONS = List.of("--data", "--test", "--kernel", "--gamma", "--degree",
            "--coef0", "--C", "--C0", "--C1", "--save-model");

    @Option(names = "--data", paramLabel = "NAME|FILE|FORMAT:PATH",
            description = "moons (default), circles, linearly_separable, xor, hw3, a .npy/.npz/.csv/LIBSVM file, "
                    + "or libsvm:PATH, csv:PATH, parquet:PATH (any Hadoop path, read by the executors; the QP "
                    + "gathers the points on the driver, densified).")
    String data;

    @Option(names = "--test", paramLabel = "FILE|FORMAT:PATH",
            description = "Test set, for a CSV or LIBSVM training file or a FORMAT:PATH training set.")
    String test;

    @Mixin
    SourceOptions sources;

    @Option(names = "--kernel", paramLabel = "NAME", description = "linear, poly, rbf or sigmoid (default: ${DEFAULT-VALUE}).")
    String kernel;

    @Option(names = "--gamma", paramLabel = "G|scale",
            description = "Kernel gamma >= 0, or scale = 1/(D Var(X)) as scikit-learn (default: ${DEFAULT-VALUE}).")
    String gamma;

    @Option(names = "--degree", paramLabel = "D", description = "Degree of the poly kernel (default: ${DEFAULT-VALUE}).")
    int degree;

    @Option(names = "--coef0", paramLabel = "R", description = "coef0 of the poly and sigmoid kernels (default: ${DEFAULT-VALUE}).")
    double coef0;

    @Option(names = "--C", paramLabel = "C", description = "Box bound C of the dual (default: ${DEFAULT-VALUE}).")
    double c;

    @Option(names = "--C0", paramLabel = "C0", description = "Bound for label -1 samples (default: --C).")
    Double c0;

    @Option(names = "--C1", paramLabel = "C1", description = "Bound for label +1 samples (default: --C).")
    Double c1;

    @Option(names = "--solver", paramLabel = "NAME",
            description = "ipm (interior point), smo, or cascade (Cascade SVM of SMO sub-problems on the executors) "
                    + "(default: ${DEFAULT-VALUE}).")
    String solverName;

    @Option(names = "--cascade-partitions", paramLabel = "P",
            description = "Sub-problems of the cascade's first layer (default: ${DEFAULT-VALUE}).")
    int cascadePartitions;

    @Option(names = "--sv-threshold", paramLabel = "T",
            description = "Support vectors are the a_i > T (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--bias-rule", paramLabel = "RULE",
            description = "assignment (mean over all support vectors) or libsvm (free ones) (default: ${DEFAULT-VALUE}).")
    String biasRuleName;

    @Option(names = "--eps", paramLabel = "E",
            description = "SMO stopping tolerance on the maximal violating pair, LIBSVM's -e (default: ${DEFAULT-VALUE}).")
    double eps;

    @Option(names = "--max-iterations", paramLabel = "N",
            description = "Iteration limit of the solver; passes of the cascade (default: 100 for ipm, 10000000 for "
                    + "smo, 20 for cascade).")
    Integer maxIterations;

    @Option(names = "--grid", paramLabel = "N", description = "Plot grid points per axis (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--all", description = "All four toy sets x four kernels, twice: the assignment's model "
            + "(C=1, gamma=0.2, degree 3, coef0 0) and scikit-learn SVC's defaults (C=1, gamma=scale).")
    boolean all;

    @Mixin
    SaveModelOption saveModel;

    private final List<TrainTest> dataSets = new ArrayList<>();
    private KernelSpec kernelSpec;
    private ClassCosts costs;
    private BiasRule biasRule;
    /** Null with --solver cascade, which is not a driver-side solver. */
    private DualSolver solver;
    private CascadeSvmTrainer.Settings cascade;
    private int partitions;
    /** Set for a FORMAT:PATH training set, read in {@link #run}. */
    private DataSources.Options sourceOptions;

    /** One model setting of a table. */
    private record Setting(String name, String gamma, DualSolver solver, BiasRule rule, double threshold,
                           String description) {
    }

    /** The library's parameter names this job spells otherwise (errors of the math layer name parameters). */
    private static final Map<String, String> FLAGS = Map.of("biasRule", "--bias-rule", "maxIter", "--max-iterations",
            "svThreshold", "--sv-threshold", "tol", "--eps");

    @Override
    protected void prepare(Provenance provenance) {
        options.partitions();
        saveModel.check(options.out);
        biasRule = BiasRule.parse(biasRuleName);
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw JobFailure.usage("--sv-threshold", "expected a finite number >= 0, got " + threshold);
        }
        JobFailure.requirePositive("--eps", eps);
        if (maxIterations != null && maxIterations < 1) {
            throw JobFailure.usage("--max-iterations", "expected an integer >= 1, got " + maxIterations);
        }
        if (grid < 10) {
            throw JobFailure.usage("--grid", "expected an integer >= 10, got " + grid);
        }
        solver = switch (solverName) {
            case "ipm" -> new InteriorPointSolver(maxIterations == null ? InteriorPointQp.Settings.defaults()
                    : InteriorPointQp.Settings.defaults().withMaxIterations(maxIterations));
            case "smo" -> new SmoSolver(maxIterations == null ? SmoSolver.Settings.defaults().withEps(eps)
                    : SmoSolver.Settings.defaults().withEps(eps).withMaxIterations(maxIterations));
            case "cascade" -> null;
            default -> throw JobFailure.usage("--solver", "'" + solverName + "' is not one of ipm, smo, cascade");
        };
        if (solverName.equals("cascade")) {
            if (cascadePartitions < 1) {
                throw JobFailure.usage("--cascade-partitions", "expected an integer >= 1, got " + cascadePartitions);
            }
            cascade = new CascadeSvmTrainer.Settings(cascadePartitions,
                    maxIterations == null ? CascadeSvmTrainer.DEFAULT_MAX_PASSES : maxIterations,
                    SmoSolver.Settings.defaults().withEps(eps));
        }
        if (all) {
            for (String option : MODEL_OPTIONS) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw JobFailure.usage(option, "cannot be combined with --all, which runs fixed settings "
                            + "on the four toy sets");
                }
            }
            for (String name : BinaryDataSets.TOY_SETS) {
                dataSets.add(BinaryDataSets.load(name, null, options.dataDir(), this::log));
            }
        } else {
            kernelSpec = KernelSpec.parse(kernel, gamma, degree, coef0);
            costs = new ClassCosts(c0 != null ? c0 : JobFailure.requirePositive("--C", c),
                    c1 != null ? c1 : JobFailure.requirePositive("--C", c));
            if (DataSources.isSource(data)) {
                sourceOptions = sources.options();
                log(String.format("data %s, test %s (read by the executors, gathered for the QP)", data, test));
                return;
            }
            if (DataSources.isSource(test)) {
                throw JobFailure.usage("--test", test + " needs a libsvm:, csv: or parquet: training set, got --data " + data);
            }
            dataSets.add(BinaryDataSets.load(data, test == null ? null : Path.of(test), options.dataDir(), this::log));
        }
        for (TrainTest set : dataSets) {
            // the sources are the files read (provenance skips anything else)
            provenance.input(Path.of(set.train().source()));
            provenance.input(Path.of(set.test().source()));
            check(set);
        }
        partitions = options.partitions(dataSets.stream().mapToInt(s -> s.train().size()).max().getAsInt(), this::log);
    }

    /** The checks of a training set the solver needs: both classes, enough rows for the cascade, ipm's memory. */
    private void check(TrainTest set) {
        SignedLabels.requireBothClasses(set.train());
        if (cascade != null && cascadePartitions > set.train().size()) {
            throw JobFailure.usage("--cascade-partitions", cascadePartitions + " sub-problems for "
                    + set.train().size() + " training samples of " + set.name() + "; expected at most "
                    + set.train().size());
        }
        if (solver instanceof InteriorPointSolver) {
            long bytes = 3L * set.train().size() * set.train().size() * Double.BYTES;
            if (bytes > Runtime.getRuntime().maxMemory()) {
                throw JobFailure.usage("--solver", "ipm needs 3 n x n matrices, " + (bytes >> 20) + " MB for n = "
                        + set.train().size() + ", more than this JVM's " + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MB; use --solver smo");
            }
        }
    }

    /**
     * A FORMAT:PATH training and test set, read by the executors and gathered on the driver (the
     * dual QP holds every training point there; sparse rows are densified one by one).
     */
    private TrainTest readSources(JavaSparkContext sc, Provenance provenance) {
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        DataSources.Input input = DataSources.read(spark, data, test, sourceOptions, this::log);
        int d = input.dimension();
        provenance.source("train", DataSources.provenance(spark, input.trainSpec(), sourceOptions, d));
        provenance.source("test", DataSources.provenance(spark, input.testSpec(), sourceOptions, d));
        TrainTest set = new TrainTest(data, DataSources.collect(input.train(), d, input.zeroIsNegative(), input.trainSpec()),
                DataSources.collect(input.test(), d, input.zeroIsNegative(), input.testSpec()));
        check(set);
        partitions = options.partitions(set.train().size(), this::log);
        log(String.format("data %s: %d train, %d test, %d features", data, set.train().size(), set.test().size(), d));
        return set;
    }

    @Override
    public Map<String, String> parameterFlags() {
        return FLAGS;
    }

    @Override
    protected Map<String, Object> run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        if (sourceOptions != null) {
            dataSets.add(readSources(sc, provenance));
        }
        return all ? runAll(sc, out) : runOne(sc, out);
    }

    private Map<String, Object> runOne(JavaSparkContext sc, OutputDir out) {
        TrainTest set = dataSets.get(0);
        Setting setting = new Setting("single", kernelSpec.gamma(), solver, biasRule, threshold, "");
        boolean plot = set.train().dimension() == 2;
        OutputDir modelDir = saveModel.requested() ? otherOutput("--save-model", saveModel.dir) : null;
        Map<String, Object> metrics = fit(sc, set, kernelSpec, costs, setting, plot);
        KernelSvmModel model = (KernelSvmModel) metrics.remove("model");
        if (modelDir != null) {
            saveModel.save(libraryModel(model, set), modelDir);
        }
        Object panel = metrics.remove("panel");
        if (plot) {
            DecisionBoundaryPlot.save(List.of((DecisionBoundaryPlot.Panel) panel), 1, 640, 560,
                    out.resolve("decision_boundary.png"));
        } else {
            log("no decision-boundary plot: the data has " + set.train().dimension() + " features, not 2");
        }
        System.out.printf("%n%s, %s, %s: test accuracy %.4f, train accuracy %.4f, %d support vectors, b = %.6f, "
                        + "dual objective %.8f (%d iterations, %.3f s)%n", set.name(), metrics.get("kernel_formula"),
                solverName, (Double) metrics.get("test_accuracy"), (Double) metrics.get("train_accuracy"),
                (Integer) metrics.get("n_support"), (Double) metrics.get("b"), (Double) metrics.get("dual_objective"),
                (Integer) metrics.get("iterations"), (Double) metrics.get("seconds"));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("C0", costs.c0());
        config.put("C1", costs.c1());
        config.put("sv_threshold", threshold);
        config.put("bias_rule", biasRule.optionName());
        config.put("eps", eps);
        config.put("max_iterations", maxIterations);
        config.put("partitions", partitions);
        if (cascade != null) {
            config.put("cascade_partitions", cascadePartitions);
        }
        metrics.put("config", config);
        return metrics;
    }

    private Map<String, Object> runAll(JavaSparkContext sc, OutputDir out) {
        List<Setting> settings = List.of(
                new Setting("assignment", "0.2", solver, biasRule, threshold, String.format(
                        "the assignment's model: C=1, gamma=0.2, degree=3, coef0=0; solver %s, bias rule %s, "
                                + "support vectors a > %s", solverName, biasRule.optionName(),
                        java.math.BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString())),
                new Setting("sklearn", KernelSpec.SCALE, new SmoSolver(SmoSolver.Settings.defaults()), BiasRule.LIBSVM, 0,
                        "scikit-learn SVC's defaults: C=1, gamma=scale, degree=3, coef0=0; as SVC solves it: "
                                + "SMO with tol 1e-3, LIBSVM's bias, support vectors a > 0"));
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        ClassCosts unit = ClassCosts.symmetric(1);
        for (Setting setting : settings) {
            Map<String, Map<String, Double>> table = new LinkedHashMap<>();
            List<DecisionBoundaryPlot.Panel> panels = new ArrayList<>();
            for (TrainTest set : dataSets) {
                Map<String, Double> row = new LinkedHashMap<>();
                for (String kernelName : TABLE_KERNELS) {
                    KernelSpec spec = KernelSpec.parse(kernelName, setting.gamma(), 3, 0);
                    Map<String, Object> run = fit(sc, set, spec, unit, setting, true);
                    run.remove("model");
                    panels.add((DecisionBoundaryPlot.Panel) run.remove("panel"));
                    row.put(kernelName, (Double) run.get("test_accuracy"));
                    Map<String, Object> tagged = new LinkedHashMap<>();
                    tagged.put("setting", setting.name());
                    tagged.putAll(run);
                    runs.add(tagged);
                }
                table.put(set.name(), row);
            }
            Path dir = out.resolve(setting.name());
            String markdown = markdown(table, setting);
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("table.md"), markdown);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Json.write(dir.resolve("table.json"), table);
            DecisionBoundaryPlot.save(panels, TABLE_KERNELS.size(), 420, 400, dir.resolve("decision_boundaries.png"));
            System.out.print("\n" + markdown);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("description", setting.description());
            summary.put("solver", setting.solver() == null ? solverName : setting.solver().name());
            summary.put("bias_rule", setting.rule().optionName());
            summary.put("sv_threshold", setting.threshold());
            summary.put("table", table);
            metrics.put(setting.name(), summary);
        }
        metrics.put("runs", runs);
        return metrics;
    }

    /** Trains and evaluates one model; the map holds the metrics and, under "panel", its plot panel. */
    private Map<String, Object> fit(JavaSparkContext sc, TrainTest set, KernelSpec spec, ClassCosts bounds,
                                    Setting setting, boolean plot) {
        Kernel k = spec.kernel(set.train().x());
        DualSvmTrainer.Fit fit;
        CascadeSvmTrainer.Result cascaded = null;
        if (setting.solver() == null) {
            cascaded = CascadeSvmTrainer.train(SampleRdds.samples(sc, set.train(), partitions), k, bounds,
                    cascade, setting.threshold(), setting.rule(), this::log);
            fit = new DualSvmTrainer.Fit(cascaded.model(), cascaded.solution().requireConverged(), 0);
        } else {
            fit = DualSvmTrainer.train(sc, set.train(), k, bounds, setting.solver(), setting.threshold(),
                    setting.rule(), partitions, this::log);
        }
        KernelSvmModel model = fit.model();
        // one Spark pass for the training (unless the cascade has h of them), test and plot points
        int nTrain = set.train().size();
        int nTest = set.test().size();
        int nEvaluated = cascaded == null ? nTrain : 0;
        DecisionBoundaryPlot.Grid plotGrid = plot ? DecisionBoundaryPlot.Grid.around(set, grid) : null;
        double[][] gridPoints = plot ? plotGrid.points() : new double[0][];
        double[][] points = new double[nEvaluated + nTest + gridPoints.length][];
        System.arraycopy(set.train().x(), 0, points, 0, nEvaluated);
        System.arraycopy(set.test().x(), 0, points, nEvaluated, nTest);
        System.arraycopy(gridPoints, 0, points, nEvaluated + nTest, gridPoints.length);
        double[] evaluated = DistributedGram.decisionValues(sc, model, points, partitions);
        double[] h = cascaded == null ? evaluated : new double[nTrain + evaluated.length];
        if (cascaded != null) {
            System.arraycopy(cascaded.trainingDecision(), 0, h, 0, nTrain);
            System.arraycopy(evaluated, 0, h, nTrain, evaluated.length);
        }
        double trainAccuracy = KernelSvmModel.accuracy(Arrays.copyOfRange(h, 0, nTrain), set.train().y());
        double testAccuracy = KernelSvmModel.accuracy(Arrays.copyOfRange(h, nTrain, nTrain + nTest), set.test().y());
        log(String.format("%s %s: %s %d iterations %.3f s, KKT residual %.2e, %d support vectors, b = %s, "
                        + "test accuracy %.4f", set.name(), k.describe(), fit.solution().solver(),
                fit.solution().iterations(), fit.solution().seconds(), fit.solution().kktResidual(), model.size(),
                Readable.number(model.b()), testAccuracy));

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("test_accuracy", testAccuracy);
        m.put("train_accuracy", trainAccuracy);
        m.put("n_support", model.size());
        m.put("b", model.b());
        m.put("dual_objective", fit.solution().dualObjective());
        m.put("solver", fit.solution().solver());
        m.put("iterations", fit.solution().iterations());
        m.put("seconds", fit.solution().seconds());
        m.put("kkt_residual", fit.solution().kktResidual());
        m.put("solver_status", fit.solution().status());
        m.put("gram_seconds", fit.gramSeconds());
        if (cascaded != null) {
            m.put("cascade", cascadeReport(cascaded));
        }
        m.put("data", Map.of("name", set.name(), "n_train", nTrain, "n_test", nTest,
                "dimension", set.train().dimension()));
        Map<String, Object> kernelInfo = new LinkedHashMap<>();
        kernelInfo.put("name", spec.name());
        kernelInfo.put("gamma_option", spec.gamma());
        kernelInfo.put("gamma", spec.name().equals("linear") ? null : spec.gammaFor(set.train().x()));
        kernelInfo.put("degree", spec.degree());
        kernelInfo.put("coef0", spec.coef0());
        m.put("kernel", kernelInfo);
        m.put("kernel_formula", k.describe());
        if (plot) {
            String title = all ? String.format("%s / %s: test acc %.3f", set.name(), spec.name(), testAccuracy)
                    : String.format("%s, %s: test accuracy %.3f (train %.3f)", set.name(), k.describe(), testAccuracy,
                    trainAccuracy);
            m.put("panel", new DecisionBoundaryPlot.Panel(title, plotGrid,
                    Arrays.copyOfRange(h, nTrain + nTest, h.length), set.train(), set.test(), model.supportIndices()));
        }
        return m;
    }

    /** passes, and per layer the sub-problems' sizes, their support vectors and seconds. */
    private Map<String, Object> cascadeReport(CascadeSvmTrainer.Result r) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("partitions", cascadePartitions);
        report.put("passes", r.passes().size());
        List<Map<String, Object>> passes = new ArrayList<>();
        for (CascadeSvmTrainer.Pass p : r.passes()) {
            Map<String, Object> pass = new LinkedHashMap<>();
            pass.put("pass", p.pass());
            pass.put("dual_objective", p.dualObjective());
            pass.put("maximal_violation", p.maximalViolation());
            pass.put("support_vectors", p.supportVectors());
            pass.put("violators", p.violators());
            pass.put("check_seconds", p.checkSeconds());
            pass.put("seconds", p.seconds());
            passes.add(pass);
        }
        report.put("pass_history", passes);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (CascadeSvmTrainer.Layer l : r.layers()) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("pass", l.pass());
            layer.put("layer", l.layer());
            layer.put("where", l.where());
            layer.put("sizes", l.sizes());
            layer.put("support_vectors", l.supportVectors());
            layer.put("seconds", l.seconds());
            layers.add(layer);
        }
        report.put("layers", layers);
        return report;
    }

    /** The model as the library's, with the job's options as its Params and gamma resolved on the training set. */
    private mlspark.ml.KernelSvmModel libraryModel(KernelSvmModel model, TrainTest set) {
        KernelSpec resolved = KernelSpec.parse(kernelSpec.name(), Double.toString(kernelSpec.gammaFor(set.train().x())),
                kernelSpec.degree(), kernelSpec.coef0());
        mlspark.ml.KernelSvmModel m = new mlspark.ml.KernelSvmModel(Identifiable.randomUID("kernelSvm"), resolved, model);
        m.set(m.C(), c).set(m.C0(), costs.c0()).set(m.C1(), costs.c1()).set(m.kernel(), kernelSpec.name())
                .set(m.degree(), kernelSpec.degree()).set(m.coef0(), kernelSpec.coef0())
                .set(m.solver(), solverName).set(m.svThreshold(), threshold).set(m.biasRule(), biasRule.optionName())
                .set(m.tol(), eps);
        if ((Boolean) m.gamma().isValid().apply(kernelSpec.gamma())) {
            // the job takes gamma = 0, the library does not: such a model keeps gamma only resolved
            m.set(m.gamma(), kernelSpec.gamma());
        }
        if (maxIterations != null) {
            m.set(m.maxIter(), maxIterations);
        }
        if (cascade != null) {
            m.set(m.cascadePartitions(), cascadePartitions);
        }
        return m;
    }

    private static String markdown(Map<String, Map<String, Double>> table, Setting setting) {
        StringBuilder md = new StringBuilder("Test accuracy, " + setting.description() + ".\n\n| data set |");
        TABLE_KERNELS.forEach(k -> md.append(' ').append(k).append(" |"));
        md.append("\n|---|");
        TABLE_KERNELS.forEach(k -> md.append("---:|"));
        md.append('\n');
        table.forEach((name, row) -> {
            md.append("| ").append(name).append(" |");
            TABLE_KERNELS.forEach(k -> md.append(String.format(" %.3f |", row.get(k))));
            md.append('\n');
        });
        return md.toString();
    }
}
