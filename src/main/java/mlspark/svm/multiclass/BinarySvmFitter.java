package mlspark.svm.multiclass;

import mlspark.kernel.Kernel;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.DualSolver;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.PointKernelRows;
import mlspark.linalg.Points;

/**
 * How each binary problem of a one-vs-one fit is solved: the project's dual solver on kernel rows
 * computed from the points as the solver asks for them, then a binary {@link KernelSvmModel} with support
 * vectors a_i > {@code threshold} and the bias by {@code rule}, as {@code mlspark.training.DualSvmTrainer}.
 */
public record BinarySvmFitter(Kernel kernel, DualSolver solver, double threshold, BiasRule rule) {

    /** A binary model and the dual solution it came from. */
    public record Fit(KernelSvmModel model, DualSolution solution) {
    }

    /** Solves (failing as {@link DualSolution#requireConverged} when the solver did not converge). */
    public Fit fit(Points x, double[] y, ClassCosts costs) {
        DualProblem problem = new DualProblem(new PointKernelRows(kernel, x), y, costs);
        DualSolution solution = solver.solve(problem).requireConverged();
        return new Fit(KernelSvmModel.of(solution, problem, kernel, x, threshold, rule), solution);
    }

    /**
     * The decision value of each row by a model fitted without its fold, as LIBSVM's svm_binary_svc_probability:
     * the folds of {@link CrossValidationFolds} over {@code permutation}; each fold's model is trained on the
     * other rows with the +1 rows first (as svm_train regroups them), or, when those rows hold one label only,
     * the fold's decision values are that label (0 when there are none).
     *
     * @param permutation the shuffled order of the rows, {@link CrossValidationFolds#permutation}
     */
    public double[] crossValidationDecisions(Points x, double[] y, ClassCosts costs, int[] permutation) {
        int l = y.length;
        if (permutation.length != l) {
            throw new IllegalArgumentException("a permutation of " + permutation.length + " rows for " + l + " rows");
        }
        double[] decisions = new double[l];
        for (int fold = 0; fold < CrossValidationFolds.FOLDS; fold++) {
            int begin = CrossValidationFolds.begin(fold, l);
            int end = CrossValidationFolds.begin(fold + 1, l);
            int positives = 0;
            for (int t = 0; t < l; t++) {
                if ((t < begin || t >= end) && y[permutation[t]] > 0) {
                    positives++;
                }
            }
            int negatives = l - (end - begin) - positives;
            if (positives == 0 || negatives == 0) {
                double value = positives > 0 ? 1 : negatives > 0 ? -1 : 0;
                for (int t = begin; t < end; t++) {
                    decisions[permutation[t]] = value;
                }
                continue;
            }
            int[] trainRows = new int[positives + negatives];
            double[] trainY = new double[positives + negatives];
            int nextPositive = 0;
            int nextNegative = positives;
            for (int t = 0; t < l; t++) {
                if (t >= begin && t < end) {
                    continue;
                }
                int row = permutation[t];
                int at = y[row] > 0 ? nextPositive++ : nextNegative++;
                trainRows[at] = row;
                trainY[at] = y[row];
            }
            KernelSvmModel model = fit(x.subset(trainRows), trainY, costs).model();
            for (int t = begin; t < end; t++) {
                decisions[permutation[t]] = model.decision(x, permutation[t]);
            }
        }
        return decisions;
    }
}
