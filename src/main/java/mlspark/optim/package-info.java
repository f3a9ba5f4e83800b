/**
 * The optimizers behind one interface ({@link mlspark.optim.Minimizer}: gradient descent, L-BFGS, one
 * {@link mlspark.optim.Optimizer} constant each), step schedules, block aggregators, canonical tree sums
 * and the shape of a checkpointed training state. No Spark.
 */
package mlspark.optim;
