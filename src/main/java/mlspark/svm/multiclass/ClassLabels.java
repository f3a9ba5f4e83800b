package mlspark.svm.multiclass;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The label values of the K classes, in class-index order 0..K-1. {@link #inOrderOfAppearance} orders them
 * as LIBSVM does (svm_group_classes): by first appearance in the training labels, except that the two
 * labels -1 and +1 of a binary set are always ordered +1, -1 (so that the pair's decision value is
 * positive for +1, as in this project's binary SVMs).
 */
public record ClassLabels(double[] values) implements Serializable {
    public ClassLabels {
        for (int k = 0; k < values.length; k++) {
            for (int m = 0; m < k; m++) {
                if (values[k] == values[m]) {
                    throw new IllegalArgumentException("class label " + values[k] + " given twice in "
                            + Arrays.toString(values));
                }
            }
        }
    }

    public static ClassLabels inOrderOfAppearance(double[] labels) {
        Map<Double, Boolean> seen = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (Double.isNaN(labels[i])) {
                throw new IllegalArgumentException("row " + i + ": label NaN is not a number");
            }
            // + 0.0 makes -0.0 the class 0.0
            seen.putIfAbsent(labels[i] + 0.0, Boolean.TRUE);
        }
        double[] values = seen.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        if (values.length == 2 && values[0] == -1 && values[1] == 1) {
            values = new double[]{1, -1};
        }
        return new ClassLabels(values);
    }

    /** The classes 0, 1, ..., k - 1, as the library's class indices. */
    public static ClassLabels indices(int k) {
        double[] values = new double[k];
        Arrays.setAll(values, i -> i);
        return new ClassLabels(values);
    }

    public int numClasses() {
        return values.length;
    }

    public double value(int classIndex) {
        return values[classIndex];
    }

    /**
     * The class index of {@code label}, or {@link #numClasses()} for a label that is no class (a test row of a
     * class the training set lacks: no prediction equals it).
     */
    public int classIndexOrUnseen(double label) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] == label) {
                return k;
            }
        }
        return values.length;
    }

    /** The class index of each label; a label that is no class fails, naming its row. */
    public int[] classIndices(double[] labels) {
        Map<Double, Integer> index = new LinkedHashMap<>();
        for (int k = 0; k < values.length; k++) {
            index.put(values[k] + 0.0, k);
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            Integer k = index.get(labels[i] + 0.0);
            if (k == null) {
                throw new IllegalArgumentException("row " + i + ": label " + labels[i] + " is not one of the classes "
                        + Arrays.toString(values));
            }
            out[i] = k;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassLabels other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
