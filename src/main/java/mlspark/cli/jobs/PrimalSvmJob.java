package mlspark.cli.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import mlspark.cli.plot.PrimalSvmPlots;
import mlspark.data.DataSpec;
import mlspark.data.LabeledData;
import mlspark.data.BinaryDataSets;
import mlspark.data.SampleBlock;
import mlspark.data.SignedLabels;
import mlspark.data.TrainTest;
import mlspark.cli.CheckpointOptions;
import mlspark.cli.ImageSetOptions;
import mlspark.cli.CostOptions;
import mlspark.cli.JobFailure;
import mlspark.cli.KernelFeatureOptions;
import mlspark.cli.ParamsJob;
import mlspark.cli.ParamOptions;
import mlspark.cli.SaveModelOption;
import mlspark.cli.SourceOptions;
import mlspark.cli.metrics.DataSizes;
import mlspark.cli.metrics.PrimalSvmMetrics;
import mlspark.cli.output.Checkpoints;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.Provenance;
import mlspark.distributed.KernelFeatureRdds;
import mlspark.distributed.SampleBlocks;
import mlspark.kernel.KernelApproximation;
import mlspark.ml.PrimalSvmClassifier;
import mlspark.ml.PrimalSvmModel;
import mlspark.ml.PrimalSvmParams;
import mlspark.ml.PrimalSvmTrainingSummary;
import mlspark.mnist.ImageSet;
import mlspark.sources.DataSources;
import mlspark.svm.multiclass.ClassLabels;
import mlspark.svm.primal.EpochResult;
import mlspark.svm.primal.PrimalSvmState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code primal-svm}: the soft-margin SVM of a {@link PrimalSvmClassifier} (its Params are the
 * model options), trained once to the largest of a list of epoch counts and reported after each.
 * A driver-side set with three label values or more is a K-class set: its labels, any values, are
 * the classes 0..K-1 in order of first appearance (training rows, then test rows), reported as
 * {@code classes}, and K one-vs-rest SVMs are trained together (C for every class; C0/C1 are binary).
 */
@Command(name = "primal-svm", mixinStandardHelpOptions = true,
        description = "Soft-margin linear SVM, E(w,b) = 1/2|w|^2 + sum_i C_i hinge_i, by full-batch gradient descent "
                + "(or L-BFGS, or CoCoA+ on the dual) on Spark.")
public final class PrimalSvmJob extends SparkJob implements ParamsJob {
    /** Training points on which the kernel approximation's error is measured. */
    private static final int ERROR_SAMPLE = 500;

    @Option(names = "--data", paramLabel = "NAME|FILE|FORMAT:PATH",
            description = "hw3 (default), moons, circles, linearly_separable, xor, mnist, fashion-mnist (ten classes), "
                    + "a .npy/.npz/.csv/LIBSVM file, "
                    + "or libsvm:PATH, csv:PATH, parquet:PATH (any Hadoop path, read by the executors).")
    String data;

    @Option(names = "--test", paramLabel = "FILE|FORMAT:PATH",
            description = "Test set, for a CSV or LIBSVM training file or a FORMAT:PATH training set.")
    String test;

    @Mixin
    SourceOptions sources;

    @Mixin
    ImageSetOptions imageSets;

    @Option(names = "--storage", paramLabel = "TYPE")
    String storage;

    @Mixin
    CostOptions costs;

    @Option(names = {"--step-size", "--eta"}, paramLabel = "ETA")
    Double stepSize;

    @Option(names = "--schedule", paramLabel = "KIND")
    String schedule;

    @Option(names = "--decay", paramLabel = "R")
    Double decay;

    @Option(names = "--epochs", split = ",", paramLabel = "E,...",
            description = "Epoch counts to report; the largest is maxIter (default: ${DEFAULT-VALUE}).")
    int[] epochs;

    @Option(names = "--block-kib", paramLabel = "KIB")
    Integer blockKib;

    @Option(names = "--optimizer", paramLabel = "NAME")
    String optimizer;

    @Mixin
    CheckpointOptions checkpointing;

    @Mixin
    KernelFeatureOptions kernelFeatures;

    @Mixin
    SaveModelOption saveModel;

