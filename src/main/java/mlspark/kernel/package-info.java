/**
 * Kernels, each owning its block evaluation on dense or sparse point sets ({@code Kernel.block}: for the
 * kernels of x.z and the norms, {@code InnerProductKernel}, one inner-product product and the kernel's function),
 * Mercer checks, explicit feature maps, random Fourier and Nystrom features. No Spark.
 */
package mlspark.kernel;
