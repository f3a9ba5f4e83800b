/**
 * The primal SVM: hinge and squared-hinge block aggregators (binary and one-vs-rest), linear models,
 * the sequential reference, the training state and the objectives of a round of the dual (cocoa).
 */
package mlspark.svm.primal;
