package mlspark.svm.primal;

import java.io.Serializable;

/**
 * The state after {@code round} rounds of dual coordinate ascent (0: alpha = 0, w~ = 0): the primal
 * objective P of the model (the best primal point of the rounds so far), the dual objective D (the
 * best of the multipliers so far), the duality gap P - D (>= 0 up to rounding; P's distance to the
 * optimum is at most the gap) and the seconds of training up to then.
 */
public record DualRound(int round, double objective, double dualObjective, double dualityGap, double seconds)
        implements Serializable {

    /** This round with the dual objective {@code best} where that is higher: P minus the best lower bound known. */
    public DualRound withDualAtLeast(double best) {
        return best > dualObjective ? new DualRound(round, objective, best, objective - best, seconds) : this;
    }

    /** The gap relative to P: what the stopping rule compares with the tolerance. */
    public double relativeGap() {
        return dualityGap / objective;
    }
}