    private final PrimalSvmClassifier svm = new PrimalSvmClassifier();
    private TrainTest dataSet;
    /** The label values of a K-class set (K >= 3), null for a binary one. */
    private ClassLabels classes;
    private DataSources.Options sourceOptions;
    private int[] reported;
    private Checkpoints checkpoints;
    private int partitions;

    @Override
    public PrimalSvmClassifier params() {
        return svm;
    }

    @Override
    protected void prepare(Provenance provenance) {
        ParamOptions.apply(spec, svm);
        svm.stepSchedule();
        svm.featureKernel();
        if (epochs == null || epochs.length == 0) {
            throw JobFailure.usage("--epochs", "expected a list of epoch counts such as 1,3,10");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (int e : epochs) {
            sorted.add(JobFailure.requireNonNegative("--epochs", e));
        }
        reported = sorted.stream().mapToInt(Integer::intValue).toArray();
        svm.setMaxIter(reported[reported.length - 1]).setModelsAt(reported);
        options.partitions();
        saveModel.check(options.out);
        checkpoints = checkpoints(checkpointing);
        if (!svm.solvesDual() && !svm.minimizer().resumes() && (checkpointing.every > 0 || checkpointing.resume)) {
            throw JobFailure.usage("--optimizer", svm.getOptimizer()
                    + " does not checkpoint; drop --checkpoint-every and --resume");
        }
        sourceOptions = sources.options();
        String settings = svm.solvesDual()
                ? String.format("C0=%s C1=%s cocoa: B=%s, %d local passes, tol %s", svm.getC0(), svm.getC1(),
                svm.getBiasFeature(), svm.getLocalPasses(), svm.getTol())
                : String.format("C0=%s C1=%s eta=%s (%s)", svm.getC0(), svm.getC1(), svm.getStepSize(), svm.getSchedule());
        ImageSet images = imageSets.imageSet(data);
        if (DataSpec.isSource(data)) {
            if (!PrimalSvmParams.NO_FEATURES.equals(svm.getFeatures())) {
                throw JobFailure.usage("--features", "kernel features need a named set or a file, not " + data);
            }
            log(String.format("data %s, test %s (read by the executors); %s", data, test, settings));
            return;
        }
        if (DataSpec.isSource(test)) {
            throw JobFailure.usage("--test", test + " needs a libsvm:, csv: or parquet: training set, got --data " + data);
        }
        if (images != null) {
            dataSet = withClasses(imageSets.rows(images, test, options.dataDir(), provenance, this::log));
        } else {
            dataSet = withClasses(BinaryDataSets.read(DataSpec.parse(data), test == null ? null : java.nio.file.Path.of(test),
                    options.dataDir()));
            recordInputs(provenance);
        }
        SignedLabels.requireBothClasses(dataSet.train());
        partitions = options.partitions(dataSet.train().size(), this::log);
        log(String.format("data %s: %d train, %d test, %d features; %s", dataSet.name(), dataSet.train().size(),
                dataSet.test().size(), dataSet.train().dimension(), classes == null ? settings
                        : classes.numClasses() + " classes " + classes + " one-vs-rest, C=" + svm.getC()));
    }

    @Override
    protected PrimalSvmMetrics run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        String name;
        int d;
        JavaRDD<SampleBlock> blocks;
        JavaRDD<SampleBlock> testBlocks;
        if (dataSet == null) {
            DataSources.Input input = DataSources.read(spark, data, test, sourceOptions, this::log);
            name = data;
            d = input.dimension();
            SampleBlocks.Layout layout = SampleBlocks.Layout.ofKib(d, svm.getBlockKib(), svm.blockStorage());
            blocks = SampleBlocks.of(input.train(), layout, input.zeroIsNegative(), data);
            testBlocks = SampleBlocks.of(input.test(), layout, input.zeroIsNegative(), test);
            provenance.source("train", DataSources.provenance(spark, input.trainSpec(), sourceOptions, d));
            provenance.source("test", DataSources.provenance(spark, input.testSpec(), sourceOptions, d));
        } else {
            name = dataSet.name();
            d = dataSet.train().dimension();
            SampleBlocks.Layout layout = SampleBlocks.Layout.ofKib(d, svm.getBlockKib(), svm.blockStorage());
            blocks = blocks(SampleBlocks.rows(spark, dataSet.train(), partitions), layout, name);
            testBlocks = blocks(SampleBlocks.rows(spark, dataSet.test(), partitions), layout, name);
        }
        long[] trainCount = count(blocks);
        long[] testCount = count(testBlocks);
        long nTrain = trainCount[0];
        long nTest = testCount[0];
        log(String.format("%s: %d train, %d test, %d features, %d + %d blocks (%s)", name, nTrain, nTest, d,
                trainCount[1], testCount[1], svm.getStorage()));
        int maxEpochs = svm.getMaxIter();
        OutputDir modelDir = saveModel.requested() ? otherOutput("--save-model", saveModel.dir) : null;
        int every = Math.max(1, maxEpochs / 10);
        if (svm.solvesDual()) {
            svm.setRoundListener(r -> {
                if (Arrays.binarySearch(reported, r.round()) >= 0 || r.round() % every == 0 || r.relativeGap() <= svm.getTol()) {
                    log(String.format("round %d/%d  objective %s  dual %s  gap %s (%.3g relative)", r.round(), maxEpochs,
                            Readable.number(r.objective()), Readable.number(r.dualObjective()),
                            Readable.number(r.dualityGap()), r.relativeGap()));
                }
            });
        } else {
            String step = svm.minimizer().searchesLines() ? "iteration" : "epoch";
            svm.setEpochListener(r -> {
                if (Arrays.binarySearch(reported, r.epoch()) >= 0 || r.epoch() % every == 0) {
                    log(String.format("%s %d/%d  objective %s", step, r.epoch(), maxEpochs, Readable.number(r.objective())));
                }
            });
        }
        svm.setInitialState(checkpointing.resumeFrom(checkpoints, PrimalSvmState.class, this::log))
                .setStateListener(checkpointing.saver(checkpoints));
        PrimalSvmModel model = svm.fit(blocks, d, classes == null ? 2 : classes.numClasses());
        PrimalSvmTrainingSummary summary = model.summary();
        checkpoints.delete();

        PrimalSvmMetrics.Features featureReport = null;
        KernelApproximation z = model.featureMap();
        if (z != null) {
            featureReport = featureReport(model, d);
            blocks = KernelFeatureRdds.map(blocks, z, nTrain, svm.getBlockKib());
            testBlocks = KernelFeatureRdds.map(testBlocks, z, nTest, svm.getBlockKib());
            d = z.components();
        }
        List<PrimalSvmMetrics.Run> runs = PrimalSvmMetrics.runs(summary.history(), summary.dualRounds(), reported, blocks,
                testBlocks);
        double[] testAccuracy = runs.stream().mapToDouble(PrimalSvmMetrics.Run::testAccuracy).toArray();
        blocks.unpersist();
        testBlocks.unpersist();
        if (modelDir != null) {
            saveModel.save(model, modelDir);
        }
        printTable(runs);
        writeHistory(out, summary.history());
        PrimalSvmPlots.save(summary.history(), reported, testAccuracy, name, out.resolve("primal_svm.png"));

        return new PrimalSvmMetrics(new DataSizes(name, nTrain, nTest, d), classes == null ? null : classes.values(),
                new PrimalSvmMetrics.Config(classes == null ? svm.getC0() : svm.getC(),
                        classes == null ? svm.getC1() : svm.getC(), svm.getStepSize(), svm.getSchedule(),
                        svm.getDecay(), blocks.getNumPartitions(), svm.getBlockKib(), svm.getOptimizer(), svm.getStorage(),
                        svm.solvesDual() ? svm.getBiasFeature() : null, svm.solvesDual() ? svm.getLocalPasses() : null,
                        svm.solvesDual() ? svm.getTol() : null),
                summary.trainSeconds(), summary.passes(), summary.rounds(), featureReport, runs);
    }

