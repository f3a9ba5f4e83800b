package mlspark.cli.jobs;

import java.util.List;

import mlspark.bench.BenchTable;

/** metrics.json of {@code bench} (after {@code job}, before {@code provenance}): the table's rows, as bench.json. */
public record BenchMetrics(boolean quick, List<BenchTable.Row> rows) {
}
