package mlspark.svm.multiclass;

import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.KernelSvmModel;

/**
 * The fit of one class pair: its binary model on its problem's rows, the solver's account (iterations, dual
 * objective) and, with probabilities, the pair's sigmoid.
 *
 * @param rows     the training rows of the pair's problem ({@link OneVsOneProblem#rows}); the model's
 *                 support indices are positions in it
 * @param sigmoid  Platt's sigmoid of the pair's decision values, null without probabilities
 * @param seconds  wall seconds of the pair: its solve, its model and its probability cross-validation
 */
public record PairFit(ClassPair pair, int[] rows, KernelSvmModel model, DualSolution solution, PlattSigmoid sigmoid,
                      double seconds) {

    /** The training row of each support vector of the pair's model. */
    public int[] supportRows() {
        int[] support = model.supportIndices();
        int[] out = new int[support.length];
        for (int s = 0; s < support.length; s++) {
            out[s] = rows[support[s]];
        }
        return out;
    }
}
