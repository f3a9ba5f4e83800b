package mlspark.training;

import mlspark.distributed.DistributedGram;

import java.util.function.Consumer;

import org.apache.spark.api.java.JavaSparkContext;

import mlspark.data.LabeledData;
import mlspark.kernel.Kernel;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.DualSolver;
import mlspark.svm.dual.GramMatrixRows;
import mlspark.svm.dual.KernelRows;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.PointKernelRows;

/**
 * Trains a kernel SVM by its dual: the Gram matrix computed by Spark ({@link DistributedGram}), the
 * QP solved on the driver (its decision values: {@link DistributedGram#decisionValues}). SMO on a training set
 * whose Gram matrix would not fit in {@link #GRAM_LIMIT} values computes its kernel rows on the
 * driver, as it asks for them, instead.
 */
public final class DualSvmTrainer {
    /** n^2 above which SMO does not get a precomputed Gram matrix (n = 8192: 512 MB). */
    public static final long GRAM_LIMIT = 8192L * 8192L;

    /** A trained model, its dual solution and the seconds Spark spent on the Gram matrix. */
    public record Fit(KernelSvmModel model, DualSolution solution, double gramSeconds) {
    }

    private DualSvmTrainer() {
    }

    /** Solves, fails with NOT_CONVERGED when the solver did not converge, and builds the model. */
    public static Fit train(JavaSparkContext sc, LabeledData train, Kernel kernel, ClassCosts costs, DualSolver solver,
                            double threshold, BiasRule rule, int partitions, Consumer<String> log) {
        int n = train.size();
        long start = System.nanoTime();
        KernelRows rows;
        if (solver.readsRows() && (long) n * n > GRAM_LIMIT) {
            log.accept("n = " + n + ": kernel rows computed on the driver as " + solver.name() + " asks for them");
            rows = new PointKernelRows(kernel, train.x());
        } else {
            rows = new GramMatrixRows(n, DistributedGram.compute(sc, kernel, train.x(), partitions));
        }
        double gramSeconds = (System.nanoTime() - start) / 1e9;
        DualProblem problem = new DualProblem(rows, train.y(), costs);
        DualSolution solution = solver.solve(problem).requireConverged();
        return new Fit(KernelSvmModel.of(solution, problem, kernel, train.x(), threshold, rule), solution, gramSeconds);
    }
}
