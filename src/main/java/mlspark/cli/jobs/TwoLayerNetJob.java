package mlspark.cli.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
import mlspark.cli.ParamOptions;
import mlspark.cli.ParamsJob;
import mlspark.ml.TwoLayerNetClassifier;
import mlspark.ml.TwoLayerNetModel;
import mlspark.ml.TwoLayerNetTrainingSummary;
import mlspark.optim.TrainingState;

/**
 * {@code two-layer-net}: the options as the Params of a {@link TwoLayerNetClassifier} (its
 * defaults learn as scikit-learn's MLPClassifier does; the assignment's Q5 settings are
 * {@code --update sgd --init gaussian --max-iter 5 --decay 0.95 --early-stopping --n-iter-no-change 0}, as
 * {@link TwoLayerNetClassifier#assignment()} sets them), fitted on MNIST or a data source read into
 * the net's blocks on Spark; checkpoints through the estimator's state listener and initial state.
 */
@Command(name = "two-layer-net", mixinStandardHelpOptions = true,
        description = "Two-layer net (affine-ReLU-affine-softmax) on MNIST: mini-batch gradients summed over partitions on Spark.")
public final class TwoLayerNetJob extends SparkJob implements ParamsJob {
    private final TwoLayerNetClassifier net = new TwoLayerNetClassifier();

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

    @Mixin
    ImageSetOptions imageSets;

    // The model's options: each sets the Param of its first name (ParamOptions), the second is the old spelling.
    @Option(names = {"--validation-rows", "--validation"}, paramLabel = "N")
    Integer validationRows;

    @Option(names = {"--hidden-size", "--hidden"}, paramLabel = "H")
    Integer hiddenSize;

    @Option(names = "--init", paramLabel = "KIND")
    String init;

    @Option(names = "--weight-scale", paramLabel = "S")
    Double weightScale;

    @Option(names = "--precision", paramLabel = "P")
    String precision;

    @Option(names = {"--max-iter", "--epochs"}, paramLabel = "N")
    Integer maxIter;

    @Option(names = "--batch-size", paramLabel = "B")
    Integer batchSize;

    @Option(names = {"--step-size", "--learning-rate"}, paramLabel = "LR")
    Double stepSize;

    @Option(names = {"--decay", "--lr-decay"}, paramLabel = "R")
    Double decay;

    @Option(names = "--update", paramLabel = "RULE")
    String update;

    @Option(names = "--momentum", paramLabel = "MU")
    Double momentum;

