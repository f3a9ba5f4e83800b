package mlspark.cli.metrics;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.data.SampleBlock;
import mlspark.distributed.LinearSvmScores;
import mlspark.svm.primal.EpochResult;

/** metrics.json of {@code primal-svm} (after {@code job}, before {@code provenance}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PrimalSvmMetrics(DataSizes data, Config config, double trainSeconds,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer passes,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Features features, List<Run> runs) {

    /** The options that shaped the training. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Config(@JsonProperty("C0") double c0, @JsonProperty("C1") double c1, double eta, String schedule,
                         double decay, int partitions, int blockKib, String optimizer, String storage) {
    }

    /** With {@code --features}: the kernel approximation and its error on a sample of training points. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Features(String kind, int components, int requestedComponents, String kernel, long seed,
                           boolean cached, int kernelErrorSample, double kernelErrorMax, double kernelErrorMean) {
    }

    /** The model after one reported epoch count. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Run(int epochs, double[] w, double b, double testAccuracy, Confusion testConfusion,
                      double trainAccuracy, double objective) {
    }

    /** The model after each of {@code epochs} (indices into {@code history}) and its accuracy on {@code train} and {@code test}. */
    public static List<Run> runs(List<EpochResult> history, int[] epochs, JavaRDD<SampleBlock> train,
                                 JavaRDD<SampleBlock> test) {
        List<Run> runs = new ArrayList<>();
        for (int epoch : epochs) {
            EpochResult r = history.get(epoch);
            long[] confusion = LinearSvmScores.confusion(r.model(), test);
            runs.add(new Run(epoch, r.model().w(), r.model().b(), LinearSvmScores.accuracy(confusion),
                    Confusion.of(confusion), LinearSvmScores.accuracy(r.model(), train), r.objective()));
        }
        return runs;
    }
}
