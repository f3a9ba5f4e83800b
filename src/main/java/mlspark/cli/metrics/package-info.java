/**
 * The records the jobs and the reproduction write as {@code metrics.json} (field names and order are a
 * contract), and what both compute the same way.
 */
package mlspark.cli.metrics;
