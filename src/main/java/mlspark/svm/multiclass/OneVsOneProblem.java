package mlspark.svm.multiclass;

import java.util.List;

import mlspark.errors.InvalidParameterException;
import mlspark.svm.ClassCosts;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;

/**
 * A multi-class training set split into its one-vs-one binary problems, as LIBSVM's svm_train: the
 * problem of pair (i, j) holds the rows of class i (label +1) then those of class j (label -1), each in
 * training order, with the costs C_i for +1 and C_j for -1 (C_k = C w_k, LIBSVM's weighted_C).
 */
public final class OneVsOneProblem {
    private final Points x;
    private final int[] classOf;
    private final ClassLabels classes;
    private final double[] costs;
    private final int[][] rowsOfClass;

    /**
     * @param x       the training rows, dense or sparse
     * @param labels  their labels, each one of {@code classes}
     * @param classes the classes in class-index order (e.g. {@link ClassLabels#inOrderOfAppearance}), at least two,
     *                each with at least one row
     * @param costs   C_k of each class index k, each a finite number > 0
     */
    public OneVsOneProblem(Points x, double[] labels, ClassLabels classes, double[] costs) {
        if (x.size() != labels.length) {
            throw new IllegalArgumentException(x.size() + " rows but " + labels.length + " labels");
        }
        int k = classes.numClasses();
        if (k < 2) {
            throw new IllegalArgumentException("one-vs-one needs at least two classes, got " + k + ": " + classes);
        }
        if (costs.length != k) {
            throw new IllegalArgumentException(costs.length + " class costs for " + k + " classes");
        }
        for (int c = 0; c < k; c++) {
            if (!(costs[c] > 0) || Double.isInfinite(costs[c])) {
                throw new InvalidParameterException("C", "class " + classes.value(c)
                        + ": expected a finite cost > 0, got " + costs[c]);
            }
        }
        this.x = x;
        this.classOf = classes.classIndices(labels);
        this.classes = classes;
        this.costs = costs.clone();
        int[] counts = new int[k];
        for (int c : classOf) {
            counts[c]++;
        }
        rowsOfClass = new int[k][];
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class " + classes.value(c) + " has no training rows");
            }
            rowsOfClass[c] = new int[counts[c]];
        }
        int[] filled = new int[k];
        for (int i = 0; i < classOf.length; i++) {
            rowsOfClass[classOf[i]][filled[classOf[i]]++] = i;
        }
    }

    /** Of dense rows. */
    public OneVsOneProblem(double[][] x, double[] labels, ClassLabels classes, double[] costs) {
        this(new DensePoints(x), labels, classes, costs);
    }

    public int size() {
        return x.size();
    }

    public int numClasses() {
        return classes.numClasses();
    }

    public ClassLabels classes() {
        return classes;
    }

    /** The training rows, not a copy. */
    public Points x() {
        return x;
    }

    /** The class index of training row {@code row}. */
    public int classOf(int row) {
        return classOf[row];
    }

    public List<ClassPair> pairs() {
        return ClassPair.all(numClasses());
    }

    /** The training rows of the pair's problem: those of {@code first}, then those of {@code second}. */
    public int[] rows(ClassPair pair) {
        int[] a = rowsOfClass[pair.first()];
        int[] b = rowsOfClass[pair.second()];
        int[] rows = new int[a.length + b.length];
        System.arraycopy(a, 0, rows, 0, a.length);
        System.arraycopy(b, 0, rows, a.length, b.length);
        return rows;
    }

    /** The rows of the pair's problem ({@link #rows}): dense rows the arrays themselves, sparse rows a copy of theirs. */
    public Points x(ClassPair pair) {
        return x.subset(rows(pair));
    }

    /** +1 for the rows of {@code first}, -1 for those of {@code second}, in the order of {@link #rows}. */
    public double[] y(ClassPair pair) {
        int positives = rowsOfClass[pair.first()].length;
        double[] y = new double[positives + rowsOfClass[pair.second()].length];
        for (int t = 0; t < y.length; t++) {
            y[t] = t < positives ? 1 : -1;
        }
        return y;
    }

    /** C_first for label +1, C_second for label -1. */
    public ClassCosts costs(ClassPair pair) {
        return pair.costs(costs);
    }
}
