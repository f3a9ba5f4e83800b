package mlspark.cli.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLWritable;

import mlspark.cli.plot.TwoLayerNetPlots;
import mlspark.cli.JobFailure;
import mlspark.cli.output.OutputDir;
import mlspark.cli.output.Provenance;
import mlspark.mnist.ImageSet;
import mlspark.mnist.Mnist;
import mlspark.mnist.Normalization;
import mlspark.nn.Precision;
import mlspark.cli.output.Checkpoints;
import mlspark.nn.Solver;
import mlspark.nn.TwoLayerNet;
import mlspark.nn.UpdateRule;
import mlspark.cli.metrics.TwoLayerNetMetrics;
import mlspark.distributed.DistributedNetData;
import mlspark.cli.CheckpointOptions;
import mlspark.cli.ImageSetOptions;
import mlspark.cli.SourceOptions;
import mlspark.data.DataSpec;
import mlspark.sources.DataSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import mlspark.cli.SaveModelOption;
import mlspark.ml.TwoLayerNetModel;

/** {@code two-layer-net}: the assignment's two-layer net on MNIST, trained on Spark by mini-batch gradient aggregation. */
@Command(name = "two-layer-net", mixinStandardHelpOptions = true,
        description = "Two-layer net (affine-ReLU-affine-softmax) on MNIST: mini-batch gradients summed over partitions on Spark.")
public final class TwoLayerNetJob extends SparkJob {
    @Option(names = "--mnist", paramLabel = "DIR|FILE",
            description = "MNIST: a directory of the four IDX files (.gz or raw) or of mnist.npz, or an .npz file (default: DATA-DIR/mnist).")
    Path mnist;

    @Option(names = "--data", paramLabel = "NAME|FORMAT:PATH",
            description = "mnist (the default; see --mnist) or fashion-mnist (DATA-DIR/fashion-mnist), or training rows as "
                    + "libsvm:PATH, csv:PATH or parquet:PATH (any Hadoop path, read by the executors; sparse rows densified "
                    + "into the blocks), labels class indices 0..K-1, with --test.")
    String data;

    @Option(names = "--test", paramLabel = "FORMAT:PATH", description = "Test rows for --data, in the same form.")
    String test;

    @Mixin
    SourceOptions sources;

    @Option(names = "--validation", paramLabel = "N", description = "Last N training images held out for validation (default: ${DEFAULT-VALUE}).")
    int validation;

    @Mixin
    ImageSetOptions imageSets;

