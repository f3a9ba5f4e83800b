/**
 * Kernels, each owning its BLAS block evaluation ({@code Kernel.block}), Mercer checks, explicit
 * feature maps, random Fourier and Nystrom features. No Spark.
 */
package mlspark.kernel;
