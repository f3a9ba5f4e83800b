/**
 * Readers into RDDs and Datasets: driver-side sets as RDDs of blocks, and {@code libsvm:},
 * {@code csv:}, {@code parquet:} inputs read by the executors, one reader per format.
 */
package mlspark.sources;
