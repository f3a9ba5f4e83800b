package mlspark.bench;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * One benchmark of the {@code bench} job: ours beside its baselines, measured in the same run.
 * Suites print progress through {@code table.log} and add one row per measured implementation.
 */
public interface BenchSuite {
    /** The name the bench job is called with, e.g. "primal". */
    String name();

    /** One line: what is measured and the targets. */
    String description();

    /** Runs the benchmark; {@code quick} asks for a smaller problem (smoke runs in CI). */
    void run(JavaSparkContext sc, boolean quick, BenchTable table);
}
