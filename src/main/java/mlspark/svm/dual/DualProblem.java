package mlspark.svm.dual;

import mlspark.svm.ClassCosts;

/** A soft-margin SVM dual to solve: kernel values of the n training points, labels in -1/+1, costs C_i. */
public record DualProblem(KernelRows kernel, double[] y, ClassCosts costs) {
    public DualProblem {
        if (kernel.size() != y.length) {
            throw new IllegalArgumentException(kernel.size() + " kernel rows but " + y.length + " labels");
        }
        for (double v : y) {
            if (v != 1 && v != -1) {
                throw new IllegalArgumentException("labels must be -1 or +1, got " + v);
            }
        }
    }

    public int size() {
        return y.length;
    }

    /** C_i of sample i. */
    public double cost(int i) {
        return costs.of(y[i]);
    }
}
