package mlspark.cli.metrics;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * metrics.json of {@code predict} (after {@code job}, before {@code provenance}); accuracy and
 * confusion counts only for labeled data: {@code confusion} for two classes, else
 * {@code confusion_matrix} (rows: label, columns: prediction).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictMetrics(Model model, Data data, String format, String predictions, Double accuracy,
                             Confusion confusion, long[][] confusionMatrix) {

    /** The model read: its directory, class, the job that saves that kind, its stages and sizes. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Model(String dir, @JsonProperty("class") String className,
                        String kind, List<String> stages, int numFeatures, int numClasses) {
    }

    /** The rows predicted. */
    public record Data(String name, long n, int dimension, boolean labeled) {
    }
}
