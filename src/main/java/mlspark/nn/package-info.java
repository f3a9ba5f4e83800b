/**
 * The two-layer net: layers, softmax loss, the mini-batch solver and its update rules (SGD, momentum,
 * Adam), local SGD, float and double matrices. No Spark.
 */
package mlspark.nn;
