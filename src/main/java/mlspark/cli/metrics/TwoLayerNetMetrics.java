package mlspark.cli.metrics;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.ml.TwoLayerNetParams;
import mlspark.ml.TwoLayerNetTrainingSummary;

/** metrics.json of {@code two-layer-net} (after {@code job}, before {@code provenance}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TwoLayerNetMetrics(double testAccuracy, double bestValAccuracy, History history, double seconds,
                                 double trainingSeconds, double secondsPerEpoch, long iterations,
                                 Configuration configuration, Data data) {

    /** The loss per iteration (or local step); the accuracies after the first iteration and after each epoch. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record History(double[] loss, List<Double> trainAcc, List<Double> valAcc, List<Long> checkpointIterations) {
    }

    /** Every option; momentum only with the momentum rule, beta1 and beta2 only with adam. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Configuration(int hidden, String init, double weightScale, String precision, String normalize,
                                double inputShift, double inputScale, int epochs, int batchSize, double learningRate,
                                double lrDecay, String update,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Double momentum,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Double beta1,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Double beta2,
                                double weightDecay, int localSteps, long iterationsPerEpoch, int trainSubset, long seed,
                                int partitions) {
    }

    /** The split sizes and the pixels per image. */
    public record Data(long train, long validation, long test, int dimension) {
    }

    /**
     * The metrics of the training that made {@code summary}, by a net of the Params {@code net},
     * on inputs normalized by {@code normalize} ({@code affine}: their shift and scale).
     */
    public static TwoLayerNetMetrics of(TwoLayerNetTrainingSummary summary, TwoLayerNetParams net, double testAccuracy,
                                        double seconds, String normalize, double[] affine, int partitions, Data data) {
        List<TwoLayerNetTrainingSummary.Checkpoint> at = summary.checkpoints();
        History history = new History(summary.objectiveHistory(),
                at.stream().map(TwoLayerNetTrainingSummary.Checkpoint::trainAccuracy).toList(),
                at.stream().map(TwoLayerNetTrainingSummary.Checkpoint::validationAccuracy).toList(),
                at.stream().map(TwoLayerNetTrainingSummary.Checkpoint::iteration).toList());
        String update = net.getUpdate();
        Configuration conf = new Configuration(net.getHiddenSize(), net.getInit(), net.getWeightScale(), net.getPrecision(),
                normalize, affine[0], affine[1], net.getMaxIter(), net.getBatchSize(), net.getStepSize(), net.getDecay(),
                update, update.equals("momentum") ? net.getMomentum() : null, update.equals("adam") ? net.getBeta1() : null,
                update.equals("adam") ? net.getBeta2() : null, net.getWeightDecay(), net.getLocalSteps(),
                summary.iterationsPerEpoch(), net.getTrainSubset(), net.getSeed(), partitions);
        return new TwoLayerNetMetrics(testAccuracy, summary.bestValidationAccuracy(), history, seconds,
                summary.trainingSeconds(), summary.trainingSeconds() / Math.max(1, summary.epochs()),
                summary.totalIterations(), conf, data);
    }
}
