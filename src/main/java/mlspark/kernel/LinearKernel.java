package mlspark.kernel;

import java.util.Optional;

/** k(x, z) = x.z. */
public record LinearKernel() implements InnerProductKernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Kernel.dot(x, z);
    }

    @Override
    public double ofInnerProduct(double xz, double xx, double zz) {
        return xz;
    }

    @Override
    public void ofInnerProducts(double[] out, int from, int to, int n, double[] an, double[] bn) {
        // the inner products are the kernel values
    }

    @Override
    public void ofInnerProducts(float[] out, int from, int to, int n, double[] an, double[] bn) {
        // the inner products are the kernel values
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
