package mlspark.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.data.BinaryDataSets;
import mlspark.data.FeatureBlock;
import mlspark.data.LabeledData;
import mlspark.data.SampleBlock;
import mlspark.data.TrainTest;
import mlspark.ml.PrimalSvmClassifier;
import mlspark.plot.PrimalSvmPlots;
import mlspark.spark.PrimalSvmTrainer;
import mlspark.spark.SampleBlocks;
import mlspark.svm.ClassCosts;
import mlspark.svm.primal.LinearSvmModel;

/**
 * Q2 and Q3 in the primal: the soft-margin SVM by batch gradient descent, with the settings of a
 * {@link PrimalSvmClassifier}'s Params, trained once to the largest epoch count, the model kept
 * after each epoch count asked for.
 */
public final class PrimalPart {
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Result(Data data, Config config, double trainSeconds, List<Run> runs) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Data(String name, long nTrain, long nTest, int dimension) {
    }

    public record Config(@JsonProperty("C0") double c0, @JsonProperty("C1") double c1, double eta, String schedule,
                         int partitions) {
    }

    /** The model after {@code epochs} epochs and how it does. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Run(int epochs, double[] w, double b, double testAccuracy, Confusion testConfusion, double trainAccuracy,
                      double objective) {
    }

    public record Confusion(long tp, long fp, long tn, long fn) {
    }

    private PrimalPart() {
    }

    /** Trains on the named set with {@code svm}'s costs, step schedule and block size; reports after each of {@code epochs}. */
    public static Result run(String dataName, PrimalSvmClassifier svm, int[] epochs, Context context, Path dir) {
        TrainTest set = BinaryDataSets.load(dataName, null, context.dataDir(), context.log());
        int d = set.train().dimension();
        int partitions = context.partitions(set.train().size());
        JavaRDD<SampleBlock> train = blocks(context, set.train(), set.name(), partitions, svm);
        JavaRDD<SampleBlock> test = blocks(context, set.test(), set.name(), partitions, svm);
        ClassCosts costs = svm.classCosts();
        int last = Arrays.stream(epochs).max().orElseThrow();
        long start = System.nanoTime();
        List<PrimalSvmTrainer.EpochResult> history = new PrimalSvmTrainer(train, d, costs, svm.stepSchedule())
                .train(last, epochs, r -> { }, null, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Run> runs = new ArrayList<>();
        double[] testAccuracy = new double[epochs.length];
        for (int k = 0; k < epochs.length; k++) {
            PrimalSvmTrainer.EpochResult r = history.get(epochs[k]);
            LinearSvmModel model = r.model();
            long[] confusion = PrimalSvmTrainer.confusion(model, test);
            testAccuracy[k] = PrimalSvmTrainer.accuracy(confusion);
            runs.add(new Run(epochs[k], model.w(), model.b(), testAccuracy[k],
                    new Confusion(confusion[0], confusion[1], confusion[2], confusion[3]),
                    PrimalSvmTrainer.accuracy(model, train), r.objective()));
            context.log().accept(String.format("%s, %d epochs: objective %.4f, test accuracy %.4f", set.name(), epochs[k],
                    r.objective(), testAccuracy[k]));
        }
        train.unpersist();
        test.unpersist();
        PrimalSvmPlots.save(history, epochs, testAccuracy, set.name(), dir.resolve("primal_svm.png"));
        return new Result(new Data(set.name(), set.train().size(), set.test().size(), d),
                new Config(costs.c0(), costs.c1(), svm.getStepSize(), svm.getSchedule(), partitions), seconds, runs);
    }

    private static JavaRDD<SampleBlock> blocks(Context context, LabeledData data, String name, int partitions,
                                               PrimalSvmClassifier svm) {
        SparkSession spark = context.spark();
        return SampleBlocks.of(SampleBlocks.rows(spark, data, partitions),
                SampleBlocks.Layout.ofKib(data.dimension(), svm.getBlockKib(), FeatureBlock.Storage.FLOAT64), false, name);
    }
}
