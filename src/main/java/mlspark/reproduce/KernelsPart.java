package mlspark.reproduce;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import mlspark.kernel.KernelConstructions;
import mlspark.kernel.MercerCheck;

/** Q1: the Mercer check of every kernel construction on a seeded N(0, I) sample. */
public final class KernelsPart {
    /** The figures: the sample and, per construction, the check's verdict. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Result(int points, int dimension, long seed, double tolerance, List<Row> constructions) {
    }

    /** A construction, what the rules say of it, and what the check found. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Row(String construction, String kernel, String expected, boolean symmetric, boolean psd,
                      double smallestEigenvalue, double largestEigenvalue, Double witnessQuadraticForm, double[] witness) {
    }

    private KernelsPart() {
    }

    public static Result run(int points, int dimension, long seed, double tolerance, Context context, Path dir) {
        double[][] sample = KernelConstructions.sample(points, dimension, seed);
        List<Row> rows = KernelConstructions.of(dimension).stream().map(c -> {
            MercerCheck.Result r = MercerCheck.check(c.kernel(), sample, tolerance);
            return new Row(c.rule(), r.kernel(), c.expected(), r.symmetric(), r.psd(), r.smallestEigenvalue(),
                    r.largestEigenvalue(), r.witness() == null ? null : r.witnessQuadraticForm(), r.witness());
        }).toList();
        StringBuilder md = new StringBuilder(String.format("Mercer check on %d points drawn from N(0, I_%d), seed %d; "
                + "PSD when lambda_min >= -%.1e max(1, |lambda_max|).%n%n| construction | kernel | kernel by the rules "
                + "| symmetric | PSD | smallest eigenvalue | largest eigenvalue | witness c'Kc |%n"
                + "|---|---|---|---|---|---:|---:|---:|%n", points, dimension, seed, tolerance));
        for (Row r : rows) {
            md.append(String.format("| %s | `%s` | %s | %s | %s | %.3e | %.3e | %s |%n", r.construction(), r.kernel(),
                    r.expected(), r.symmetric() ? "yes" : "no", r.psd() ? "yes" : "**no**", r.smallestEigenvalue(),
                    r.largestEigenvalue(), r.witnessQuadraticForm() == null ? "" : String.format("%.3e", r.witnessQuadraticForm())));
        }
        Report.writeText(dir.resolve("table.md"), md.toString());
        context.log().accept(rows.stream().filter(Row::psd).count() + " of " + rows.size()
                + " constructions positive semidefinite on " + points + " points");
        return new Result(points, dimension, seed, tolerance, rows);
    }
}
