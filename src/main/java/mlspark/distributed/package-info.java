/**
 * Distributed computation: sample blocks from Datasets, ordered tree sums, RDD loss functions, the
 * Gram matrix, kernel-feature RDDs, scores, the net's distributed data.
 */
package mlspark.distributed;
