package mlspark.svm.linear;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The length of each problem's primal point: P is evaluated not only at w~ = sum_i alpha_i y_i x~_i but at
 * lambda w~ for {@link #SIZE} candidate scales lambda around the last best one, and the least P is the
 * round's primal point.
 *
 * <p>Why: dual coordinate ascent reaches D's optimum long before w~(alpha) reaches P's. D is flat where P
 * is steep (|w~ - w*|^2 <= 2 (D* - D), but a small error in w~ moves the margins of the many rows at
 * exactly 1 to either side, and the hinge loss charges the ones below), and from alpha = 0 the iterates
 * are too short: most rows sit just inside the margin. Lengthening w~ puts them outside. In a plain-Java
 * simulation of the rounds (20,000 rows of the sparse generator, 2 partitions) the best lambda was 2.8
 * after one round and 1.001 after 20, and P(lambda w~) was within 1.2 % of the optimum after 10 rounds
 * where P(w~) was 19 % above it. Every candidate's P is exact (the data term of lambda w~ is
 * sum_i C_i max(0, 1 - lambda y_i w~.x~_i), summed in the pass that takes the margins), so the gap stays a
 * certificate; the multipliers and w~ themselves are not touched. The candidates are the center and
 * center x (1 + delta)^(+-1) for delta = {@value #FINEST} x 2^j, j = 0..{@value #STEPS} - 1: steps from
 * a millionth to a doubling, so the center follows the best scale from round to round.
 *
 * @param centers each problem's last best scale (1 at the start)
 */
public record PrimalScales(double[] centers) implements Serializable {
    static final int STEPS = 21;
    static final double FINEST = 1e-6;
    /** Candidates per problem: the center and {@value #STEPS} on either side. */
    public static final int SIZE = 2 * STEPS + 1;

    /** Every problem's scale 1. */
    public static PrimalScales ones(int problems) {
        double[] centers = new double[problems];
        Arrays.fill(centers, 1);
        return new PrimalScales(centers);
    }

    /** The candidates of problem k at {@code [k SIZE + j]}; j = 0 is the center. */
    public double[] candidates() {
        double[] candidates = new double[centers.length * SIZE];
        for (int c = 0; c < centers.length; c++) {
            candidates[c * SIZE] = centers[c];
            for (int j = 0; j < STEPS; j++) {
                double factor = 1 + FINEST * Math.pow(2, j);
                candidates[c * SIZE + 1 + 2 * j] = centers[c] * factor;
                candidates[c * SIZE + 2 + 2 * j] = centers[c] / factor;
            }
        }
        return candidates;
    }
}
