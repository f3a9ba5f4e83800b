package mlspark.kernel;

import java.util.Optional;

/** k(x, z) = (gamma x.z + coef0)^degree, scikit-learn's and LIBSVM's "poly". */
public record PolynomialKernel(double gamma, int degree, double coef0) implements InnerProductKernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Math.pow(gamma * Kernel.dot(x, z) + coef0, degree);
    }

    @Override
    public double ofInnerProduct(double xz, double xx, double zz) {
        return Math.pow(gamma * xz + coef0, degree);
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
