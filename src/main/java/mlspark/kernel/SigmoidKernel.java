package mlspark.kernel;

/** k(x, z) = tanh(gamma x.z + coef0); not positive semidefinite in general. */
public record SigmoidKernel(double gamma, double coef0) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Math.tanh(gamma * Kernel.dot(x, z) + coef0);
    }

    @Override
    public String describe() {
        return "sigmoid(gamma=" + gamma + ", coef0=" + coef0 + ")";
    }
}
