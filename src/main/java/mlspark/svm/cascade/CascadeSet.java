package mlspark.svm.cascade;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;

/**
 * The points of one sub-problem of a Cascade SVM with their multipliers: {@code index} the points'
 * rows in the whole training set, {@code x} their features (dense or sparse rows, as the training set's) and
 * {@code y} (-1/+1) their labels, {@code alpha} a feasible starting point (0 <= a_i <= C_i, y'a = 0) or, after
 * a solve, the solution.
 */
public record CascadeSet(int[] index, Points x, double[] y, double[] alpha) implements Serializable {
    public CascadeSet {
        if (x.size() != index.length || y.length != index.length || alpha.length != index.length) {
            throw new IllegalArgumentException("a cascade set needs as many features, labels and multipliers as indices");
        }
    }

    public static CascadeSet empty() {
        return new CascadeSet(new int[0], new DensePoints(new double[0][]), new double[0], new double[0]);
    }

    /** The points with a = 0, to start from. */
    public static CascadeSet atZero(int[] index, Points x, double[] y) {
        return new CascadeSet(index, x, y, new double[index.length]);
    }

    public int size() {
        return index.length;
    }

    /** The points at positions {@code positions} of this set, with their multipliers. */
    public CascadeSet subset(int[] positions) {
        int[] idx = new int[positions.length];
        double[] ys = new double[positions.length];
        double[] as = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            idx[k] = index[positions[k]];
            ys[k] = y[positions[k]];
            as[k] = alpha[positions[k]];
        }
        return new CascadeSet(idx, x.subset(positions), ys, as);
    }

    /**
     * A new set of these points followed by those of {@code other} not among them, {@code other}'s starting at
     * a = 0 (sparse when either set is).
     */
    public CascadeSet plus(CascadeSet other) {
        Set<Integer> here = new HashSet<>();
        for (int i : index) {
            here.add(i);
        }
        int[] extra = java.util.stream.IntStream.range(0, other.size()).filter(t -> !here.contains(other.index[t]))
                .toArray();
        int n = size() + extra.length;
        int[] idx = Arrays.copyOf(index, n);
        double[] ys = Arrays.copyOf(y, n);
        for (int k = 0; k < extra.length; k++) {
            idx[size() + k] = other.index[extra[k]];
            ys[size() + k] = other.y[extra[k]];
        }
        return new CascadeSet(idx, Points.concat(x, other.x.subset(extra)), ys,
                Arrays.copyOf(alpha, n));
    }
}
