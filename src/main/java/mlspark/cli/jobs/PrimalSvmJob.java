package mlspark.cli.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.ml.util.Identifiable;

import mlspark.cli.plot.PrimalSvmPlots;
import mlspark.data.DataSpec;
import mlspark.data.BinaryDataSets;
import mlspark.data.FeatureBlock;
import mlspark.data.SampleBlock;
import mlspark.data.SignedLabels;
import mlspark.data.TrainTest;
import mlspark.cli.JobFailure;
import mlspark.cli.output.Checkpoints;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.Provenance;
import mlspark.optim.StepSchedule;
import mlspark.cli.metrics.DataSizes;
import mlspark.cli.metrics.PrimalSvmMetrics;
import mlspark.sources.DataSources;
import mlspark.distributed.SampleBlocks;
import mlspark.svm.ClassCosts;
import mlspark.training.PrimalSvmTrainer;
import mlspark.training.PrimalSvmTrainer.EpochResult;
import mlspark.cli.CheckpointOptions;
import mlspark.cli.KernelFeatureOptions;
import mlspark.kernel.KernelApproximation;
import mlspark.kernel.KernelSpec;
import mlspark.kernel.NystromFeatures;
import mlspark.kernel.RandomFourierFeatures;
import mlspark.distributed.KernelFeatureRdds;
import mlspark.cli.SourceOptions;
import mlspark.cli.SaveModelOption;
import mlspark.ml.PrimalSvmModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code primal-svm}: the soft-margin SVM by batch gradient descent, for each epoch count of a list. */
@Command(name = "primal-svm", mixinStandardHelpOptions = true,
        description = "Soft-margin linear SVM, E(w,b) = 1/2|w|^2 + sum_i C_i hinge_i, by full-batch gradient descent on Spark.")
public final class PrimalSvmJob extends SparkJob {
    /** Training points on which the kernel approximation's error is measured. */
    private static final int ERROR_SAMPLE = 500;

    @Option(names = "--data", paramLabel = "NAME|FILE|FORMAT:PATH",
            description = "hw3 (default), moons, circles, linearly_separable, xor, a .npy/.npz/.csv/LIBSVM file, "
                    + "or libsvm:PATH, csv:PATH, parquet:PATH (any Hadoop path, read by the executors).")
    String data;

    @Option(names = "--test", paramLabel = "FILE|FORMAT:PATH",
            description = "Test set, for a CSV or LIBSVM training file or a FORMAT:PATH training set.")
    String test;

    @Mixin
    SourceOptions sources;

    @Option(names = "--storage", paramLabel = "TYPE",
            description = "Values of dense blocks: float64 (default) or float32 (half the memory; sums still in double).")
    String storage;

    @Option(names = "--C", paramLabel = "C", description = "Cost of a margin violation (default: ${DEFAULT-VALUE}).")
    double c;

    @Option(names = "--C0", paramLabel = "C0", description = "Cost for label -1 samples (default: --C).")
    Double c0;

    @Option(names = "--C1", paramLabel = "C1", description = "Cost for label +1 samples (default: --C).")
    Double c1;

    @Option(names = "--eta", paramLabel = "ETA", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--schedule", paramLabel = "KIND",
            description = "Learning-rate schedule: constant (default), inverse (eta/(1+decay*t)), exponential (eta*decay^t).")
    String schedule;

    @Option(names = "--decay", paramLabel = "R", description = "Decay of the inverse or exponential schedule (default: ${DEFAULT-VALUE}).")
    double decay;

    @Option(names = "--epochs", split = ",", paramLabel = "E,...",
            description = "Epoch counts to report (default: ${DEFAULT-VALUE}).")
    int[] epochs;

    @Option(names = "--block-kib", paramLabel = "KIB", description = "Size of the BLAS blocks of samples in KiB (default: ${DEFAULT-VALUE}).")
    int blockKib;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "gd (the assignment's gradient descent on the hinge loss) or lbfgs (L-BFGS on the squared "
                    + "hinge, epochs = iterations) (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Mixin
    CheckpointOptions checkpointing;

    @Mixin
    KernelFeatureOptions kernelFeatures;

    private KernelSpec kernelSpec;

    @Mixin
    SaveModelOption saveModel;

    private TrainTest dataSet;
    private DataSources.Options sourceOptions;
    private FeatureBlock.Storage blockStorage;
    private ClassCosts costs;
    private StepSchedule steps;
    private int[] reported;
    private Checkpoints checkpoints;
    private int partitions;

    /** The library's parameter names this job spells otherwise (errors of the math layer name parameters). */
    private static final Map<String, String> FLAGS = Map.of("stepSize", "--eta", "maxIter", "--epochs");

