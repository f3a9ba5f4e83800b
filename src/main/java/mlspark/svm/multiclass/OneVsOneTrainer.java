package mlspark.svm.multiclass;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import mlspark.svm.ClassCosts;
import mlspark.linalg.Points;

/**
 * Trains a one-vs-one SVM pair by pair, as LIBSVM's svm_train for C-SVC: each pair's binary problem
 * ({@link OneVsOneProblem}) solved by a {@link BinarySvmFitter}; with probabilities, first the pair's
 * sigmoid fitted on its 5-fold cross-validated decision values. The pairs are independent: a caller may
 * fit them anywhere ({@link #fitPair}) and assemble them ({@link OneVsOneModel#of}).
 */
public final class OneVsOneTrainer {

    /** The model and each pair's fit, in pair order. */
    public record Fit(OneVsOneModel model, List<PairFit> pairs) {
    }

    private OneVsOneTrainer() {
    }

    /** Without probabilities. */
    public static Fit train(OneVsOneProblem problem, BinarySvmFitter fitter) {
        return train(problem, fitter, null);
    }

    /**
     * With probabilities when {@code foldSeed} is given: the folds of {@link #foldPermutations}, so that LIBSVM's
     * Java port after {@code svm.rand.setSeed(foldSeed)} cross-validates on the same folds.
     */
    public static Fit train(OneVsOneProblem problem, BinarySvmFitter fitter, Long foldSeed) {
        int[][] permutations = foldSeed == null ? null : foldPermutations(problem, foldSeed);
        List<PairFit> fits = new ArrayList<>();
        for (ClassPair pair : problem.pairs()) {
            fits.add(fitPair(problem, pair, fitter, permutations == null ? null : permutations[pair.index()]));
        }
        return new Fit(OneVsOneModel.of(problem, fitter.kernel(), fits), fits);
    }

    /**
     * The cross-validation order of each pair's rows, in pair order: LIBSVM draws them from one {@link Random}
     * (its {@code svm.rand}), a {@link CrossValidationFolds#permutation} per pair, pair after pair. Computed
     * up front, they let the pairs be fitted in any order or place with LIBSVM's folds.
     */
    public static int[][] foldPermutations(OneVsOneProblem problem, long seed) {
        Random rand = new Random(seed);
        List<ClassPair> pairs = problem.pairs();
        int[][] out = new int[pairs.size()][];
        for (ClassPair pair : pairs) {
            out[pair.index()] = CrossValidationFolds.permutation(rand, problem.rows(pair).length);
        }
        return out;
    }

    /**
     * Fits one pair.
     *
     * @param foldPermutation the cross-validation order of the pair's rows (its entry of {@link #foldPermutations}),
     *                        or null for no probabilities
     */
    public static PairFit fitPair(OneVsOneProblem problem, ClassPair pair, BinarySvmFitter fitter, int[] foldPermutation) {
        long start = System.nanoTime();
        Points x = problem.x(pair);
        double[] y = problem.y(pair);
        ClassCosts costs = problem.costs(pair);
        PlattSigmoid sigmoid = foldPermutation == null ? null
                : PlattSigmoid.fit(fitter.crossValidationDecisions(x, y, costs, foldPermutation), y);
        BinarySvmFitter.Fit fit = fitter.fit(x, y, costs);
        return new PairFit(pair, problem.rows(pair), fit.model(), fit.solution(), sigmoid,
                (System.nanoTime() - start) / 1e9);
    }
}
