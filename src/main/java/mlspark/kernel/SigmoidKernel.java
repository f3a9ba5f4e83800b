package mlspark.kernel;

import java.util.Optional;

/** k(x, z) = tanh(gamma x.z + coef0); not positive semidefinite in general. */
public record SigmoidKernel(double gamma, double coef0) implements InnerProductKernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Math.tanh(gamma * Kernel.dot(x, z) + coef0);
    }

    @Override
    public double ofInnerProduct(double xz, double xx, double zz) {
        return Math.tanh(gamma * xz + coef0);
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
