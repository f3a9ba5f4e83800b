package mlspark.cli.metrics;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * metrics.json of {@code reproduce} (after {@code job}, before {@code provenance}): the exit code,
 * every check, each part's figures (null for a part that failed) and the inputs' SHA-256.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReproduceMetrics(int exitCode, List<Check> checks, Map<String, JsonNode> parts,
                               Map<String, String> dataSha256) {

    /** One check: what was expected, what the part gave and the verdict's label. */
    public record Check(String id, String part, String expected, String got, String verdict) {
    }
}
