/**
 * The SVM dual: the QP, the interior-point solver, SMO (working sets of kernel rows by BLAS blocks,
 * and LIBSVM's row-by-row algorithm), KKT checks, bias rules, kernel rows and their cache, the kernel
 * expansion.
 */
package mlspark.svm.dual;
