package mlspark.svm.cascade;

import java.io.Serializable;

/**
 * The points of one sub-problem of a Cascade SVM with their multipliers: {@code index} the points'
 * rows in the whole training set, {@code x} and {@code y} (-1/+1) their features and labels,
 * {@code alpha} a feasible starting point (0 <= a_i <= C_i, y'a = 0) or, after a solve, the solution.
 */
public record CascadeSet(int[] index, double[][] x, double[] y, double[] alpha) implements Serializable {
    public CascadeSet {
        if (x.length != index.length || y.length != index.length || alpha.length != index.length) {
            throw new IllegalArgumentException("a cascade set needs as many features, labels and multipliers as indices");
        }
    }

    public static CascadeSet empty() {
        return new CascadeSet(new int[0], new double[0][], new double[0], new double[0]);
    }

    /** The points with a = 0, to start from. */
    public static CascadeSet atZero(int[] index, double[][] x, double[] y) {
        return new CascadeSet(index, x, y, new double[index.length]);
    }

    public int size() {
        return index.length;
    }

    /** These points followed by those of {@code other} not among them, {@code other}'s starting at a = 0. */
    public CascadeSet plus(CascadeSet other) {
        java.util.Set<Integer> here = new java.util.HashSet<>();
        for (int i : index) {
            here.add(i);
        }
        int extra = 0;
        for (int i : other.index) {
            if (!here.contains(i)) {
                extra++;
            }
        }
        int n = size() + extra;
        int[] idx = java.util.Arrays.copyOf(index, n);
        double[][] xs = java.util.Arrays.copyOf(x, n);
        double[] ys = java.util.Arrays.copyOf(y, n);
        double[] as = java.util.Arrays.copyOf(alpha, n);
        int k = size();
        for (int t = 0; t < other.size(); t++) {
            if (!here.contains(other.index[t])) {
                idx[k] = other.index[t];
                xs[k] = other.x[t];
                ys[k] = other.y[t];
                k++;
            }
        }
        return new CascadeSet(idx, xs, ys, as);
    }
}