    @Option(names = "--hidden", paramLabel = "H", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--init", paramLabel = "KIND", description = "Weights: gaussian (N(0, weight-scale^2)) or he (N(0, 2/fan_in)) (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--weight-scale", paramLabel = "S", description = "Standard deviation of the gaussian init (default: ${DEFAULT-VALUE}).")
    double weightScale;

    @Option(names = "--precision", paramLabel = "P", description = "float64 (dgemm) or float32 (sgemm) (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "B", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--lr-decay", paramLabel = "R", description = "Learning-rate factor after each epoch (default: ${DEFAULT-VALUE}).")
    double lrDecay;

    @Option(names = "--update", paramLabel = "RULE", description = "sgd, momentum or adam (default: ${DEFAULT-VALUE}).")
    String update;

    @Option(names = "--momentum", paramLabel = "MU", description = "Momentum of the momentum rule (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--beta1", paramLabel = "B1", description = "Adam's first-moment decay (default: ${DEFAULT-VALUE}).")
    double beta1;

    @Option(names = "--beta2", paramLabel = "B2", description = "Adam's second-moment decay (default: ${DEFAULT-VALUE}).")
    double beta2;

    @Option(names = "--weight-decay", paramLabel = "REG", description = "L2 weight decay 0.5*REG*(|W1|^2+|W2|^2) (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--local-steps", paramLabel = "K",
            description = "1: synchronous mini-batch SGD; K > 1: local SGD, K steps per partition between averaging rounds (default: ${DEFAULT-VALUE}).")
    int localSteps;

    @Option(names = "--train-subset", paramLabel = "N", description = "Random training rows for the training accuracy (default: ${DEFAULT-VALUE}).")
    int trainSubset;

    @Mixin
    CheckpointOptions checkpointing;

    @Mixin
    SaveModelOption saveModel;

    private Checkpoints checkpoints;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the initial weights and the mini-batches (default: ${DEFAULT-VALUE}).")
    long seed;

    /** MNIST's split; null with --data, whose sizes are known in {@link #run}. */
    private Mnist.Split split;
    private DataSources.Options sourceOptions;
    private long nTrain;
    private long nValidation;
    private long nTest;
    private int dimension;
    /** {shift, scale} of the inputs, fitted on the training rows in {@link #run}. */
    private double[] affine;
    private int partitions;
    /** 10 for MNIST; with --data, the largest class index + 1. */
    private int classes = 10;
    private Precision floatType;
    private Normalization normalization;
    private TwoLayerNet.Init initKind;
    private UpdateRule rule;

    /** The library's parameter names this job spells otherwise (errors of the math layer name parameters). */
    private static final Map<String, String> FLAGS = Map.of("stepSize", "--learning-rate", "weightScale", "--weight-scale",
            "hiddenSize", "--hidden", "maxIter", "--epochs", "batchSize", "--batch-size", "decay", "--lr-decay",
            "weightDecay", "--weight-decay", "localSteps", "--local-steps", "trainSubset", "--train-subset");

    @Override
    protected void prepare(Provenance provenance) {
        checkpoints = checkpoints(checkpointing);
        floatType = Precision.parse(precision);
        if (floatType == null) {
            throw JobFailure.usage("--precision", "'" + precision + "' is not one of float32, float64");
        }
        normalization = imageSets.normalization();
        initKind = switch (init) {
            case "gaussian" -> TwoLayerNet.Init.GAUSSIAN;
            case "he" -> TwoLayerNet.Init.HE;
            default -> throw JobFailure.usage("--init", "'" + init + "' is not one of gaussian, he");
        };
        JobFailure.requirePositive("--weight-scale", weightScale);
        JobFailure.requirePositive("--learning-rate", learningRate);
        JobFailure.requirePositive("--lr-decay", lrDecay);
        requireAtLeastOne("--hidden", hidden);
        requireAtLeastOne("--epochs", epochs);
        requireAtLeastOne("--batch-size", batchSize);
        requireAtLeastOne("--local-steps", localSteps);
        requireAtLeastOne("--train-subset", trainSubset);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw JobFailure.usage("--weight-decay", "expected a finite number >= 0, got " + weightDecay);
        }
        rule = switch (update) {
            case "sgd" -> new UpdateRule.Sgd();
            case "momentum" -> new UpdateRule.Momentum(fraction("--momentum", momentum));
            case "adam" -> new UpdateRule.Adam(fraction("--beta1", beta1), fraction("--beta2", beta2), 1e-8);
            default -> throw JobFailure.usage("--update", "'" + update + "' is not one of sgd, momentum, adam");
        };
        options.partitions();
        saveModel.check(options.out);
        ImageSet images = data == null ? ImageSet.MNIST : ImageSet.named(data);
        if (images == null) {
            prepareSources();
            return;
        }
        if (test != null) {
            throw JobFailure.usage("--test", images.label() + " comes with its test images; drop --test " + test);
        }
        if (mnist != null && images != ImageSet.MNIST) {
            throw JobFailure.usage("--mnist", "cannot be combined with --data " + data + "; give one training set");
        }
        Path location = mnist != null ? mlspark.cli.Home.resolve(mnist) : images.directory(options.dataDir());
        Mnist.DataSet data = Mnist.load(images, location, imageSets.verifyChecksums);
        data.files().forEach(provenance::input);
        split = Mnist.split(data, validation);
        log(String.format("%s from %s: %d train, %d validation, %d test, %d pixels; normalize %s", images.title(), location,
                split.train().count(), split.validation().count(), split.test().count(), split.train().dimension(),
                normalization.label()));
        partitions = options.partitions(split.train().count(), this::log);
        nTrain = split.train().count();
        nValidation = split.validation().count();
        nTest = split.test().count();
        dimension = split.train().dimension();
    }

    /** MNIST's rows, scaled on the driver and shipped to the executors' blocks. */
    private DistributedNetData mnistBlocks(JavaSparkContext sc) {
        affine = normalization.affine(split.train());
        return new DistributedNetData(sc, split.train().rows(floatType, affine[0], affine[1]),
                split.validation().rows(floatType, affine[0], affine[1]), split.test().rows(floatType, affine[0], affine[1]),
                partitions);
    }

    private void prepareSources() {
        if (mnist != null) {
            throw JobFailure.usage("--data", "cannot be combined with --mnist; give one training set");
        }
        if (!DataSpec.isSource(data)) {
            throw JobFailure.usage("--data", "expected mnist, fashion-mnist, libsvm:PATH, csv:PATH or parquet:PATH "
                    + "(MNIST files go to --mnist), got " + data);
        }
        if (test == null) {
            throw JobFailure.usage("--test", "a test set is required with --data " + data);
        }
        requireAtLeastOne("--validation", validation);
        sourceOptions = sources.options();
        log(String.format("data %s, test %s (read by the executors); normalize %s", data, test, normalization.label()));
    }

    /**
     * The --data and --test rows as the net's blocks, cut on the executors (the last --validation
     * training rows held out), scaled by the normalization fitted on the training rows.
     */
    private DistributedNetData sourceBlocks(JavaSparkContext sc, Provenance provenance) {
        org.apache.spark.sql.SparkSession spark = org.apache.spark.sql.SparkSession.builder().config(sc.getConf()).getOrCreate();
        DataSources.Classes read = DataSources.readClasses(spark, data, test, sourceOptions);
        DataSources.Input input = read.input();
        classes = read.classes();
        dimension = input.dimension();
        provenance.source("train", DataSources.provenance(spark, input.trainSpec(), sourceOptions, dimension));
        provenance.source("test", DataSources.provenance(spark, input.testSpec(), sourceOptions, dimension));
        try (DistributedNetData.Rows train = DistributedNetData.rows(input.train(), dimension, input.trainSpec().toString());
             DistributedNetData.Rows testRows = DistributedNetData.rows(input.test(), dimension, input.testSpec().toString())) {
            if (validation >= train.count()) {
                throw JobFailure.usage("--validation", validation + " rows held out of the " + train.count()
                        + " training rows of " + data + " leaves none for training");
            }
            nTrain = train.count() - validation;
            nValidation = validation;
            nTest = testRows.count();
            partitions = options.partitions((int) Math.min(Integer.MAX_VALUE, nTrain), this::log);
            affine = normalization.affine(() -> DistributedNetData.meanAndStd(train, nTrain));
            log(String.format("%s: %d train, %d validation, %d test, %d features, %d classes", data, nTrain, nValidation,
                    nTest, dimension, classes));
            return DistributedNetData.split(train, validation, testRows, dimension, floatType, affine, partitions);
        }
    }

    @Override
    public Map<String, String> parameterFlags() {
        return FLAGS;
    }

    private static void requireAtLeastOne(String option, int value) {
        if (value < 1) {
            throw JobFailure.usage(option, "expected an integer >= 1, got " + value);
        }
    }

    private static double fraction(String option, double value) {
        if (!(value >= 0 && value < 1)) {
            throw JobFailure.usage(option, "expected a number in [0, 1), got " + value);
        }
        return value;
    }

    @Override
    protected TwoLayerNetMetrics run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        OutputDir modelDir = saveModel.requested() ? otherOutput("--save-model", saveModel.dir) : null;
        long started = System.nanoTime();
        try (DistributedNetData data = split != null ? mnistBlocks(sc) : sourceBlocks(sc, provenance)) {
            Solver.Config config = new Solver.Config(epochs, batchSize, learningRate, lrDecay, rule, weightDecay, localSteps,
                    trainSubset, seed);
            TwoLayerNet start = TwoLayerNet.initialize(dimension, hidden, classes, floatType, initKind, weightScale, seed);
            log(String.format("data cached in %d partitions (%.1f s); %s-%d-%d net, %d parameters, %s, %s", partitions,
                    (System.nanoTime() - started) / 1e9, dimension, hidden, classes, start.params().size(),
                    floatType.label(), describe(config)));
            Solver solver = new Solver(config);
            Solver.State from = checkpointing.resumeFrom(checkpoints, Solver.State.class, this::log);
            Solver.Result result = solver.train(start, data, (c, net) -> log(c.epoch() == 0
                    ? String.format("iteration 1: loss %s, train acc %.4f, val acc %.4f", Readable.number(c.meanLoss()),
                    c.trainAccuracy(), c.validationAccuracy())
                    : String.format("epoch %d/%d: mean loss %s, train acc %.4f, val acc %.4f, lr %.3g, %.1f s",
                    c.epoch(), epochs, Readable.number(c.meanLoss()), c.trainAccuracy(), c.validationAccuracy(), c.learningRate(),
                    c.trainingSeconds())), from, checkpointing.saver(checkpoints));
            checkpoints.delete();
            double testAccuracy = data.testAccuracy(result.best());
            double seconds = (System.nanoTime() - started) / 1e9;
            log(String.format("test accuracy %.4f (best validation accuracy %.4f); %.1f s training, %.1f s in all",
                    testAccuracy, result.bestValidationAccuracy(), result.trainingSeconds(), seconds));
            TwoLayerNetPlots.save(result, out.resolve("two_layer_net.png"));
            if (modelDir != null) {
                saveModel.save(libraryModel(result.best(), affine), modelDir);
            }
            return TwoLayerNetMetrics.of(result, config, testAccuracy, seconds, hidden, init, weightScale,
                    floatType.label(), normalization.label(), affine, update, partitions,
                    new TwoLayerNetMetrics.Data(nTrain, nValidation, nTest, dimension));
        }
    }

