package mlspark.cli.reproduce;

import java.nio.file.Path;
import java.util.List;

import mlspark.kernel.KernelConstructions;
import mlspark.cli.metrics.KernelsMetrics;

/** Q1: the Mercer check of every kernel construction on a seeded N(0, I) sample (the {@code kernels} job without its feature maps). */
public final class KernelsPart {
    private KernelsPart() {
    }

    public static KernelsMetrics run(int points, int dimension, long seed, double tolerance, Context context, Path dir) {
        List<KernelsMetrics.Construction> rows = KernelsMetrics.check(KernelConstructions.sample(points, dimension, seed),
                tolerance);
        Report.writeText(dir.resolve("table.md"), KernelsMetrics.markdown(points, dimension, seed, tolerance, rows));
        context.log().accept(rows.stream().filter(KernelsMetrics.Construction::psd).count() + " of " + rows.size()
                + " constructions positive semidefinite on " + points + " points");
        return new KernelsMetrics(points, dimension, seed, tolerance, rows, null);
    }
}