    @Option(names = "--beta1", paramLabel = "B1")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "B2")
    Double beta2;

    @Option(names = "--weight-decay", paramLabel = "REG")
    Double weightDecay;

    @Option(names = "--local-steps", paramLabel = "K")
    Integer localSteps;

    @Option(names = "--train-subset", paramLabel = "N")
    Integer trainSubset;

    @Option(names = "--early-stopping", negatable = true, fallbackValue = "true")
    Boolean earlyStopping;

    @Option(names = "--n-iter-no-change", paramLabel = "N")
    Integer nIterNoChange;

    @Option(names = "--tol", paramLabel = "T")
    Double tol;

    @Option(names = "--seed", paramLabel = "S")
    Long seed;

    @Mixin
    CheckpointOptions checkpointing;

    @Mixin
    SaveModelOption saveModel;

    private Checkpoints checkpoints;

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
    private Normalization normalization;

    @Override
    public TwoLayerNetClassifier params() {
        return net;
    }

    @Override
    protected void prepare(Provenance provenance) {
        checkpoints = checkpoints(checkpointing);
        ParamOptions.apply(spec, net);
        normalization = imageSets.normalization();
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
        split = Mnist.split(data, net.validationCount(data.train().count()));
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
        Precision floatType = Precision.parse(net.getPrecision());
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
        sourceOptions = sources.options();
        log(String.format("data %s, test %s (read by the executors); normalize %s", data, test, normalization.label()));
    }

    /**
     * The --data and --test rows as the net's blocks, cut on the executors (the last rows held out
     * for validation, {@link TwoLayerNetClassifier#validationCount}), scaled by the normalization fitted on the training rows.
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
            int validation = net.validationCount(train.count());
            nTrain = train.count() - validation;
            nValidation = validation;
            nTest = testRows.count();
            partitions = options.partitions((int) Math.min(Integer.MAX_VALUE, nTrain), this::log);
            affine = normalization.affine(() -> DistributedNetData.meanAndStd(train, nTrain));
            log(String.format("%s: %d train, %d validation, %d test, %d features, %d classes", data, nTrain, nValidation,
                    nTest, dimension, classes));
            return DistributedNetData.split(train, validation, testRows, dimension, Precision.parse(net.getPrecision()),
                    affine, partitions);
        }
    }

    @Override
    protected TwoLayerNetMetrics run(JavaSparkContext sc, OutputDir out, Provenance provenance) {
        OutputDir modelDir = saveModel.requested() ? otherOutput("--save-model", saveModel.dir) : null;
        long started = System.nanoTime();
        try (DistributedNetData data = split != null ? mnistBlocks(sc) : sourceBlocks(sc, provenance)) {
            log(String.format("data cached in %d partitions (%.1f s); %s-%d-%d net, %s", partitions,
                    (System.nanoTime() - started) / 1e9, dimension, net.getHiddenSize(), classes, describe()));
            TrainingState from = checkpointing.resumeFrom(checkpoints, TwoLayerNetClassifier.stateType(), this::log);
            TwoLayerNetModel model = net.setEpochListener(c -> log(c.epoch() == 0
                    ? String.format("iteration 1: loss %s, train acc %.4f, val acc %.4f", Readable.number(c.meanLoss()),
                    c.trainAccuracy(), c.validationAccuracy())
                    : String.format("epoch %d/%d: mean loss %s, train acc %.4f, val acc %.4f, lr %.3g, %.1f s",
                    c.epoch(), net.getMaxIter(), Readable.number(c.meanLoss()), c.trainAccuracy(), c.validationAccuracy(),
                    c.learningRate(), c.trainingSeconds())))
                    .setStateListener(checkpointing.saver(checkpoints)).setInitialState(from).fit(data, dimension, classes);
            checkpoints.delete();
            TwoLayerNetTrainingSummary summary = model.summary();
            double testAccuracy = data.testAccuracy(model.net());
            double seconds = (System.nanoTime() - started) / 1e9;
            log(String.format("test accuracy %.4f (best validation accuracy %.4f); %d epochs (%s), %.1f s training, "
                            + "%.1f s in all", testAccuracy, summary.bestValidationAccuracy(), summary.epochs(),
                    summary.solverStatus(), summary.trainingSeconds(), seconds));
            TwoLayerNetPlots.save(summary, out.resolve("two_layer_net.png"));
            if (modelDir != null) {
                saveModel.save(libraryModel(model), modelDir);
            }
            return TwoLayerNetMetrics.of(summary, net, testAccuracy, seconds, normalization.label(), affine, partitions,
                    new TwoLayerNetMetrics.Data(nTrain, nValidation, nTest, dimension));
        }
    }

    /**
     * The trained net as the library's model (the job's options are its Params). The net takes pixels
     * scaled as in training, (p - shift) * scale: with a normalization, the model is a pipeline
     * whose first stages compute exactly that from the raw pixels (a StandardScalerModel that only
     * centers, an ElementwiseProduct), so it is applied to raw data as the job's data are.
     */
    private MLWritable libraryModel(TwoLayerNetModel net) {
        if (normalization == Normalization.NONE) {
            return net;
        }
        int d = net.net().inputSize();
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

    private String describe() {
        return String.format("%s, %s step %s decay %s, batch %d, at most %d epochs%s%s%s%s", net.getPrecision(),
                net.getUpdate(), net.getStepSize(), net.getDecay(), net.getBatchSize(), net.getMaxIter(),
                net.getNIterNoChange() > 0 ? " (stop after " + net.getNIterNoChange() + " without a "
                        + (net.getEarlyStopping() ? "validation accuracy gain" : "training loss decrease") + " > "
                        + net.getTol() + ")" : "",
                net.getEarlyStopping() ? ", the best net on validation kept" : "",
                net.getWeightDecay() > 0 ? ", weight decay " + net.getWeightDecay() : "",
                net.getLocalSteps() > 1 ? ", local SGD " + net.getLocalSteps() + " steps/round" : "");
    }
}