    @Override
    protected void prepare(Provenance provenance) {
        costs = new ClassCosts(c0 != null ? c0 : JobFailure.requirePositive("--C", c),
                c1 != null ? c1 : JobFailure.requirePositive("--C", c));
        JobFailure.requirePositive("--eta", eta);
        steps = switch (schedule) {
            case "constant" -> StepSchedule.constant(eta);
            case "inverse" -> StepSchedule.inverseTime(eta, nonNegative("--decay", decay));
            case "exponential" -> StepSchedule.exponential(eta, JobFailure.requirePositive("--decay", decay));
            default -> throw JobFailure.usage("--schedule", "'" + schedule + "' is not one of constant, inverse, exponential");
        };
        if (epochs == null || epochs.length == 0) {
            throw JobFailure.usage("--epochs", "expected a list of epoch counts such as 1,3,10");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (int e : epochs) {
            sorted.add(JobFailure.requireNonNegative("--epochs", e));
        }
        reported = sorted.stream().mapToInt(Integer::intValue).toArray();
        if (blockKib < 1) {
            throw JobFailure.usage("--block-kib", "expected an integer >= 1, got " + blockKib);
        }
        options.partitions();
        saveModel.check(options.out);
        checkpoints = checkpoints(checkpointing);
        if (!optimizer.equals("gd") && !optimizer.equals("lbfgs")) {
            throw JobFailure.usage("--optimizer", "'" + optimizer + "' is not one of gd, lbfgs");
        }
        if (optimizer.equals("lbfgs") && (checkpointing.every > 0 || checkpointing.resume)) {
            throw JobFailure.usage("--optimizer", "lbfgs does not checkpoint; drop --checkpoint-every and --resume");
        }
                blockStorage = switch (storage) {
            case "float64" -> FeatureBlock.Storage.FLOAT64;
            case "float32" -> FeatureBlock.Storage.FLOAT32;
            default -> throw JobFailure.usage("--storage", "'" + storage + "' is not one of float64, float32");
        };
        sourceOptions = sources.options();
        if (DataSpec.isSource(data)) {
            if (kernelFeatures.enabled()) {
                throw JobFailure.usage("--features", "kernel features need a named set or a file, not " + data);
            }
            log(String.format("data %s, test %s (read by the executors); C0=%s C1=%s eta=%s (%s)", data, test,
                    costs.c0(), costs.c1(), eta, schedule));
            return;
        }
        if (DataSpec.isSource(test)) {
            throw JobFailure.usage("--test", test + " needs a libsvm:, csv: or parquet: training set, got --data " + data);
        }
        dataSet = BinaryDataSets.load(data, test == null ? null : java.nio.file.Path.of(test), options.dataDir(), this::log);
        SignedLabels.requireBothClasses(dataSet.train());
        partitions = options.partitions(dataSet.train().size(), this::log);
        kernelSpec = kernelFeatures.check(dataSet.train());
        if (kernelSpec != null && saveModel.requested()) {
            throw JobFailure.usage("--save-model", "a model on --features " + kernelFeatures.features
                    + " needs its feature map, which PrimalSvmModel does not hold; drop --save-model");
        }
        recordInputs(provenance);
        log(String.format("data %s: %d train, %d test, %d features; C0=%s C1=%s eta=%s (%s)", dataSet.name(),
                dataSet.train().size(), dataSet.test().size(), dataSet.train().dimension(), costs.c0(), costs.c1(),
                eta, schedule));
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
            SampleBlocks.Layout layout = SampleBlocks.Layout.ofKib(d, blockKib, blockStorage);
            blocks = SampleBlocks.of(input.train(), layout, input.zeroIsNegative(), data);
            testBlocks = SampleBlocks.of(input.test(), layout, input.zeroIsNegative(), test);
            provenance.source("train", DataSources.provenance(spark, input.trainSpec(), sourceOptions, d));
            provenance.source("test", DataSources.provenance(spark, input.testSpec(), sourceOptions, d));
        } else {
            name = dataSet.name();
            d = dataSet.train().dimension();
            SampleBlocks.Layout layout = SampleBlocks.Layout.ofKib(d, blockKib, blockStorage);
            blocks = SampleBlocks.of(SampleBlocks.rows(spark, dataSet.train(), partitions), layout, false, name);
            testBlocks = SampleBlocks.of(SampleBlocks.rows(spark, dataSet.test(), partitions), layout, false, name);
        }
        long[] trainCount = count(blocks);
        long[] testCount = count(testBlocks);
        long nTrain = trainCount[0];
        long nTest = testCount[0];
        log(String.format("%s: %d train, %d test, %d features, %d + %d blocks (%s)", name, nTrain, nTest, d,
                trainCount[1], testCount[1], storage));
        PrimalSvmMetrics.Features featureReport = null;
        if (kernelSpec != null) {
            KernelApproximation z = approximation(blocks, d);
            featureReport = featureReport(z, d);
            blocks = KernelFeatureRdds.map(blocks, z, nTrain, blockKib);
            testBlocks = KernelFeatureRdds.map(testBlocks, z, nTest, blockKib);
            d = z.components();
        }
        int maxEpochs = reported[reported.length - 1];
        OutputDir modelDir = saveModel.requested() ? otherOutput("--save-model", saveModel.dir) : null;
        boolean lbfgs = optimizer.equals("lbfgs");
        PrimalSvmTrainer trainer = new PrimalSvmTrainer(blocks, d, costs, steps, lbfgs);
        int every = Math.max(1, maxEpochs / 10);
        java.util.function.Consumer<EpochResult> progress = r -> {
            if (Arrays.binarySearch(reported, r.epoch()) >= 0 || r.epoch() % every == 0) {
                log(String.format("%s %d/%d  objective %s", lbfgs ? "iteration" : "epoch", r.epoch(), maxEpochs,
                        Readable.number(r.objective())));
            }
        };
        long trainStart = System.nanoTime();
        List<EpochResult> history = lbfgs ? trainer.trainLbfgs(maxEpochs, reported, progress) : trainer.train(maxEpochs,
                reported, progress, checkpointing.resumeFrom(checkpoints, PrimalSvmTrainer.State.class, this::log),
                checkpointing.saver(checkpoints));
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        checkpoints.delete();

        List<PrimalSvmMetrics.Run> runs = PrimalSvmMetrics.runs(history, reported, blocks, testBlocks);
        double[] testAccuracy = runs.stream().mapToDouble(PrimalSvmMetrics.Run::testAccuracy).toArray();
        blocks.unpersist();
        testBlocks.unpersist();
        if (modelDir != null) {
            // the model of the largest reported epoch count, as the library's model
            PrimalSvmModel model = new PrimalSvmModel(Identifiable.randomUID("primalSvm"), history.get(maxEpochs).model());
            model.set(model.C(), c).set(model.C0(), costs.c0()).set(model.C1(), costs.c1()).set(model.stepSize(), eta)
                    .set(model.maxIter(), maxEpochs).set(model.schedule(), schedule).set(model.decay(), decay)
                    .set(model.blockKib(), blockKib);
            saveModel.save(model, modelDir);
        }
        printTable(runs);
        writeHistory(out, history);
        PrimalSvmPlots.save(history, reported, testAccuracy, name, out.resolve("primal_svm.png"));

        return new PrimalSvmMetrics(new DataSizes(name, nTrain, nTest, d),
                new PrimalSvmMetrics.Config(costs.c0(), costs.c1(), eta, schedule, decay, blocks.getNumPartitions(),
                        blockKib, optimizer, storage),
                trainSeconds, lbfgs ? trainer.evaluations() : null, featureReport, runs);
    }

