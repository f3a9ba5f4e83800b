package mlspark.kernel;

import java.util.Optional;

/** k(x, z) = (gamma x.z + coef0)^degree, scikit-learn's and LIBSVM's "poly". */
public record PolynomialKernel(double gamma, int degree, double coef0) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Math.pow(gamma * Kernel.dot(x, z) + coef0, degree);
    }

    @Override
    public void block(double[] a, int m, double[] b, int n, int d, double[] out) {
        KernelBlocks.innerProducts(a, m, b, n, d, out);
        KernelBlocks.inTwoHalves(m * n, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                out[t] = Math.pow(gamma * out[t] + coef0, degree);
            }
        });
    }

    @Override
    public Optional<KernelSpec> spec() {
        return Optional.of(new KernelSpec("poly", Double.toString(gamma), degree, coef0));
    }

    @Override
    public String describe() {
        return "poly(gamma=" + gamma + ", degree=" + degree + ", coef0=" + coef0 + ")";
    }
}
