/**
 * Soft-margin SVMs, no Spark: class costs; the primal losses and models, the dual QP and its solvers,
 * the Cascade SVM's sub-problems, one-vs-one multi-class.
 */
package mlspark.svm;