    /**
     * The best net as the library's model, the job's options as its Params. The net takes pixels
     * scaled as in training, (p - shift) * scale: with a normalization, the model is a pipeline
     * whose first stages compute exactly that from the raw pixels (a StandardScalerModel that only
     * centers, an ElementwiseProduct), so it is applied to raw data as the job's data are.
     */
    private MLWritable libraryModel(TwoLayerNet best, double[] affine) {
        TwoLayerNetModel net = new TwoLayerNetModel(Identifiable.randomUID("twoLayerNet"), best);
        net.set(net.hiddenSize(), hidden).set(net.init(), init).set(net.weightScale(), weightScale)
                .set(net.precision(), floatType.label()).set(net.maxIter(), epochs).set(net.batchSize(), batchSize)
                .set(net.stepSize(), learningRate).set(net.decay(), lrDecay).set(net.update(), update)
                .set(net.momentum(), momentum).set(net.beta1(), beta1).set(net.beta2(), beta2)
                .set(net.weightDecay(), weightDecay).set(net.localSteps(), localSteps).set(net.trainSubset(), trainSubset)
                .set(net.seed(), seed);
        if (normalization == Normalization.NONE) {
            return net;
        }
        int d = best.inputSize();
        List<Transformer> stages = new ArrayList<>();
        String column = "features";
        if (affine[0] != 0) {
            double[] shift = new double[d];
            java.util.Arrays.fill(shift, affine[0]);
            double[] ones = new double[d];
            java.util.Arrays.fill(ones, 1);
            StandardScalerModel center = new StandardScalerModel(Identifiable.randomUID("stdScal"), Vectors.dense(ones),
                    Vectors.dense(shift));
            center.set(center.withMean(), true).set(center.withStd(), false);
            stages.add(center.setInputCol(column).setOutputCol("centeredFeatures"));
            column = "centeredFeatures";
        }
        double[] scale = new double[d];
        java.util.Arrays.fill(scale, affine[1]);
        stages.add(new ElementwiseProduct().setScalingVec(Vectors.dense(scale)).setInputCol(column)
                .setOutputCol("scaledFeatures"));
        stages.add(net.setFeaturesCol("scaledFeatures"));
        return new PipelineModel(Identifiable.randomUID("pipeline"), stages);
    }

    private String describe(Solver.Config c) {
        return String.format("%s lr %s decay %s, batch %d, %d epochs%s%s", update, c.learningRate(), c.lrDecay(),
                c.batchSize(), c.epochs(), c.weightDecay() > 0 ? ", weight decay " + c.weightDecay() : "",
                c.localSteps() > 1 ? ", local SGD " + c.localSteps() + " steps/round" : "");
    }
}
