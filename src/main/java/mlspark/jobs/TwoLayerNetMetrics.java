package mlspark.jobs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

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
}
