package mlspark.kernel;

/** k(x, z) = x.z. */
public record LinearKernel() implements Kernel {
    @Override
    public double apply(double[] x, double[] z) {
        return Kernel.dot(x, z);
    }

    @Override
    public String describe() {
        return "linear";
    }
}
