package mlspark.kernel;

import java.util.Optional;

/** k(x, z) = x.z. */
public record LinearKernel() implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Kernel.dot(x, z);
    }

    @Override
    public void block(double[] a, int m, double[] b, int n, int d, double[] out) {
        KernelBlocks.innerProducts(a, m, b, n, d, out);
    }

    @Override
    public Optional<KernelSpec> spec() {
        return Optional.of(new KernelSpec("linear", "0", 0, 0));
    }

    @Override
    public String describe() {
        return "linear";
    }
}
