package mlspark.kernel;

import java.util.Optional;

/** k(x, z) = tanh(gamma x.z + coef0); not positive semidefinite in general. */
public record SigmoidKernel(double gamma, double coef0) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Math.tanh(gamma * Kernel.dot(x, z) + coef0);
    }

    @Override
    public void block(double[] a, int m, double[] b, int n, int d, double[] out) {
        KernelBlocks.innerProducts(a, m, b, n, d, out);
        KernelBlocks.inTwoHalves(m * n, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                out[t] = Math.tanh(gamma * out[t] + coef0);
            }
        });
    }

    @Override
    public Optional<KernelSpec> spec() {
        return Optional.of(new KernelSpec("sigmoid", Double.toString(gamma), 0, coef0));
    }

    @Override
    public String describe() {
        return "sigmoid(gamma=" + gamma + ", coef0=" + coef0 + ")";
    }
}
