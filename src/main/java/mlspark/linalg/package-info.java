/**
 * BLAS and LAPACK through netlib (native OpenBLAS where installed), Cholesky and LDL^T factorizations.
 */
package mlspark.linalg;
