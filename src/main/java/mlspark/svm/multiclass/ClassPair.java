package mlspark.svm.multiclass;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import mlspark.svm.ClassCosts;

/**
 * The binary problem of classes {@code first < second}, number {@code index} in LIBSVM's order
 * (0,1), (0,2), ..., (0,K-1), (1,2), ...: rows of {@code first} are labelled +1, rows of {@code second} -1,
 * so a positive decision value is a vote for {@code first}.
 */
public record ClassPair(int first, int second, int index) implements Serializable {
    public ClassPair {
        if (first < 0 || second <= first) {
            throw new IllegalArgumentException("class pair (" + first + ", " + second + "): expected 0 <= first < second");
        }
    }

    /** The pair's costs from each class index's C_k ({@code classCosts}): C_first for label +1, C_second for label -1. */
    public ClassCosts costs(double[] classCosts) {
        return new ClassCosts(classCosts[second], classCosts[first]);
    }

    /** K(K-1)/2. */
    public static int count(int numClasses) {
        return numClasses * (numClasses - 1) / 2;
    }

    /** All pairs of {@code numClasses} classes, in LIBSVM's order. */
    public static List<ClassPair> all(int numClasses) {
        List<ClassPair> pairs = new ArrayList<>(count(numClasses));
        for (int i = 0; i < numClasses; i++) {
            for (int j = i + 1; j < numClasses; j++) {
                pairs.add(new ClassPair(i, j, pairs.size()));
            }
        }
        return pairs;
    }
}
