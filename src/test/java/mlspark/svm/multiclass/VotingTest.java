package mlspark.svm.multiclass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class VotingTest {
    @Test
    void tiedVotesGoToTheFirstClassAndTheOvrScoresBreakTheTieByConfidence() {
        // pairs (0,1), (0,2), (1,2): 0 beats 1, 2 beats 0, 1 beats 2: one vote each
        double[] f = {0.5, -2, 1};
        assertArrayEquals(new int[]{1, 1, 1}, OneVsOneVoting.votes(f, 3));
        assertEquals(0, OneVsOneVoting.winner(f, 3));
        // confidences: class 0: 0.5 - 2 = -1.5, class 1: -0.5 + 1 = 0.5, class 2: 2 - 1 = 1
        double[] expected = {1 - 1.5 / (3 * 2.5), 1 + 0.5 / (3 * 1.5), 1 + 1.0 / (3 * 2)};
        assertArrayEquals(expected, OneVsOneVoting.ovrScores(f, 3), 1e-15);
    }

    @Test
    void aZeroDecisionValueVotesForTheSecondClassAsInLibsvm() {
        assertArrayEquals(new int[]{0, 1}, OneVsOneVoting.votes(new double[]{0}, 2));
        assertEquals(1, OneVsOneVoting.winner(new double[]{0}, 2));
    }

    @Test
    void ovrScoresAreScikitLearnsOvrDecisionFunction() {
        Random random = new Random(5);
        int k = 5;
        for (int trial = 0; trial < 100; trial++) {
            double[] f = new double[k * (k - 1) / 2];
            for (int p = 0; p < f.length; p++) {
                f[p] = 3 * random.nextGaussian();
            }
            // sklearn.utils.multiclass._ovr_decision_function(predictions = f < 0, confidences = -f, k), as SVC calls it
            double[] votes = new double[k];
            double[] sumOfConfidences = new double[k];
            int p = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    sumOfConfidences[i] -= -f[p];
                    sumOfConfidences[j] += -f[p];
                    votes[f[p] < 0 ? j : i] += 1;
                    p++;
                }
            }
            double[] expected = new double[k];
            for (int c = 0; c < k; c++) {
                expected[c] = votes[c] + sumOfConfidences[c] / (3 * (Math.abs(sumOfConfidences[c]) + 1));
            }
            assertArrayEquals(expected, OneVsOneVoting.ovrScores(f, k), 1e-12);
            // the scores never reorder classes whose votes differ: the vote winner's score is the largest unless tied
            double[] scores = OneVsOneVoting.ovrScores(f, k);
            int winner = OneVsOneVoting.winner(f, k);
            for (int c = 0; c < k; c++) {
                if (votes[c] < votes[winner]) {
                    assertTrue(scores[c] < scores[winner], "class " + c + " below the winner " + winner);
                }
            }
        }
    }
}
