package mlspark.cli.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The {@code data} section of the SVM jobs' metrics.json: the set's name, its split sizes and features. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataSizes(String name, long nTrain, long nTest, int dimension) {
}