    /** {rows, blocks} of {@code blocks}, in one pass. */
    private static long[] count(JavaRDD<SampleBlock> blocks) {
        return blocks.map(b -> new long[]{b.size(), 1}).fold(new long[2], (a, b) -> new long[]{a[0] + b[0], a[1] + b[1]});
    }

    @Override
    public Map<String, String> parameterFlags() {
        return FLAGS;
    }

    /** Random Fourier features, or Nystrom features of landmarks sampled on the executors. */
    private KernelApproximation approximation(JavaRDD<SampleBlock> blocks, int d) {
        int m = kernelFeatures.components;
        if (kernelFeatures.features.equals(KernelFeatureOptions.RFF)) {
            return RandomFourierFeatures.sample(kernelSpec.gammaFor(dataSet.train().x()), m, d, kernelFeatures.seed);
        }
        double[] landmarks = KernelFeatureRdds.sampleLandmarks(blocks, m, kernelFeatures.seed);
        log("Nystrom: " + m + " landmarks sampled on the executors; eigendecomposition of their Gram matrix");
        return NystromFeatures.of(kernelSpec.kernel(dataSet.train().x()), landmarks, d);
    }

    /** What the features are and their kernel error on {@value #ERROR_SAMPLE} training points drawn with the seed. */
    private PrimalSvmMetrics.Features featureReport(KernelApproximation z, int d) {
        int n = dataSet.train().size();
        int m = Math.min(ERROR_SAMPLE, n);
        java.util.Random random = new java.util.Random(kernelFeatures.seed);
        double[] sample = new double[m * d];
        for (int i = 0; i < m; i++) {
            System.arraycopy(dataSet.train().x()[random.nextInt(n)], 0, sample, i * d, d);
        }
        double[] error = KernelApproximation.error(z, kernelSpec.kernel(dataSet.train().x()), sample, m, d);
        log(String.format("%s: %d features; |z(x).z(x') - k(x, x')| on %d training points: max %.4g, mean %.4g",
                z.describe(), z.components(), m, error[0], error[1]));
        return new PrimalSvmMetrics.Features(kernelFeatures.features, z.components(), kernelFeatures.components,
                z.describe(), kernelFeatures.seed, KernelFeatureRdds.cached(n, z.components()), m, error[0], error[1]);
    }

    private void recordInputs(Provenance provenance) {
        BinaryDataSets.files(DataSpec.parse(data), test == null ? null : java.nio.file.Path.of(test), options.dataDir())
                .forEach(provenance::input);
    }

    private static double nonNegative(String option, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw JobFailure.usage(option, "expected a finite number >= 0, got " + value);
        }
        return value;
    }

    private void printTable(List<PrimalSvmMetrics.Run> runs) {
        StringBuilder table = new StringBuilder(String.format("%n%7s  %-52s %10s %9s %12s%n", "epochs", "w", "b",
                "test acc", "objective"));
        for (PrimalSvmMetrics.Run r : runs) {
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
