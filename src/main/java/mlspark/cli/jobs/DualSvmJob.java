package mlspark.cli.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.SparkSession;

import mlspark.cli.ImageSetOptions;
import mlspark.cli.CostOptions;
import mlspark.cli.JobFailure;
import mlspark.cli.ParamOptions;
import mlspark.cli.ParamsJob;
import mlspark.cli.SaveModelOption;
import mlspark.cli.SourceOptions;
import mlspark.data.DataSpec;
import mlspark.cli.metrics.DualSvmMetrics;
import mlspark.cli.metrics.DualSvmRuns;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.Provenance;
import mlspark.data.BinaryDataSets;
import mlspark.data.SignedLabels;
import mlspark.data.TrainTest;
import mlspark.ml.KernelSvmClassifier;
import mlspark.ml.KernelSvmExperiments;
import mlspark.ml.KernelSvmExperiments.Evaluation;
import mlspark.mnist.ImageSet;
import mlspark.svm.multiclass.ClassLabels;
import mlspark.sources.DataSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dual-svm}: the kernel SVM by its dual QP, a {@link KernelSvmClassifier} whose Params the
 * model options set, fitted on the training set (interior point or SMO on the driver, the Gram matrix
 * and the predictions computed by Spark; or the cascade on the executors). {@code --all}: the
 * assignment's two 4 x 4 tables of test accuracy (toy sets x kernels) with their decision-boundary grids.
 * A training set whose labels are not a binary set ({-1, +1} or {0, 1}), a file or a source, is multi-class
 * ({@link SvmClasses}, LIBSVM's semantics): its label values become the class indices 0..K-1 in order of first
 * appearance in the training rows ({@code classes} in metrics.json), and the classifier trains one-vs-one.
 */
@Command(name = "dual-svm", mixinStandardHelpOptions = true,
        description = "Kernel SVM by its dual QP: Gram matrix and predictions on Spark, the QP on the driver.")
public final class DualSvmJob extends SparkJob implements ParamsJob {
    private static final List<String> MODEL_OPTIONS = List.of("--data", "--test", "--kernel", "--gamma", "--degree",
            "--coef0", "--C", "--C0", "--C1", "--save-model", "--normalize",
            "--verify-checksums");

    private final KernelSvmClassifier svm = new KernelSvmClassifier();

    @Option(names = "--data", paramLabel = "NAME|FILE|FORMAT:PATH",
            description = "moons (default), circles, linearly_separable, xor, hw3, mnist, fashion-mnist (ten classes), "
                    + "a .npy/.npz/.csv/LIBSVM file, "
                    + "or libsvm:PATH, csv:PATH, parquet:PATH (any Hadoop path, read by the executors; the QP "
                    + "gathers the points on the driver, sparse rows sparse).")
    String data;

    @Option(names = "--test", paramLabel = "FILE|FORMAT:PATH",
            description = "Test set, for a CSV or LIBSVM training file or a FORMAT:PATH training set.")
    String test;

    @Mixin
    SourceOptions sources;

    @Mixin
    ImageSetOptions imageSets;

    // The model: each option sets the classifier's Param of its name, whose default and doc it shows (ParamOptions).
    @Option(names = "--kernel", paramLabel = "NAME")
    String kernel;

    @Option(names = "--gamma", paramLabel = "G|scale")
    String gamma;

    @Option(names = "--degree", paramLabel = "D")
    Integer degree;

    @Option(names = "--coef0", paramLabel = "R")
    Double coef0;

    @Mixin
    CostOptions costs;

    @Option(names = "--solver", paramLabel = "NAME")
    String solver;

    @Option(names = "--cascade-partitions", paramLabel = "P")
    Integer cascadePartitions;

    @Option(names = "--working-set-size", paramLabel = "Q")
    Integer workingSetSize;

    @Option(names = "--kernel-precision", paramLabel = "float64|float32")
    String kernelPrecision;

    @Option(names = "--sv-threshold", paramLabel = "T")
    Double svThreshold;

    @Option(names = "--bias-rule", paramLabel = "RULE")
    String biasRule;

    @Option(names = {"--tol", "--eps"}, paramLabel = "E")
    Double tol;

    @Option(names = {"--max-iter", "--max-iterations"}, paramLabel = "N")
    Integer maxIter;

    @Option(names = "--probability", negatable = true, fallbackValue = "true")
    Boolean probability;

    @Option(names = "--seed", paramLabel = "N")
    Long seed;

    @Option(names = "--grid", paramLabel = "N", description = "Plot grid points per axis (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--all", description = "All four toy sets x four kernels, twice: the assignment's model "
            + "(C=1, gamma=0.2, degree 3, coef0 0) and scikit-learn SVC's defaults (C=1, gamma=scale).")
    boolean all;

    @Mixin
    SaveModelOption saveModel;

    private final List<TrainTest> dataSets = new ArrayList<>();
    private int partitions;
    /** Set for a FORMAT:PATH training set, read in {@link #run}. */
    private DataSources.Options sourceOptions;
    /** A multi-class training set: the label values of its classes, in class-index order; null for two classes. */
    private ClassLabels classes;

    @Override
    public Params params() {
        return svm;
    }

    @Override
    protected void prepare(Provenance provenance) {
        options.partitions();
        saveModel.check(options.out);
        ParamOptions.apply(spec, svm);
        if (grid < 10) {
            throw JobFailure.usage("--grid", "expected an integer >= 10, got " + grid);
        }
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
            ImageSet images = imageSets.imageSet(data);
            if (DataSpec.isSource(data)) {
                sourceOptions = sources.options();
                log(String.format("data %s, test %s (read by the executors, gathered for the QP)", data, test));
                return;
            }
            if (DataSpec.isSource(test)) {
                throw JobFailure.usage("--test", test + " needs a libsvm:, csv: or parquet: training set, got --data " + data);
            }
            TrainTest given = images != null ? imageSets.rows(images, test, options.dataDir(), provenance, this::log)
                    : BinaryDataSets.read(DataSpec.parse(data), test == null ? null : Path.of(test), options.dataDir());
            classes = SvmClasses.of(SvmClasses.distinct(given.train()), given.train().source());
            dataSets.add(classes == null ? BinaryDataSets.signed(given, this::log) : indexed(given));
        }
        for (TrainTest set : dataSets) {
            // the sources are the files read (provenance skips anything else)
            provenance.input(Path.of(set.train().source()));
            provenance.input(Path.of(set.test().source()));
            SignedLabels.requireBothClasses(set.train());
        }
        partitions = options.partitions(dataSets.stream().mapToInt(s -> s.train().size()).max().getAsInt(), this::log);
    }

    /** The set with its labels as the class indices of {@link #classes} ({@link SvmClasses#indexed}). */
    private TrainTest indexed(TrainTest given) {
        logClasses(given.name());
        return SvmClasses.indexed(given, classes);
    }

    private void logClasses(String name) {
        log(String.format("%s: %d classes, labels %s as classes 0..%d", name, classes.numClasses(), classes,
                classes.numClasses() - 1));
    }

    /**
     * A FORMAT:PATH training and test set, read by the executors and gathered on the driver (the
     * dual QP holds every training point there; sparse rows stay sparse, {@link DataSources#collect}).
     */
    private TrainTest readSources(SparkSession spark, Provenance provenance) {
        DataSources.Labeled read = DataSources.readLabeled(spark, data, test, sourceOptions);
        classes = SvmClasses.of(read.trainLabels(), read.trainSpec().path());
        DataSources.Input input = classes == null ? read.binary(this::log) : read.withClasses(classes);
        if (classes != null) {
            logClasses(data);
        }
        int d = input.dimension();
        provenance.source("train", DataSources.provenance(spark, input.trainSpec(), sourceOptions, d));
        provenance.source("test", DataSources.provenance(spark, input.testSpec(), sourceOptions, d));
        TrainTest set = new TrainTest(data, DataSources.collect(input, false), DataSources.collect(input, true));
        partitions = options.partitions(set.train().size(), this::log);
        log(String.format("data %s: %d train, %d test, %d features", data, set.train().size(), set.test().size(), d));
        return set;
    }

    @Override
    protected Object run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        if (sourceOptions != null) {
            dataSets.add(readSources(spark, provenance));
        }
        if (all) {
            return DualSvmRuns.tables(spark, dataSets, svm, grid, partitions, this::log,
                    markdown -> System.out.print("\n" + markdown), out.resolve(""));
        }
        TrainTest set = dataSets.get(0);
        svm.setProgressListener(this::log);
        OutputDir modelDir = saveModel.requested() ? otherOutput("--save-model", saveModel.dir) : null;
        if (classes != null) {
            KernelSvmExperiments.ClassEvaluation e = KernelSvmExperiments.evaluateClasses(spark, set, svm, partitions,
                    this::log);
            if (modelDir != null) {
                saveModel.save(e.model(), modelDir);
            }
            DualSvmMetrics.Classes run = DualSvmMetrics.Classes.of(e, classes.values(),
                    DualSvmMetrics.Config.of(svm, partitions));
            System.out.printf("%n%s, %d classes, %s, %s: test accuracy %.4f%s, train accuracy %.4f, %d support vectors, "
                            + "%d class pairs (%d iterations), %.3f s%n", set.name(), classes.numClasses(),
                    run.kernelFormula(), run.solver(), run.testAccuracy(), run.testLogLoss() == null ? ""
                            : String.format(", test log loss %.4f", run.testLogLoss()), run.trainAccuracy(),
                    run.nSupport(), run.pairs().size(), run.iterations(), run.seconds());
            return run;
        }
        Evaluation e = DualSvmRuns.one(spark, set, svm, grid, partitions, this::log, out.resolve(""));
        if (modelDir != null) {
            saveModel.save(e.model(), modelDir);
        }
        DualSvmMetrics.Run run = DualSvmMetrics.Run.of(null, e, DualSvmMetrics.Config.of(svm, partitions));
        System.out.printf("%n%s, %s, %s: test accuracy %.4f, train accuracy %.4f, %d support vectors, b = %.6f, "
                        + "dual objective %.8f (%d iterations, %.3f s)%n", set.name(), run.kernelFormula(), run.solver(),
                run.testAccuracy(), run.trainAccuracy(), run.nSupport(), run.b(), run.dualObjective(), run.iterations(),
                run.seconds());
        return run;
    }
}
