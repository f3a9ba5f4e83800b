/**
 * The primal SVM: hinge and squared-hinge block aggregators (binary and one-vs-rest), linear models,
 * the sequential reference, the training state.
 */
package mlspark.svm.primal;
