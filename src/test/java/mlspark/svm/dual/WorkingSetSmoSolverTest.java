package mlspark.svm.dual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import mlspark.bench.LibsvmBaseline;
import mlspark.data.LabeledData;
import mlspark.data.TwoMoons;
import mlspark.kernel.Kernel;
import mlspark.kernel.LinearKernel;
import mlspark.kernel.PolynomialKernel;
import mlspark.kernel.QuadraticFeatureMap;
import mlspark.kernel.RbfKernel;
import mlspark.svm.ClassCosts;

class WorkingSetSmoSolverTest {
    private static final double EPS = 1e-5;
    private static final SmoSolver SMO = new SmoSolver(SmoSolver.Settings.defaults().withEps(EPS));
    private static final int[] WORKING_SET_SIZES = {2, 16, 256};
    /** |y_i h(x_i) - 1| below this: on the margin's edge, where a_i = 0 and a_i > 0 are both optimal to eps. */
    private static final double EDGE = 1e-3;

    private static WorkingSetSmoSolver solver(int q) {
        return new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults().withEps(EPS).withWorkingSetSize(q));
    }

    /** Two Gaussian blobs of unit spread whose centres are 2 apart: overlapping classes. */
    private static LabeledData blobs(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2 == 0 ? 1 : -1;
            x[i] = new double[]{y[i] + random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        }
        return new LabeledData(x, y, "blobs");
    }

    private static int freeCount(double[] alpha, double[] y, ClassCosts costs) {
        int free = 0;
        for (int i = 0; i < alpha.length; i++) {
            if (alpha[i] > 1e-8 && alpha[i] < costs.of(y[i]) - 1e-8) {
                free++;
            }
        }
        return free;
    }

    /**
     * The batched solver for each working-set size against SmoSolver and LIBSVM's Java port: the
     * objective to 1e-6 relative, the KKT conditions, the gradient recomputed from the kernel, the
     * support vectors but on the margin's edge (by LIBSVM's decision values), and LIBSVM's bias.
     */
    private static void agree(String what, LabeledData data, Kernel kernel, ClassCosts costs) {
        DualProblem problem = new DualProblem(new PointKernelRows(kernel, data.x()), data.y(), costs);
        DualSolution smo = SMO.solve(problem).requireConverged();
        LibsvmBaseline.Result libsvm = LibsvmBaseline.train(data.x(), data.y(), kernel, costs, EPS, 50);
        double[] y = data.y();
        int n = data.size();
        // LIBSVM's alphas in this problem's objective: LIBSVM reports its objective from float kernel values
        double libsvmObjective = 0;
        for (int i = 0; i < n; i++) {
            libsvmObjective += libsvm.alpha()[i];
            for (int j = 0; j < n; j++) {
                libsvmObjective -= 0.5 * libsvm.alpha()[i] * libsvm.alpha()[j] * y[i] * y[j]
                        * kernel.apply(data.x()[i], data.x()[j]);
            }
        }
        double scale = Math.abs(libsvmObjective);
        assertEquals(libsvmObjective, libsvm.dualObjective(), 1e-5 * scale, what + ": LIBSVM's own objective");
        for (int q : WORKING_SET_SIZES) {
            String label = what + ", q = " + q;
            DualSolution ws = solver(q).solve(problem).requireConverged();
            assertEquals(libsvmObjective, ws.dualObjective(), 1e-6 * scale, label + ": vs LIBSVM");
            assertEquals(smo.dualObjective(), ws.dualObjective(), 1e-6 * scale, label + ": vs smo");
            assertTrue(ws.kktResidual() < EPS, label + ": KKT residual " + ws.kktResidual());
            assertTrue(DualKkt.maximalViolation(ws.alpha(), ws.gradient(), y, costs) < EPS, label);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double bound = costs.of(y[i]);
                assertTrue(ws.alpha()[i] >= 0 && ws.alpha()[i] <= bound, label + ": a_" + i + " = " + ws.alpha()[i]);
                sum += y[i] * ws.alpha()[i];
            }
            assertEquals(0, sum, 1e-9 * n, label + ": y'a");
            for (int i = 0; i < n; i += 7) {
                double g = -1;
                for (int j = 0; j < n; j++) {
                    g += ws.alpha()[j] * y[i] * y[j] * kernel.apply(data.x()[i], data.x()[j]);
                }
                assertEquals(g, ws.gradient()[i], 1e-8 * Math.max(1, Math.abs(g)), label + ": G_" + i);
            }
            int edge = 0;
            for (int i = 0; i < n; i++) {
                boolean ours = ws.alpha()[i] > 0;
                boolean theirs = libsvm.alpha()[i] > 0;
                if (ours != theirs) {
                    double margin = y[i] * libsvm.decision(data.x()[i]) - 1;
                    assertTrue(Math.abs(margin) < EDGE, label + ": point " + i + " a = " + ws.alpha()[i]
                            + " vs LIBSVM's " + libsvm.alpha()[i] + ", y h(x) - 1 = " + margin);
                    edge++;
                }
            }
            assertTrue(edge <= n / 50, label + ": " + edge + " support vectors differ");
            KernelSvmModel model = KernelSvmModel.of(ws, problem, kernel, data.x(), 0, BiasRule.LIBSVM);
            assertEquals(libsvm.b(), model.b(), 1e-3 * Math.max(1, Math.abs(libsvm.b())), label + ": b");
        }
    }

    @Test
    void reachesSmoAndLibsvmOptimumOnTwoMoons() {
        agree("moons", TwoMoons.generate(300, 0.2, 11), new RbfKernel(1), ClassCosts.symmetric(1));
    }

    @Test
    void reachesSmoAndLibsvmOptimumOnBlobsWithClassCosts() {
        LabeledData data = blobs(400, 5);
        ClassCosts costs = new ClassCosts(0.4, 2.5);
        agree("blobs", data, new RbfKernel(0.5), costs);
        agree("blobs linear", data, new LinearKernel(), costs);
    }

    @Test
    void reachesSmoAndLibsvmOptimumWithManyFreeMultipliers() {
        LabeledData data = TwoMoons.generate(300, 0.15, 4);
        ClassCosts costs = ClassCosts.symmetric(1000);
        Kernel kernel = new RbfKernel(2);
        agree("moons C = 1000", data, kernel, costs);
        DualSolution s = SMO.solve(new DualProblem(new PointKernelRows(kernel, data.x()), data.y(), costs));
        assertTrue(freeCount(s.alpha(), data.y(), costs) >= 10, "a set with many free multipliers: "
                + freeCount(s.alpha(), data.y(), costs));
    }

    @Test
    void reachesSmoOptimumOnAPrecomputedGramMatrixAndACompositeKernel() {
        LabeledData data = blobs(250, 8);
        Kernel kernel = new RbfKernel(0.5).plus(new LinearKernel().after(new QuadraticFeatureMap()));
        ClassCosts costs = new ClassCosts(2, 0.7);
        DualProblem points = new DualProblem(new PointKernelRows(kernel, data.x()), data.y(), costs);
        DualProblem gram = new DualProblem(new GramMatrixRows(data.size(), points.kernel().matrix()), data.y(), costs);
        DualSolution smo = SMO.solve(points).requireConverged();
        for (int q : WORKING_SET_SIZES) {
            for (DualProblem problem : List.of(points, gram)) {
                DualSolution ws = solver(q).solve(problem).requireConverged();
                assertEquals(smo.dualObjective(), ws.dualObjective(), 1e-6 * smo.dualObjective(), "q = " + q);
            }
        }
    }

    /**
     * The row cache: holding every row, each is computed at most once and later working sets find theirs
     * there; holding only the working set (cacheBytes 0), rows are computed again, to the same optimum.
     */
    @Test
    void theRowCacheComputesEachRowOnceWhenItHoldsThemAll() {
        LabeledData data = TwoMoons.generate(600, 0.2, 9);
        DualProblem problem = new DualProblem(new PointKernelRows(new RbfKernel(1), data.x()), data.y(),
                ClassCosts.symmetric(1));
        double optimum = SMO.solve(problem).requireConverged().dualObjective();
        for (int q : new int[]{16, 64}) {
            WorkingSetSmoSolver.Run all = solver(q).run(problem, null, null);
            WorkingSetSmoSolver.Run none = new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults().withEps(EPS)
                    .withWorkingSetSize(q).withCacheBytes(0)).run(problem, null, null);
            assertTrue(all.phases().kernelRows() <= data.size(), "q = " + q + ": " + all.phases().kernelRows());
            assertTrue(all.phases().reusedRows() > 0, "q = " + q);
            assertTrue(none.phases().kernelRows() > all.phases().kernelRows(), "q = " + q + ": "
                    + none.phases().kernelRows() + " rows without the cache, " + all.phases().kernelRows() + " with");
            assertEquals(all.phases().rounds(), none.phases().rounds(), "q = " + q + ": the same path");
            for (WorkingSetSmoSolver.Run run : List.of(all, none)) {
                assertEquals(optimum, run.solution().requireConverged().dualObjective(), 1e-6 * optimum, "q = " + q);
            }
        }
    }

    /**
     * One thread and two give the same bits: the kernel blocks and the gradient updates are split by
     * ranges of values, each value computed by the same arithmetic. One thread: the solve inside a fork-join
     * pool of parallelism 1, where the blocks' parallel halves run one after the other on its worker.
     */
    @Test
    void oneThreadAndTwoGiveTheSameSolution() throws Exception {
        // two moons (d = 2): the RBF's fused block; the blobs with 9 more noise features (d = 12): a dgemm and the norms
        LabeledData moons = TwoMoons.generate(3000, 0.2, 21);
        LabeledData blobs = blobs(3000, 22);
        Random random = new Random(23);
        double[][] wide = new double[blobs.size()][];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = Arrays.copyOf(blobs.x()[i], 12);
            for (int k = 3; k < 12; k++) {
                wide[i][k] = random.nextGaussian();
            }
        }
        for (LabeledData set : List.of(moons, new LabeledData(wide, blobs.y(), "blobs in 12 dimensions"))) {
            DualProblem problem = new DualProblem(new PointKernelRows(new RbfKernel(0.2), set.x()), set.y(),
                    ClassCosts.symmetric(1));
            WorkingSetSmoSolver solver = new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults());
            DualSolution two = solver.solve(problem);
            ForkJoinPool single = new ForkJoinPool(1);
            DualSolution one;
            try {
                one = single.submit(() -> solver.solve(problem)).get();
            } finally {
                single.shutdown();
            }
            assertTrue(two.converged() && one.converged());
            assertEquals(two.iterations(), one.iterations(), set.source());
            assertArrayEquals(two.alpha(), one.alpha(), 0.0, set.source());
            assertArrayEquals(two.gradient(), one.gradient(), 0.0, set.source());
        }
    }

    /** The working set larger than the problem: one round solves it whole. */
    @Test
    void aWorkingSetLargerThanTheProblemSolvesItInOneRound() {
        LabeledData data = TwoMoons.generate(40, 0.3, 2);
        DualProblem problem = new DualProblem(new PointKernelRows(new RbfKernel(1), data.x()), data.y(),
                ClassCosts.symmetric(1));
        WorkingSetSmoSolver.Run run = solver(256).run(problem, null, null);
        assertTrue(run.solution().converged());
        assertEquals(1, run.phases().rounds());
        assertEquals(40, run.phases().kernelRows());
        assertEquals(SMO.solve(problem).dualObjective(), run.solution().dualObjective(), 1e-6);
    }

    @Test
    void fromAWarmStartReachesTheColdStartOptimum() {
        LabeledData data = TwoMoons.generate(300, 0.2, 3);
        Kernel rbf = new RbfKernel(1);
        ClassCosts costs = ClassCosts.symmetric(1);
        DualProblem problem = new DualProblem(new PointKernelRows(rbf, data.x()), data.y(), costs);
        LabeledData half = new LabeledData(Arrays.copyOf(data.x(), 150), Arrays.copyOf(data.y(), 150), "half");
        double[] start = Arrays.copyOf(SMO.solve(new DualProblem(new PointKernelRows(rbf, half.x()), half.y(), costs))
                .alpha(), 300);
        DualSolution cold = SMO.solve(problem);
        // its gradient from plain loops over the kernel
        double[] g = new double[300];
        for (int i = 0; i < 300; i++) {
            g[i] = -1;
            for (int j = 0; j < 300; j++) {
                g[i] += start[j] * data.y()[i] * data.y()[j] * rbf.apply(data.x()[i], data.x()[j]);
            }
        }
        for (double[] gradient : Arrays.asList(null, g)) {
            DualSolution warm = solver(16).run(problem, start, gradient).solution().requireConverged();
            assertEquals(cold.dualObjective(), warm.dualObjective(), 1e-6 * cold.dualObjective());
        }
        assertThrows(IllegalArgumentException.class, () -> solver(16).run(problem, null, g));
    }

    @Test
    void reportsTheIterationLimit() {
        LabeledData data = TwoMoons.generate(200, 0.2, 1);
        DualProblem problem = new DualProblem(new PointKernelRows(new RbfKernel(1), data.x()), data.y(),
                ClassCosts.symmetric(1));
        DualSolution s = new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults().withWorkingSetSize(16)
                .withMaxIterations(5)).solve(problem);
        assertFalse(s.converged());
        assertTrue(s.iterations() <= 5, s.iterations() + " pair steps");
        assertTrue(s.kktResidual() > 1e-3);
        assertThrows(IllegalArgumentException.class, () -> WorkingSetSmoSolver.Settings.defaults().withWorkingSetSize(3));
    }

    /** Whole kernel rows from each KernelRows equal k(x_i, x_j) pair by pair. */
    @Test
    void kernelRowsFillWholeRowsAsPairs() {
        LabeledData data = blobs(37, 1);
        int n = data.size();
        int[] rows = {5, 0, 36, 5, 12};
        for (Kernel kernel : List.of(new RbfKernel(0.3), new PolynomialKernel(0.2, 3, 1),
                new RbfKernel(0.5).plus(new LinearKernel()))) {
            PointKernelRows points = new PointKernelRows(kernel, data.x());
            KernelRows gram = new GramMatrixRows(n, points.matrix());
            KernelRows byDefault = new KernelRows() {
                @Override
                public int size() {
                    return n;
                }

                @Override
                public void fill(int i, int[] columns, int from, int to, double[] out) {
                    points.fill(i, columns, from, to, out);
                }

                @Override
                public double diagonal(int i) {
                    return points.diagonal(i);
                }

                @Override
                public double[] matrix() {
                    return points.matrix();
                }
            };
            for (KernelRows source : List.of(points, gram, byDefault)) {
                double[] out = new double[3 * n];
                source.fillRows(rows, 1, 4, out);
                for (int t = 0; t < 3; t++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(kernel.apply(data.x()[rows[1 + t]], data.x()[j]), out[t * n + j], 1e-12,
                                kernel.describe() + " " + source.getClass().getSimpleName());
                    }
                }
            }
        }
    }

    @Test
    void largestPicksTheTopEligibleKeysInOrder() {
        Random random = new Random(3);
        double[] key = random.doubles(500).toArray();
        boolean[] eligible = new boolean[500];
        for (int i = 0; i < 500; i++) {
            eligible[i] = random.nextBoolean();
        }
        for (double sign : new double[]{1, -1}) {
            for (int k : new int[]{0, 1, 7, 100, 400}) {
                int[] expected = IntStream.range(0, 500).filter(i -> eligible[i]).boxed()
                        .sorted(Comparator.comparingDouble(i -> -sign * key[i])).limit(k).mapToInt(i -> i).toArray();
                assertArrayEquals(expected, WorkingSetSmoSolver.largest(key, sign, eligible, k), "k = " + k);
            }
        }
    }
}
