package mlspark.cli.reproduce;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.param.ParamMap;

import mlspark.data.BinaryDataSets;
import mlspark.data.LabeledData;
import mlspark.data.SampleBlock;
import mlspark.data.TrainTest;
import mlspark.ml.PrimalSvmClassifier;
import mlspark.ml.PrimalSvmTrainingSummary;
import mlspark.cli.plot.PrimalSvmPlots;
import mlspark.cli.metrics.DataSizes;
import mlspark.cli.metrics.PrimalSvmMetrics;
import mlspark.svm.primal.EpochResult;
import mlspark.distributed.SampleBlocks;
import mlspark.svm.ClassCosts;

/**
 * Q2 and Q3 in the primal: the soft-margin SVM by batch gradient descent, a
 * {@link PrimalSvmClassifier} with the assignment's Params, trained once to the largest epoch count, the model kept
 * after each epoch count asked for; the figures as {@code primal-svm} writes them.
 */
public final class PrimalPart {
    private PrimalPart() {
    }

    /** Trains on the named set with {@code svm}'s costs, step schedule and block size; reports after each of {@code epochs}. */
    public static PrimalSvmMetrics run(String dataName, PrimalSvmClassifier svm, int[] epochs, Context context, Path dir) {
        TrainTest set = BinaryDataSets.load(dataName, null, context.dataDir(), context.log());
        int d = set.train().dimension();
        int partitions = context.partitions(set.train().size());
        JavaRDD<SampleBlock> train = blocks(context, set.train(), set.name(), partitions, svm);
        JavaRDD<SampleBlock> test = blocks(context, set.test(), set.name(), partitions, svm);
        ClassCosts costs = svm.classCosts();
        int last = Arrays.stream(epochs).max().orElseThrow();
        PrimalSvmTrainingSummary summary = svm.copy(ParamMap.empty()).setMaxIter(last).setModelsAt(epochs)
                .fit(train, d).summary();
        List<EpochResult> history = summary.history();
        List<PrimalSvmMetrics.Run> runs = PrimalSvmMetrics.runs(history, epochs, train, test);
        runs.forEach(r -> context.log().accept(String.format("%s, %d epochs: objective %.4f, test accuracy %.4f",
                set.name(), r.epochs(), r.objective(), r.testAccuracy())));
        train.unpersist();
        test.unpersist();
        PrimalSvmPlots.save(history, epochs, runs.stream().mapToDouble(PrimalSvmMetrics.Run::testAccuracy).toArray(),
                set.name(), dir.resolve("primal_svm.png"));
        return new PrimalSvmMetrics(new DataSizes(set.name(), set.train().size(), set.test().size(), d),
                new PrimalSvmMetrics.Config(costs.c0(), costs.c1(), svm.getStepSize(), svm.getSchedule(), svm.getDecay(),
                        partitions, svm.getBlockKib(), svm.getOptimizer(), svm.getStorage()),
                summary.trainSeconds(), summary.passes(), null, runs);
    }

    private static JavaRDD<SampleBlock> blocks(Context context, LabeledData data, String name, int partitions,
                                               PrimalSvmClassifier svm) {
        return SampleBlocks.of(SampleBlocks.rows(context.spark(), data, partitions),
                SampleBlocks.Layout.ofKib(data.dimension(), svm.getBlockKib(), svm.blockStorage()), false, name);
    }
}
