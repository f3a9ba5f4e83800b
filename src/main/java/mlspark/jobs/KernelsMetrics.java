package mlspark.jobs;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** metrics.json of {@code kernels} (after {@code job}, before {@code provenance}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KernelsMetrics(int points, int dimension, long seed, double tolerance, List<Construction> constructions,
                             List<FeatureMapError> featureMaps) {

    /** The Mercer check of one construction; the witness and its c'Kc are null when the Gram matrix is PSD. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Construction(String construction, String kernel, String expected, boolean symmetric, boolean psd,
                               double smallestEigenvalue, double largestEigenvalue, Double witnessQuadraticForm,
                               double[] witness) {
    }

    /** |phi(x).phi(z) - k(x, z)| over all pairs of the sample. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FeatureMapError(String map, String kernel, int features, double maxError, double meanError) {
    }
}
