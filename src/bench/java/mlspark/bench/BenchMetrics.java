package mlspark.bench;

import java.util.List;

/** metrics.json of {@code bench} (after {@code job}, before {@code provenance}): the table's rows, as bench.json. */
public record BenchMetrics(boolean quick, List<BenchTable.Row> rows) {
}
