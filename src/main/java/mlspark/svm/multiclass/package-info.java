/**
 * Multi-class kernel SVMs, one-vs-one as LIBSVM (Chang and Lin, libsvm 3.31, svm.cpp / svm.java): a
 * binary dual problem for each of the K(K-1)/2 class pairs ({@link mlspark.svm.multiclass.OneVsOneProblem},
 * solved by the project's dual solvers through {@link mlspark.svm.multiclass.BinarySvmFitter}), a model that
 * keeps each support vector once ({@link mlspark.svm.multiclass.OneVsOneModel}), prediction by votes with
 * scikit-learn's one-vs-rest scores ({@link mlspark.svm.multiclass.OneVsOneVoting}), and LIBSVM's probability
 * estimates ({@code -b 1}): Platt's sigmoid fitted on cross-validated decision values
 * ({@link mlspark.svm.multiclass.PlattSigmoid}, {@link mlspark.svm.multiclass.CrossValidationFolds}) and the
 * pairwise coupling of Wu, Lin and Weng ({@link mlspark.svm.multiclass.PairwiseCoupling}). Core math: no Spark.
 */
package mlspark.svm.multiclass;
