package mlspark.kernel;

/** The Gaussian kernel k(x, z) = exp(-gamma |x - z|^2). */
public record RbfKernel(double gamma) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Math.exp(-gamma * Kernel.squaredDistance(x, z));
    }

    @Override
    public String describe() {
        return "rbf(gamma=" + gamma + ")";
    }
}
