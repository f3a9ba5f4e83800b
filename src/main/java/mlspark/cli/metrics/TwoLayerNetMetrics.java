package mlspark.cli.metrics;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.nn.Solver;
import mlspark.nn.UpdateRule;

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
     * The metrics of a training {@code r} by the solver {@code c} with the net's and the inputs' settings;
     * {@code affine} the inputs' shift and scale.
     */
    public static TwoLayerNetMetrics of(Solver.Result r, Solver.Config c, double testAccuracy, double seconds, int hidden,
                                        String init, double weightScale, String precision, String normalize,
                                        double[] affine, String update, int partitions, Data data) {
        List<Solver.Checkpoint> at = r.checkpoints();
        History history = new History(r.loss(), at.stream().map(Solver.Checkpoint::trainAccuracy).toList(),
                at.stream().map(Solver.Checkpoint::validationAccuracy).toList(),
                at.stream().map(Solver.Checkpoint::iteration).toList());
        Configuration conf = new Configuration(hidden, init, weightScale, precision, normalize, affine[0], affine[1],
                c.epochs(), c.batchSize(), c.learningRate(), c.lrDecay(), update,
                c.rule() instanceof UpdateRule.Momentum m ? m.mu() : null,
                c.rule() instanceof UpdateRule.Adam a ? a.beta1() : null,
                c.rule() instanceof UpdateRule.Adam a ? a.beta2() : null,
                c.weightDecay(), c.localSteps(), r.iterationsPerEpoch(), c.trainSubset(), c.seed(), partitions);
        return new TwoLayerNetMetrics(testAccuracy, r.bestValidationAccuracy(), history, seconds, r.trainingSeconds(),
                r.trainingSeconds() / c.epochs(), r.iterations(), conf, data);
    }
}
