/**
 * Trainers on Spark: the primal SVM over cached sample blocks (any {@code Minimizer}), the kernel
 * SVM (Gram matrix on Spark and the QP on the driver, one-vs-one pairs as tasks) and the Cascade SVM.
 * Only the library's estimators use them.
 */
package mlspark.training;
