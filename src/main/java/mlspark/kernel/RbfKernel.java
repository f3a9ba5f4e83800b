package mlspark.kernel;

import java.util.Optional;

/** The Gaussian kernel k(x, z) = exp(-gamma |x - z|^2). */
public record RbfKernel(double gamma) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Math.exp(-gamma * Kernel.squaredDistance(x, z));
    }

    /**
     * |x - z|^2 = |x|^2 + |z|^2 - 2 x.z from one dgemm and the rows' squared norms (clipped at 0 against
     * rounding), then exp, a large block's values split across two threads. The exp is {@link Math#exp}: the
     * Vector API's EXP was 4x faster, but its values differ from Math.exp's by an ulp where C2 compiles it
     * and not before, so a solve's path (and its b, to the tolerance) depended on the JIT's progress.
     */
    @Override
    public void block(double[] a, int m, double[] b, int n, int d, double[] out) {
        KernelBlocks.innerProducts(a, m, b, n, d, out);
        double[] an = KernelBlocks.squaredNorms(a, m, d);
        double[] bn = KernelBlocks.squaredNorms(b, n, d);
        KernelBlocks.inTwoHalves(m * n, 1, (from, to) -> {
            int t = from;
            while (t < to) {
                int i = t / n;
                int rowStart = i * n;
                int rowEnd = Math.min(to, rowStart + n);
                double ai = an[i];
                for (; t < rowEnd; t++) {
                    out[t] = Math.exp(-gamma * Math.max(0, ai + bn[t - rowStart] - 2 * out[t]));
                }
            }
        });
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