    /** Errors of the library name Params; maxIter is the largest of --epochs here. */
    @Override
    public Map<String, String> parameterFlags() {
        Map<String, String> flags = new HashMap<>(super.parameterFlags());
        flags.put("maxIter", "--epochs");
        return flags;
    }

    /**
     * {@code raw} with -1/+1 labels when it has two label values or fewer (as every binary set), else
     * with the class indices of its labels in order of first appearance, kept in {@link #classes}.
     */
    private TrainTest withClasses(TrainTest raw) {
        double[] labels = java.util.stream.DoubleStream.concat(Arrays.stream(raw.train().y()), Arrays.stream(raw.test().y()))
                .toArray();
        ClassLabels found = ClassLabels.inOrderOfAppearance(labels);
        if (found.numClasses() <= 2) {
            return BinaryDataSets.signed(raw, this::log);
        }
        classes = found;
        return new TrainTest(raw.name(), indexed(raw.train()), indexed(raw.test()));
    }

    private LabeledData indexed(LabeledData data) {
        return new LabeledData(data.x(), Arrays.stream(classes.classIndices(data.y())).asDoubleStream().toArray(),
                data.source());
    }

    /** Blocks of a binary set (labels -1/+1) or of {@link #classes}. */
    private JavaRDD<SampleBlock> blocks(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows,
                                        SampleBlocks.Layout layout, String name) {
        return classes == null ? SampleBlocks.of(rows, layout, false, name)
                : SampleBlocks.ofClasses(rows, layout, classes.numClasses(), name);
    }

