package mlspark.cli.reproduce;

import java.nio.file.Path;

import mlspark.ml.TwoLayerNetClassifier;
import mlspark.ml.TwoLayerNetModel;
import mlspark.ml.TwoLayerNetTrainingSummary;
import mlspark.mnist.Mnist;
import mlspark.mnist.Normalization;
import mlspark.nn.LabeledRows;
import mlspark.nn.Precision;
import mlspark.cli.plot.TwoLayerNetPlots;
import mlspark.cli.metrics.TwoLayerNetMetrics;
import mlspark.distributed.DistributedNetData;

/**
 * Q5: the two-layer net on MNIST with the settings of a {@link TwoLayerNetClassifier}'s Params
 * ({@link TwoLayerNetClassifier#assignment()} for the assignment's), trained on Spark; the last training images held out for validation,
 * raw pixels, the best net on validation tested; the figures as {@code two-layer-net} writes them.
 */
public final class NetPart {
    private static final int CLASSES = 10;

    private NetPart() {
    }

    /** Trains {@code net}'s configuration on MNIST from the data directory, the last {@code validation} training images held out. */
    public static TwoLayerNetMetrics run(TwoLayerNetClassifier net, int validation, Context context, Path dir) {
        Mnist.DataSet data = Mnist.load(context.dataDir().resolve("mnist"), true);
        Mnist.Split split = Mnist.split(data, validation);
        Precision precision = Precision.parse(net.getPrecision());
        double[] affine = Normalization.NONE.affine(split.train());
        LabeledRows train = split.train().rows(precision, affine[0], affine[1]);
        LabeledRows val = split.validation().rows(precision, affine[0], affine[1]);
        LabeledRows test = split.test().rows(precision, affine[0], affine[1]);
        int partitions = context.partitions(split.train().count());
        long started = System.nanoTime();
        try (DistributedNetData rows = new DistributedNetData(context.sc(), train, val, test, partitions)) {
            TwoLayerNetModel model = net.setEpochListener(c -> context.log().accept(String.format(
                    "epoch %d/%d: mean loss %.4f, train acc %.4f, val acc %.4f", c.epoch(), net.getMaxIter(), c.meanLoss(),
                    c.trainAccuracy(), c.validationAccuracy()))).fit(rows, train.dimension(), CLASSES);
            TwoLayerNetTrainingSummary summary = model.summary();
            double testAccuracy = rows.testAccuracy(model.net());
            double seconds = (System.nanoTime() - started) / 1e9;
            context.log().accept(String.format("test accuracy %.4f (best validation accuracy %.4f)", testAccuracy,
                    summary.bestValidationAccuracy()));
            TwoLayerNetPlots.save(summary, dir.resolve("two_layer_net.png"));
            return TwoLayerNetMetrics.of(summary, net, testAccuracy, seconds, Normalization.NONE.label(), affine, partitions,
                    new TwoLayerNetMetrics.Data(split.train().count(), split.validation().count(), split.test().count(),
                            split.train().dimension()));
        }
    }
}
