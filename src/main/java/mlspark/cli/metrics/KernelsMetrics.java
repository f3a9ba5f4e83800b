package mlspark.cli.metrics;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.kernel.KernelConstructions;
import mlspark.kernel.MercerCheck;

/**
 * metrics.json of {@code kernels} (after {@code job}, before {@code provenance}); the reproduction's
 * Q1 without the feature maps ({@code feature_maps} absent).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KernelsMetrics(int points, int dimension, long seed, double tolerance, List<Construction> constructions,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<FeatureMapError> featureMaps) {

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

    /** The Mercer check of every construction of {@link KernelConstructions#of} on {@code sample}. */
    public static List<Construction> check(double[][] sample, double tolerance) {
        return KernelConstructions.of(sample[0].length).stream().map(c -> {
            MercerCheck.Result r = MercerCheck.check(c.kernel(), sample, tolerance);
            return new Construction(c.rule(), r.kernel(), c.expected(), r.symmetric(), r.psd(), r.smallestEigenvalue(),
                    r.largestEigenvalue(), r.witness() == null ? null : r.witnessQuadraticForm(), r.witness());
        }).toList();
    }

    /** The checks as a markdown table, after a line saying what was checked. */
    public static String markdown(int points, int dimension, long seed, double tolerance, List<Construction> rows) {
        StringBuilder md = new StringBuilder(String.format("Mercer check on %d points drawn from N(0, I_%d), seed %d; "
                + "PSD when lambda_min >= -%.1e max(1, |lambda_max|).%n%n", points, dimension, seed, tolerance));
        md.append("| construction | kernel | kernel by the rules | symmetric | PSD | smallest eigenvalue "
                + "| largest eigenvalue | witness c'Kc |\n|---|---|---|---|---|---:|---:|---:|\n");
        for (Construction r : rows) {
            md.append(String.format("| %s | `%s` | %s | %s | %s | %.3e | %.3e | %s |%n", r.construction(), r.kernel(),
                    r.expected(), r.symmetric() ? "yes" : "no", r.psd() ? "yes" : "**no**", r.smallestEigenvalue(),
                    r.largestEigenvalue(), r.witnessQuadraticForm() == null ? "" : String.format("%.3e", r.witnessQuadraticForm())));
        }
        return md.toString();
    }
}
