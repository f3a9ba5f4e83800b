package mlspark.svm.linear;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import mlspark.svm.primal.DualRound;

/**
 * The intercepts of CoCoA+ found apart from the multipliers, where the bias feature stalls it.
 *
 * <p>With the bias a feature in every row, D(alpha) = sum_i alpha_i - 1/2 |w|^2 - 1/2 B^2 s^2 couples all
 * partitions through the one number s = sum_i alpha_i y_i. CoCoA+'s safe subproblem charges each
 * partition sigma' B^2 / 2 for its own change of s, so a change that only moves s from one partition
 * to another, free in D, costs each of them as much as a change of s itself: it advances by about
 * |x|^2 / (sigma' m B^2) of the way per round, m the free multipliers of a partition, and the rounds stall
 * far from the optimum (relative gap 1e-2 on 20,000 sparse rows in 2 partitions, for hundreds of rounds).
 *
 * <p>Once the relative gap is below {@value #STALL_GAP} and has fallen by less than {@value #STALL_FACTOR}
 * in {@value #STALL_ROUNDS} rounds, the intercept b is fixed and the partitions ascend D_b(alpha) = sum_i alpha_i (1 - y_i b) -
 * 1/2 |w|^2 instead ({@link LocalDualAscent}), which has no coupling through s: CoCoA+ converges fast
 * on it (as with B = 0). Since min_b of b s - b^2 / (2 B^2) is the bias term of D, F(b) = max_alpha
 * D_b(alpha) + b^2 / (2 B^2) is convex with F'(b) = b / B^2 - s(alpha_b); its root is the optimum's
 * intercept b = B w_B, where alpha_b is optimal for D. Between inner solves (each until D_b's relative
 * gap is at most {@value #INNER_FRACTION} x tol, or {@value #MAX_INNER} rounds) the driver takes a step
 * of regula falsi (the Illinois variant) on F', the first one Newton's with F'' estimated as
 * 1 / B^2 + sum over the free multipliers of 1/|x_i|^2 (how s answers b were the rows orthogonal), and
 * doubled until the root is bracketed. The duality gap stays the full problem's: D(alpha) at the
 * multipliers, P at w with the better of B w_B and b. One problem each for one-vs-rest, side by side.
 * Where the inner problems themselves converge slowly (dense rows with many multipliers at C), the
 * search may do worse than the rounds it replaced: when its gap is no smaller than at its start after
 * {@value #TRIAL_ROUNDS} rounds, it is given up for good and the bias feature's rounds go on.
 *
 * @param roots       each problem's search, in problem order
 * @param innerRounds rounds since the last step
 * @param rounds      rounds since the search began
 * @param startGap    the relative gap when it began
 * @param givenUp     whether it was given up (the rounds use the bias feature again)
 */
public record InterceptSearch(List<Root> roots, int innerRounds, int rounds, double startGap, boolean givenUp)
        implements Serializable {
    static final double STALL_GAP = 0.05;
    static final double STALL_FACTOR = 0.7;
    static final int STALL_ROUNDS = 3;
    static final double INNER_FRACTION = 0.1;
    static final int MAX_INNER = 10;
    static final int TRIAL_ROUNDS = 30;

    /**
     * One problem's root search on F'(b): the current intercept, the bracket's ends with their F' (low
     * below the root: F' < 0; null until found), the intercept before and which end the last step replaced.
     */
    public record Root(double intercept, Double low, Double lowSlope, Double high, Double highSlope, Double previous,
                       int lastSide) implements Serializable {

        /** After an inner solve at {@link #intercept}: F' there is {@code slope}, F'' about {@code curvature}. */
        Root step(double slope, double curvature) {
            if (slope == 0) {
                return this;
            }
            int side = slope < 0 ? -1 : 1;
            Double lo = low, loSlope = lowSlope, hi = high, hiSlope = highSlope;
            if (side < 0) {
                lo = intercept;
                loSlope = slope;
                if (lastSide == side && hi != null) {
                    hiSlope = hiSlope / 2;
                }
            } else {
                hi = intercept;
                hiSlope = slope;
                if (lastSide == side && lo != null) {
                    loSlope = loSlope / 2;
                }
            }
            double next;
            if (lo != null && hi != null) {
                next = lo - loSlope * (hi - lo) / (hiSlope - loSlope);
            } else {
                double length = previous == null ? Math.abs(slope) / curvature : 2 * Math.abs(intercept - previous);
                next = intercept - side * length;
            }
            return new Root(next, lo, loSlope, hi, hiSlope, intercept, side);
        }
    }

    /** Whether the rounds so far (from round 0) have stalled: CoCoA+ with the bias feature should give way. */
    public static boolean stalled(List<DualRound> rounds) {
        int n = rounds.size();
        double gap = rounds.get(n - 1).relativeGap();
        return n > STALL_ROUNDS && gap < STALL_GAP && gap > STALL_FACTOR * rounds.get(n - 1 - STALL_ROUNDS).relativeGap();
    }

    /**
     * The search from the multipliers' sums s_k: b_k = B^2 s_k = B w_Bk, the bias feature's intercepts;
     * {@code gap} is the relative gap it is to improve on.
     */
    public static InterceptSearch start(double[] labelSums, double biasFeature, double gap) {
        List<Root> roots = new ArrayList<>();
        for (double s : labelSums) {
            roots.add(new Root(biasFeature * biasFeature * s, null, null, null, null, null, 0));
        }
        return new InterceptSearch(List.copyOf(roots), 0, 0, gap, false);
    }

    /** The intercepts b_k of the next round, or null once given up. */
    public double[] intercepts() {
        return givenUp ? null : roots.stream().mapToDouble(Root::intercept).toArray();
    }

    /**
     * After a round at {@link #intercepts} (a search not given up): {@code innerGaps} are D_b's relative gaps
     * at the state it started from, {@code labelSums} the s_k after it, {@code freeCurvature} the sums of
     * 1/|x_i|^2 over its free multipliers, {@code gap} the round's relative gap. Steps every problem once the inner solves are
     * done, else counts the round; gives up where the trial rounds did not improve on the start's gap.
     */
    public InterceptSearch next(double[] innerGaps, double[] labelSums, double[] freeCurvature, double biasFeature,
                                double tol, double gap) {
        if (rounds + 1 >= TRIAL_ROUNDS && gap >= startGap) {
            return new InterceptSearch(roots, innerRounds, rounds + 1, startGap, true);
        }
        boolean solved = innerRounds + 1 >= MAX_INNER || Arrays.stream(innerGaps).allMatch(g -> g <= INNER_FRACTION * tol);
        if (!solved) {
            return new InterceptSearch(roots, innerRounds + 1, rounds + 1, startGap, false);
        }
        double inverseB2 = 1 / (biasFeature * biasFeature);
        List<Root> stepped = new ArrayList<>();
        for (int c = 0; c < roots.size(); c++) {
            Root root = roots.get(c);
            stepped.add(root.step(root.intercept() * inverseB2 - labelSums[c], inverseB2 + freeCurvature[c]));
        }
        return new InterceptSearch(List.copyOf(stepped), 0, rounds + 1, startGap, false);
    }
}
