package mlspark.svm.multiclass;

/**
 * From the K(K-1)/2 decision values of a row (pair order of {@link ClassPair#all}) to a class: LIBSVM's votes
 * and scikit-learn's one-vs-rest scores.
 */
public final class OneVsOneVoting {
    private OneVsOneVoting() {
    }

    /**
     * Votes per class, LIBSVM's svm_predict_values: pair (i, j) votes for i when its decision value is
     * {@code > 0}, else for j. (scikit-learn's {@code _ovr_decision_function} gives a value of exactly 0 to i.)
     */
    public static int[] votes(double[] decisionValues, int numClasses) {
        int[] votes = new int[numClasses];
        for (ClassPair pair : ClassPair.all(numClasses)) {
            votes[decisionValues[pair.index()] > 0 ? pair.first() : pair.second()]++;
        }
        return votes;
    }

    /** The class with the most votes; of tied classes, the smallest index (LIBSVM's rule). */
    public static int winner(double[] decisionValues, int numClasses) {
        int[] votes = votes(decisionValues, numClasses);
        int best = 0;
        for (int k = 1; k < numClasses; k++) {
            if (votes[k] > votes[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * scikit-learn's {@code decision_function_shape='ovr'} ({@code sklearn.utils.multiclass._ovr_decision_function}
     * with confidences -f): votes_k + s_k / (3 (|s_k| + 1)), s_k the sum of the decision values of the pairs
     * (k, j) minus those of the pairs (i, k). The confidence term lies in (-1/3, 1/3): it orders classes with
     * equal votes and never reorders classes whose votes differ.
     */
    public static double[] ovrScores(double[] decisionValues, int numClasses) {
        int[] votes = votes(decisionValues, numClasses);
        double[] confidence = new double[numClasses];
        for (ClassPair pair : ClassPair.all(numClasses)) {
            confidence[pair.first()] += decisionValues[pair.index()];
            confidence[pair.second()] -= decisionValues[pair.index()];
        }
        double[] scores = new double[numClasses];
        for (int k = 0; k < numClasses; k++) {
            scores[k] = votes[k] + confidence[k] / (3 * (Math.abs(confidence[k]) + 1));
        }
        return scores;
    }
}
