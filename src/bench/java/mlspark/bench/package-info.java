/**
 * The benchmarks: the {@code bench} job ({@link mlspark.bench.BenchJob}, found by {@code mlspark.cli.Main}
 * as an optional job), its suites (ours beside the baselines, in one run) and the baselines' drivers
 * ({@link mlspark.bench.LibsvmBaseline}, also the tests' oracle). A source set of its own (src/bench),
 * compiled with the tests and packaged apart from the application jar (target/svm-spark-*-bench.jar).
 */
package mlspark.bench;