    /** {rows, blocks} of {@code blocks}, in one pass. */
    private static long[] count(JavaRDD<SampleBlock> blocks) {
        return blocks.map(b -> new long[]{b.size(), 1}).fold(new long[2], (a, b) -> new long[]{a[0] + b[0], a[1] + b[1]});
    }

    /** What the model's features are and their kernel error on {@value #ERROR_SAMPLE} training points drawn with the seed. */
    private PrimalSvmMetrics.Features featureReport(PrimalSvmModel model, int d) {
        KernelApproximation z = model.featureMap();
        int n = dataSet.train().size();
        int m = Math.min(ERROR_SAMPLE, n);
        java.util.Random random = new java.util.Random(svm.getSeed());
        double[] sample = new double[m * d];
        for (int i = 0; i < m; i++) {
            System.arraycopy(dataSet.train().x()[random.nextInt(n)], 0, sample, i * d, d);
        }
        double[] error = KernelApproximation.error(z, model.featureKernel().kernel(dataSet.train().x()), sample, m, d);
        log(String.format("%s: %d features; |z(x).z(x') - k(x, x')| on %d training points: max %.4g, mean %.4g",
                z.describe(), z.components(), m, error[0], error[1]));
        return new PrimalSvmMetrics.Features(svm.getFeatures(), z.components(), svm.getComponents(), z.describe(),
                svm.getSeed(), KernelFeatureRdds.cached(n, z.components()), m, error[0], error[1]);
    }

    private void recordInputs(Provenance provenance) {
        BinaryDataSets.files(DataSpec.parse(data), test == null ? null : java.nio.file.Path.of(test), options.dataDir())
                .forEach(provenance::input);
    }

    private void printTable(List<PrimalSvmMetrics.Run> runs) {
        StringBuilder table = new StringBuilder(String.format("%n%7s  %-52s %10s %9s %12s%n", "epochs", "w", "b",
                "test acc", "objective"));
        for (PrimalSvmMetrics.Run r : runs) {
            if (r.weights() != null) {
                table.append(String.format("%7d  %-52s %10s %9.4f %12.4f%n", r.epochs(), "(" + r.weights().length
                        + " classes x " + r.weights()[0].length + " weights)", "", r.testAccuracy(), r.objective()));
                continue;
            }
            double[] w = r.w();
            StringBuilder ws = new StringBuilder("[");
            for (int j = 0; j < Math.min(w.length, 8); j++) {
                ws.append(j == 0 ? "" : ", ").append(String.format("%.4f", w[j]));
            }
            if (w.length > 8) {
                ws.append(", ... (").append(w.length).append(")");
            }
            table.append(String.format("%7d  %-52s %10.5f %9.4f %12.4f%n", r.epochs(), ws + "]", r.b(),
                    r.testAccuracy(), r.objective()));
        }
        System.out.print(table);
    }

    private static void writeHistory(OutputDir out, List<EpochResult> history) {
        StringBuilder csv = new StringBuilder("epoch,objective\n");
        for (EpochResult r : history) {
            csv.append(r.epoch()).append(',').append(r.objective()).append('\n');
        }
        try {
            Files.writeString(out.resolve("objective.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
