package mlspark.kernel;

/** k(x, z) = (gamma x.z + coef0)^degree, scikit-learn's and LIBSVM's "poly". */
public record PolynomialKernel(double gamma, int degree, double coef0) implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Math.pow(gamma * Kernel.dot(x, z) + coef0, degree);
    }

    @Override
    public String describe() {
        return "poly(gamma=" + gamma + ", degree=" + degree + ", coef0=" + coef0 + ")";
    }
}
