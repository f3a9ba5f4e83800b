/**
 * The Cascade SVM's sub-problems: merging support vectors, feedback sets.
 */
package mlspark.svm.cascade;
