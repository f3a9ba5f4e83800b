package mlspark.reproduce;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.ml.TwoLayerNetClassifier;
import mlspark.mnist.Mnist;
import mlspark.mnist.Normalization;
import mlspark.nn.LabeledRows;
import mlspark.nn.Precision;
import mlspark.nn.Solver;
import mlspark.plot.TwoLayerNetPlots;
import mlspark.spark.DistributedNetData;

/**
 * Q5: the two-layer net on MNIST with the settings of a {@link TwoLayerNetClassifier}'s Params,
 * trained by the assignment's solver on Spark; the last training images held out for validation,
 * raw pixels, the best net on validation tested.
 */
public final class NetPart {
    private static final int CLASSES = 10;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Result(double testAccuracy, double bestValAccuracy, History history, double seconds,
                         double trainingSeconds, long iterations, Configuration configuration, Data data) {
    }

    /** The loss of every step; the accuracies after the first iteration and after each epoch. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record History(double[] loss, List<Double> trainAcc, List<Double> valAcc, List<Long> checkpointIterations) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Configuration(int hidden, String init, double weightScale, String precision, int epochs, int batchSize,
                                double learningRate, double lrDecay, String update, int iterationsPerEpoch, long seed,
                                int partitions) {
    }

    public record Data(int train, int validation, int test, int dimension) {
    }

    private NetPart() {
    }

    /** Trains {@code net}'s configuration on MNIST from the data directory, the last {@code validation} training images held out. */
    public static Result run(TwoLayerNetClassifier net, int validation, Context context, Path dir) {
        Mnist.DataSet data = Mnist.load(context.dataDir().resolve("mnist"), true);
        Mnist.Split split = Mnist.split(data, validation);
        Precision precision = Precision.parse(net.getPrecision());
        double[] affine = Normalization.NONE.affine(split.train());
        LabeledRows train = split.train().rows(precision, affine[0], affine[1]);
        LabeledRows val = split.validation().rows(precision, affine[0], affine[1]);
        LabeledRows test = split.test().rows(precision, affine[0], affine[1]);
        int partitions = context.partitions(split.train().count());
        Solver.Config config = net.solverConfig();
        long started = System.nanoTime();
        try (DistributedNetData rows = new DistributedNetData(context.sc(), train, val, test, partitions)) {
            Solver.Result r = new Solver(config).train(net.initialNet(train.dimension(), CLASSES), rows,
                    (c, n) -> context.log().accept(String.format("epoch %d/%d: mean loss %.4f, train acc %.4f, val acc %.4f",
                            c.epoch(), config.epochs(), c.meanLoss(), c.trainAccuracy(), c.validationAccuracy())),
                    null, null);
            double testAccuracy = rows.testAccuracy(r.best());
            double seconds = (System.nanoTime() - started) / 1e9;
            context.log().accept(String.format("test accuracy %.4f (best validation accuracy %.4f)", testAccuracy,
                    r.bestValidationAccuracy()));
            TwoLayerNetPlots.save(r, dir.resolve("two_layer_net.png"));
            History history = new History(r.loss(), r.checkpoints().stream().map(Solver.Checkpoint::trainAccuracy).toList(),
                    r.checkpoints().stream().map(Solver.Checkpoint::validationAccuracy).toList(),
                    r.checkpoints().stream().map(Solver.Checkpoint::iteration).toList());
            Configuration configuration = new Configuration(net.getHiddenSize(), net.getInit(), net.getWeightScale(),
                    precision.label(), config.epochs(), config.batchSize(), config.learningRate(), config.lrDecay(),
                    net.getUpdate(), r.iterationsPerEpoch(), config.seed(), partitions);
            return new Result(testAccuracy, r.bestValidationAccuracy(), history, seconds, r.trainingSeconds(),
                    r.iterations(), configuration, new Data(split.train().count(), split.validation().count(),
                    split.test().count(), split.train().dimension()));
        }
    }
}
