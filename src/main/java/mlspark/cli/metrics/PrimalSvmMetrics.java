package mlspark.cli.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.data.SampleBlock;
import mlspark.distributed.LinearSvmScores;
import mlspark.svm.primal.DualRound;
import mlspark.svm.primal.EpochResult;
import mlspark.svm.primal.OneVsRestLinearModel;

/**
 * metrics.json of {@code primal-svm} (after {@code job}, before {@code provenance}); trained by cocoa it has
 * besides {@code rounds} (the rounds run, fewer than the largest epoch count when the gap reached tol). With K >= 3
 * classes it has besides {@code classes} (the label values of the class indices 0..K-1) and its runs
 * have {@code weights} (K rows of d), {@code intercepts} and {@code test_confusion} as K x K counts
 * [actual][predicted] in place of {@code w}, {@code b} and the binary counts.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PrimalSvmMetrics(DataSizes data, @JsonInclude(JsonInclude.Include.NON_NULL) double[] classes,
                               Config config, double trainSeconds,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer passes,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer rounds,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Features features, List<Run> runs) {

    /** The metrics of a binary SVM. */
    public PrimalSvmMetrics(DataSizes data, Config config, double trainSeconds, Integer passes, Features features,
                            List<Run> runs) {
        this(data, null, config, trainSeconds, passes, null, features, runs);
    }

    /** The options that shaped the training; {@code bias_feature}, {@code local_passes} and {@code tol} for cocoa only. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Config(@JsonProperty("C0") double c0, @JsonProperty("C1") double c1, double eta, String schedule,
                         double decay, int partitions, int blockKib, String optimizer, String storage,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double biasFeature,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer localPasses,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double tol) {

        /** The options of gd or lbfgs. */
        public Config(double c0, double c1, double eta, String schedule, double decay, int partitions, int blockKib,
                      String optimizer, String storage) {
            this(c0, c1, eta, schedule, decay, partitions, blockKib, optimizer, storage, null, null, null);
        }
    }

    /** With {@code --features}: the kernel approximation and its error on a sample of training points. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Features(String kind, int components, int requestedComponents, String kernel, long seed,
                           boolean cached, int kernelErrorSample, double kernelErrorMax, double kernelErrorMean) {
    }

    /**
     * The model after one reported epoch count: (w, b) of a binary SVM, or the K classes' weights and
     * intercepts; trained by cocoa also the dual objective and the duality gap of the last round up to
     * then (the objective is then P, the bias regularized).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(int epochs, double[] w, Double b, double[][] weights, double[] intercepts, double testAccuracy,
                      Object testConfusion, double trainAccuracy, double objective, Double dualObjective,
                      Double dualityGap) {
    }

    /** The model after each of {@code epochs} (indices into {@code history}) and its accuracy on {@code train} and {@code test}. */
    public static List<Run> runs(List<EpochResult> history, int[] epochs, JavaRDD<SampleBlock> train,
                                 JavaRDD<SampleBlock> test) {
        return runs(history, null, epochs, train, test);
    }

    /** As {@link #runs(List, int[], JavaRDD, JavaRDD)}, with the rounds of cocoa's dual ({@code dualRounds}; null: none). */
    public static List<Run> runs(List<EpochResult> history, List<DualRound> dualRounds, int[] epochs,
                                 JavaRDD<SampleBlock> train, JavaRDD<SampleBlock> test) {
        List<Run> runs = new ArrayList<>();
        for (int epoch : epochs) {
            EpochResult r = history.get(epoch);
            DualRound dual = dualRounds == null ? null : dualRounds.get(Math.min(epoch, dualRounds.size() - 1));
            Double dualObjective = dual == null ? null : dual.dualObjective();
            Double gap = dual == null ? null : dual.dualityGap();
            double trainAccuracy = LinearSvmScores.accuracy(r.classifier(), train);
            if (r.classifier() instanceof OneVsRestLinearModel classes) {
                long[][] confusion = LinearSvmScores.confusion(classes, test);
                double[][] weights = new double[classes.numClasses()][];
                Arrays.setAll(weights, k -> classes.classModel(k).w());
                runs.add(new Run(epoch, null, null, weights, classes.intercepts(), LinearSvmScores.accuracy(confusion),
                        confusion, trainAccuracy, r.objective(), dualObjective, gap));
            } else {
                long[] confusion = LinearSvmScores.confusion(r.model(), test);
                runs.add(new Run(epoch, r.model().w(), r.model().b(), null, null, LinearSvmScores.accuracy(confusion),
                        Confusion.of(confusion), trainAccuracy, r.objective(), dualObjective, gap));
            }
        }
        return runs;
    }
}
