/**
 * MNIST and Fashion-MNIST: IDX files read and checked against their published checksums, digits,
 * pixel normalization. No Spark.
 */
package mlspark.mnist;
