/**
 * BLAS and LAPACK through netlib (native OpenBLAS where installed), Cholesky and LDL^T factorizations, and the
 * point sets of the kernel methods: dense rows or compressed sparse rows with cached squared norms
 * ({@link mlspark.linalg.Points}), below both the kernels and the data readers.
 */
package mlspark.linalg;
