package mlspark.cli.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.SparkSession;

import mlspark.cli.SaveModelOption;
import mlspark.cli.SourceOptions;
import mlspark.data.DataSpec;
import mlspark.data.BinaryDataSets;
import mlspark.data.SignedLabels;
import mlspark.data.TrainTest;
import mlspark.cli.JobFailure;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.Provenance;
import mlspark.kernel.KernelSpec;
import mlspark.ml.KernelSvmExperiments;
import mlspark.ml.KernelSvmExperiments.Evaluation;
import mlspark.cli.metrics.DualSvmMetrics;
import mlspark.cli.metrics.DualSvmRuns;
import mlspark.sources.DataSources;
import mlspark.training.CascadeSvmTrainer;
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
    private KernelSvmExperiments.Training training;
    private int partitions;
    /** Set for a FORMAT:PATH training set, read in {@link #run}. */
    private DataSources.Options sourceOptions;

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
        DualSolver solver = switch (solverName) {
            case "ipm" -> new InteriorPointSolver(maxIterations == null ? InteriorPointQp.Settings.defaults()
                    : InteriorPointQp.Settings.defaults().withMaxIterations(maxIterations));
            case "smo" -> new SmoSolver(maxIterations == null ? SmoSolver.Settings.defaults().withEps(eps)
                    : SmoSolver.Settings.defaults().withEps(eps).withMaxIterations(maxIterations));
            case "cascade" -> null;
            default -> throw JobFailure.usage("--solver", "'" + solverName + "' is not one of ipm, smo, cascade");
        };
        CascadeSvmTrainer.Settings cascade = null;
        if (solverName.equals("cascade")) {
            if (cascadePartitions < 1) {
                throw JobFailure.usage("--cascade-partitions", "expected an integer >= 1, got " + cascadePartitions);
            }
            cascade = new CascadeSvmTrainer.Settings(cascadePartitions,
                    maxIterations == null ? CascadeSvmTrainer.DEFAULT_MAX_PASSES : maxIterations,
                    SmoSolver.Settings.defaults().withEps(eps));
        }
        training = new KernelSvmExperiments.Training(solver, cascade, biasRule, threshold);
        if (all) {
            for (String option : MODEL_OPTIONS) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw JobFailure.usage(option, "cannot be combined with --all, which runs fixed settings "
                            + "on the four toy sets");
                }
            }
            for (String name : DataSpec.TOY_SETS) {
                dataSets.add(BinaryDataSets.load(name, null, options.dataDir(), this::log));
            }
        } else {
            kernelSpec = KernelSpec.parse(kernel, gamma, degree, coef0);
            costs = new ClassCosts(c0 != null ? c0 : JobFailure.requirePositive("--C", c),
                    c1 != null ? c1 : JobFailure.requirePositive("--C", c));
            if (DataSpec.isSource(data)) {
                sourceOptions = sources.options();
                log(String.format("data %s, test %s (read by the executors, gathered for the QP)", data, test));
                return;
            }
            if (DataSpec.isSource(test)) {
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
        if (training.cascade() != null && cascadePartitions > set.train().size()) {
            throw JobFailure.usage("--cascade-partitions", cascadePartitions + " sub-problems for "
                    + set.train().size() + " training samples of " + set.name() + "; expected at most "
                    + set.train().size());
        }
        if (training.solver() instanceof InteriorPointSolver) {
            InteriorPointSolver.requireMemory(set.train().size());
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
    protected Object run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        if (sourceOptions != null) {
            dataSets.add(readSources(sc, provenance));
        }
        return all ? runAll(sc, out) : runOne(sc, out);
    }

    private DualSvmMetrics.Run runOne(JavaSparkContext sc, OutputDir out) {
        TrainTest set = dataSets.get(0);
        OutputDir modelDir = saveModel.requested() ? otherOutput("--save-model", saveModel.dir) : null;
        Evaluation e = DualSvmRuns.one(sc, set, kernelSpec, costs, training, grid, partitions, this::log,
                out.resolve(""));
        if (modelDir != null) {
            saveModel.save(libraryModel(e.model(), set), modelDir);
        }
        DualSvmMetrics.Run run = DualSvmMetrics.Run.of(null, e, new DualSvmMetrics.Config(costs.c0(), costs.c1(),
                threshold, biasRule.optionName(), eps, maxIterations, partitions,
                training.cascade() == null ? null : cascadePartitions));
        System.out.printf("%n%s, %s, %s: test accuracy %.4f, train accuracy %.4f, %d support vectors, b = %.6f, "
                        + "dual objective %.8f (%d iterations, %.3f s)%n", set.name(), run.kernelFormula(), solverName,
                run.testAccuracy(), run.trainAccuracy(), run.nSupport(), run.b(), run.dualObjective(), run.iterations(),
                run.seconds());
        return run;
    }

    private DualSvmMetrics.Tables runAll(JavaSparkContext sc, OutputDir out) {
        return DualSvmRuns.tables(sc, dataSets, training, grid, partitions, this::log,
                markdown -> System.out.print("\n" + markdown), out.resolve(""));
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
        if (training.cascade() != null) {
            m.set(m.cascadePartitions(), cascadePartitions);
        }
        return m;
    }
}
