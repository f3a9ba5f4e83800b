package mlspark.kernel;

import java.util.Optional;

/** The Gaussian kernel k(x, z) = exp(-gamma |x - z|^2). */
public record RbfKernel(double gamma) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Math.exp(-gamma * Kernel.squaredDistance(x, z));
    }

    /** |x - z|^2 = |x|^2 + |z|^2 - 2 x.z from one dgemm and the rows' squared norms (clipped at 0 against rounding). */
    @Override
    public void block(double[] a, int m, double[] b, int n, int d, double[] out) {
        KernelBlocks.innerProducts(a, m, b, n, d, out);
        double[] an = KernelBlocks.squaredNorms(a, m, d);
        double[] bn = KernelBlocks.squaredNorms(b, n, d);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double distance = Math.max(0, an[i] + bn[j] - 2 * out[row + j]);
                out[row + j] = Math.exp(-gamma * distance);
            }
        }
    }

    @Override
    public Optional<KernelSpec> spec() {
        return Optional.of(new KernelSpec("rbf", Double.toString(gamma), 0, 0));
    }

    @Override
    public String describe() {
        return "rbf(gamma=" + gamma + ")";
    }
}
