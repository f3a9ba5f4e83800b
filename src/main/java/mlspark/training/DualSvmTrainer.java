package mlspark.training;

import mlspark.distributed.DistributedGram;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import mlspark.data.LabeledData;
import mlspark.kernel.Kernel;
import mlspark.linalg.Points;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.DualSolver;
import mlspark.svm.dual.GramMatrixRows;
import mlspark.svm.dual.KernelRows;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.multiclass.BinarySvmFitter;
import mlspark.svm.multiclass.ClassLabels;
import mlspark.svm.multiclass.ClassPair;
import mlspark.svm.multiclass.OneVsOneModel;
import mlspark.svm.multiclass.OneVsOneProblem;
import mlspark.svm.multiclass.OneVsOneTrainer;
import mlspark.svm.multiclass.PairFit;
import mlspark.svm.multiclass.PlattSigmoid;

/**
 * Trains a kernel SVM by its dual: the Gram matrix computed by Spark ({@link DistributedGram}), the
 * QP solved on the driver (its decision values: {@link DistributedGram#decisionValues}). SMO on a training set
 * whose Gram matrix would not fit in {@link #GRAM_LIMIT} values computes its kernel rows on the
 * driver, as it asks for them, instead. A multi-class set ({@link #trainPairs}): its one-vs-one class pairs
 * solved in parallel on the executors, one task per pair.
 */
public final class DualSvmTrainer {
    /** n^2 above which SMO does not get a precomputed Gram matrix (n = 8192: 512 MB). */
    public static final long GRAM_LIMIT = 8192L * 8192L;

    /** A trained model, its dual solution and the seconds Spark spent on the Gram matrix. */
    public record Fit(KernelSvmModel model, DualSolution solution, double gramSeconds) {
    }

    /** The solver of a problem of {@code rows} rows, made where the problem is solved (the solvers are not serializable). */
    @FunctionalInterface
    public interface SolverFactory extends Serializable {
        DualSolver solver(int rows);
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
            rows = new PointKernelRows(kernel, train.features());
        } else {
            rows = new GramMatrixRows(n, DistributedGram.compute(sc, kernel, train.features(), partitions));
        }
        double gramSeconds = (System.nanoTime() - start) / 1e9;
        DualProblem problem = new DualProblem(rows, train.y(), costs);
        DualSolution solution = solver.solve(problem).requireConverged();
        return new Fit(KernelSvmModel.of(solution, problem, kernel, train.features(), threshold, rule), solution, gramSeconds);
    }

    /**
     * Platt's sigmoid of a binary model's decision values (labels -1/+1), fitted on 5-fold cross-validated
     * decision values as LIBSVM's -b 1 does for its one class pair: the rows regrouped +1 first, as LIBSVM
     * groups a pair's rows (so that its Java port seeded with {@code seed} draws the same folds when its first
     * training row is a +1).
     */
    public static PlattSigmoid sigmoid(LabeledData train, Kernel kernel, ClassCosts costs, DualSolver solver,
                                       double threshold, BiasRule rule, long seed) {
        OneVsOneProblem problem = new OneVsOneProblem(train.features(), train.y(), new ClassLabels(new double[]{1, -1}),
                new double[]{costs.c1(), costs.c0()});
        ClassPair pair = problem.pairs().get(0);
        double[] y = problem.y(pair);
        int[] permutation = OneVsOneTrainer.foldPermutations(problem, seed)[0];
        return PlattSigmoid.fit(new BinarySvmFitter(kernel, solver, threshold, rule)
                .crossValidationDecisions(problem.x(pair), y, problem.costs(pair), permutation), y);
    }

    /**
     * A one-vs-one SVM (LIBSVM's C-SVC): each class pair's binary problem is a Spark task of its own, the training
     * rows broadcast once, the largest pairs first; the executors return the pairs' models (and, with
     * {@code foldSeed}, their sigmoids, LIBSVM's folds of {@link OneVsOneTrainer#foldPermutations}), which
     * the driver assembles.
     *
     * @param foldSeed null: no probabilities
     */
    public static OneVsOneTrainer.Fit trainPairs(JavaSparkContext sc, OneVsOneProblem problem, Kernel kernel,
                                                 SolverFactory solvers, double threshold, BiasRule rule, Long foldSeed,
                                                 Consumer<String> log) {
        int[][] permutations = foldSeed == null ? null : OneVsOneTrainer.foldPermutations(problem, foldSeed);
        List<PairTask> tasks = new ArrayList<>();
        for (ClassPair pair : problem.pairs()) {
            tasks.add(new PairTask(pair.index(), problem.rows(pair), problem.y(pair), problem.costs(pair),
                    permutations == null ? null : permutations[pair.index()]));
        }
        tasks.sort(Comparator.comparingInt((PairTask t) -> t.y().length).reversed());
        log.accept(String.format("%d classes: %d class pairs on the executors, %d to %d rows each", problem.numClasses(),
                tasks.size(), tasks.get(tasks.size() - 1).y().length, tasks.get(0).y().length));
        // the rows go to each executor once (a pair's own copy in its task would ship every row K - 1 times)
        Broadcast<Points> x = sc.broadcast(problem.x());
        List<PairResult> results;
        try {
            results = sc.parallelize(tasks, tasks.size()).map(task -> task.fit(x.value(), kernel, solvers, threshold,
                    rule)).collect();
        } finally {
            x.destroy();
        }
        PairFit[] fits = new PairFit[results.size()];
        for (PairResult r : results) {
            ClassPair pair = problem.pairs().get(r.pairIndex());
            fits[r.pairIndex()] = new PairFit(pair, problem.rows(pair), r.model(), r.solution(), r.sigmoid(), r.seconds());
        }
        List<PairFit> inOrder = List.of(fits);
        return new OneVsOneTrainer.Fit(OneVsOneModel.of(problem, kernel, inOrder), inOrder);
    }

    /**
     * A class pair's binary problem as a task takes it: the indices of its rows among all training rows (dense or
     * sparse as those are), those of the first class (+1), then the second's (-1).
     */
    private record PairTask(int pairIndex, int[] rows, double[] y, ClassCosts costs, int[] foldPermutation)
            implements Serializable {
        /** {@link OneVsOneTrainer#fitPair} on the pair as a problem of two classes, +1 and -1, in this order. */
        PairResult fit(Points allRows, Kernel kernel, SolverFactory solvers, double threshold, BiasRule rule) {
            Points x = allRows.subset(rows);
            OneVsOneProblem two = new OneVsOneProblem(x, y, new ClassLabels(new double[]{1, -1}),
                    new double[]{costs.c1(), costs.c0()});
            PairFit fit = OneVsOneTrainer.fitPair(two, two.pairs().get(0),
                    new BinarySvmFitter(kernel, solvers.solver(y.length), threshold, rule), foldPermutation);
            return new PairResult(pairIndex, fit.model(), fit.solution(), fit.sigmoid(), fit.seconds());
        }
    }

    /** What a pair's task sends back: a {@link PairFit} but for the training rows, which the driver knows. */
    private record PairResult(int pairIndex, KernelSvmModel model, DualSolution solution, PlattSigmoid sigmoid,
                              double seconds) implements Serializable {
    }
}
