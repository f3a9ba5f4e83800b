package mlspark.cli.reproduce;

/**
 * A figure the assignment published, to show beside ours in the report: where ours is (a JSON
 * pointer into the part's metrics.json), the published value, how close counts as the same, where
 * it was published and, where ours differs, why.
 */
public record Published(String part, String path, String what, double figure, double tolerance, String source, String why) {
}
