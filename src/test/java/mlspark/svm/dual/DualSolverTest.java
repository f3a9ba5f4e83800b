package mlspark.svm.dual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import mlspark.bench.LibsvmBaseline;
import mlspark.data.TwoMoons;
import mlspark.data.BinaryDataSets;
import mlspark.data.LabeledData;
import mlspark.data.TrainTest;
import mlspark.errors.TrainingFailedException;
import mlspark.kernel.Kernel;
import mlspark.kernel.LinearKernel;
import mlspark.kernel.PolynomialKernel;
import mlspark.kernel.QuadraticFeatureMap;
import mlspark.kernel.RbfKernel;
import mlspark.kernel.SigmoidKernel;
import mlspark.svm.ClassCosts;
import mlspark.testing.ProjectData;

class DualSolverTest {
    private static final double EPS = 1e-5;
    private static final SmoSolver SMO = new SmoSolver(SmoSolver.Settings.defaults().withEps(EPS));
    private static final InteriorPointSolver IPM = new InteriorPointSolver(InteriorPointQp.Settings.defaults());

    /** The four kernels of the assignment's tables, with its parameters. */
    static List<Kernel> assignmentKernels() {
        return List.of(new LinearKernel(), new PolynomialKernel(0.2, 3, 0), new SigmoidKernel(0.2, 0),
                new RbfKernel(0.2));
    }

    static DualProblem problem(LabeledData data, Kernel kernel, ClassCosts costs) {
        return new DualProblem(new PointKernelRows(kernel, data.x()), data.y(), costs);
    }

    @Test
    void qpBuilderGivesTheStandardFormOnAHandCheckedCase() {
        double[] gram = {4, 1, 2, 1, 9, 3, 2, 3, 16};
        double[] y = {1, -1, 1};
        QuadraticProgram qp = DualQp.build(gram, y, new ClassCosts(2, 3));
        assertEquals(3, qp.n());
        assertArrayEquals(new double[]{4, -1, 2, -1, 9, -3, 2, -3, 16}, qp.p());
        assertArrayEquals(new double[]{-1, -1, -1}, qp.q());
        assertArrayEquals(new double[]{
                -1, 0, 0,
                0, -1, 0,
                0, 0, -1,
                1, 0, 0,
                0, 1, 0,
                0, 0, 1}, qp.g().dense());
        assertArrayEquals(new double[]{0, 0, 0, 3, 2, 3}, qp.h());
        assertArrayEquals(new double[]{1, -1, 1}, qp.a());
        assertArrayEquals(new double[]{0}, qp.b());
        assertEquals(6, qp.inequalities());
        assertEquals(1, qp.equalities());
        // the structured G acts as its dense form
        double[] v = {0.5, -2, 3};
        double[] gv = new double[6];
        qp.g().multiply(v, gv);
        assertArrayEquals(new double[]{-0.5, 2, -3, 0.5, -2, 3}, gv);
    }

    @Test
    void interiorPointSolvesAProjectionWithAnActiveEqualityAndBound() {
        // minimize 1/2 |x - (2, -1)|^2 subject to x1 + x2 = 1, x >= 0: x = (1, 0), y = 1, z = (0, 2)
        QuadraticProgram qp = new QuadraticProgram(2, new double[]{1, 0, 0, 1}, new double[]{-2, 1},
                new DenseConstraints(2, 2, new double[]{-1, 0, 0, -1}), new double[]{0, 0},
                new double[]{1, 1}, new double[]{1});
        InteriorPointQp.Result r = new InteriorPointQp(InteriorPointQp.Settings.defaults()).solve(qp);
        assertTrue(r.converged(), r.status());
        assertArrayEquals(new double[]{1, 0}, r.x(), 1e-8);
        assertArrayEquals(new double[]{1}, r.y(), 1e-7);
        assertArrayEquals(new double[]{0, 2}, r.z(), 1e-7);
        // 1/2 |x|^2 + q.x = 1/2 - 2
        assertEquals(-1.5, r.objective(), 1e-8);
    }

    @Test
    void interiorPointSolvesNocedalWrightExample16_4() {
        // minimize (x1-1)^2 + (x2-2.5)^2 s.t. x1 - 2x2 + 2 >= 0, -x1 - 2x2 + 6 >= 0, -x1 + 2x2 + 2 >= 0, x >= 0:
        // x = (1.4, 1.7), only the first constraint active
        QuadraticProgram qp = new QuadraticProgram(2, new double[]{2, 0, 0, 2}, new double[]{-2, -5},
                new DenseConstraints(5, 2, new double[]{-1, 2, 1, 2, 1, -2, -1, 0, 0, -1}),
                new double[]{2, 6, 2, 0, 0}, new double[0], new double[0]);
        InteriorPointQp.Result r = new InteriorPointQp(InteriorPointQp.Settings.defaults()).solve(qp);
        assertTrue(r.converged(), r.status());
        assertArrayEquals(new double[]{1.4, 1.7}, r.x(), 1e-8);
        assertEquals(0.8 - 7.25, r.objective(), 1e-8);
        // multiplier of the active constraint: grad = (0.8, -1.6) = -z1 (-1, 2)
        assertEquals(0.8, r.z()[0], 1e-7);
        for (int j = 1; j < 5; j++) {
            assertEquals(0, r.z()[j], 1e-7);
        }
    }

    @Test
    void twoPointDualHasAlphaOneHalf() {
        // x = +1 (label +1) and x = -1 (label -1), linear kernel: a1 = a2 = 1/2, objective 1/2, b = 0
        double[][] x = {{1}, {-1}};
        DualProblem problem = new DualProblem(new PointKernelRows(new LinearKernel(), x), new double[]{1, -1},
                ClassCosts.symmetric(10));
        for (DualSolver solver : List.of(IPM, SMO)) {
            DualSolution s = solver.solve(problem).requireConverged();
            assertArrayEquals(new double[]{0.5, 0.5}, s.alpha(), 1e-8, solver.name());
            assertEquals(0.5, s.dualObjective(), 1e-8);
            for (BiasRule rule : BiasRule.values()) {
                KernelSvmModel model = KernelSvmModel.of(s, problem, new LinearKernel(), x, 1e-4, rule);
                assertEquals(0, model.b(), 1e-8);
                assertEquals(2, model.size());
                assertEquals(0.3, model.decision(new double[]{0.3}), 1e-8);
            }
        }
    }

    @Test
    void interiorPointReportsTheIterationLimit() {
        LabeledData data = TwoMoons.generate(100, 0.2, 1);
        DualProblem problem = problem(data, new RbfKernel(1), ClassCosts.symmetric(1));
        DualSolution s = new InteriorPointSolver(InteriorPointQp.Settings.defaults().withMaxIterations(2)).solve(problem);
        assertFalse(s.converged());
        assertEquals(2, s.iterations());
        TrainingFailedException f = assertThrows(TrainingFailedException.class, s::requireConverged);
        assertEquals(TrainingFailedException.Kind.NOT_CONVERGED, f.kind());
        assertTrue(f.getMessage().contains("KKT residual reached"), f.getMessage());
        assertEquals(java.util.List.of("solver", "maxIter"), f.text().parameters());
        DualSolution smo = new SmoSolver(SmoSolver.Settings.defaults().withMaxIterations(3)).solve(problem);
        assertFalse(smo.converged());
        assertTrue(smo.kktResidual() > 1e-3);
    }

    /** IPM, SMO and LIBSVM on one problem: same objective, same test predictions, KKT met. */
    private static void agree(String what, LabeledData train, LabeledData test, Kernel kernel, ClassCosts costs) {
        DualProblem problem = problem(train, kernel, costs);
        DualSolution ipm = IPM.solve(problem).requireConverged();
        DualSolution smo = SMO.solve(problem).requireConverged();
        LibsvmBaseline.Result libsvm = LibsvmBaseline.train(train.x(), train.y(), kernel, costs, EPS, 50);
        double scale = Math.abs(libsvm.dualObjective());
        assertEquals(libsvm.dualObjective(), ipm.dualObjective(), 1e-6 * scale, what + ": ipm vs LIBSVM");
        assertEquals(libsvm.dualObjective(), smo.dualObjective(), 1e-6 * scale, what + ": smo vs LIBSVM");
        assertEquals(ipm.dualObjective(), smo.dualObjective(), 1e-6 * scale, what + ": ipm vs smo");
        assertTrue(smo.kktResidual() < EPS, what + ": smo KKT residual " + smo.kktResidual());
        assertTrue(ipm.kktResidual() < 1e-4, what + ": ipm KKT residual " + ipm.kktResidual());
        // the objective of LIBSVM's own alphas, recomputed here from the kernel
        double recomputed = 0;
        double[] a = libsvm.alpha();
        for (int i = 0; i < a.length; i++) {
            recomputed += a[i];
            for (int j = 0; j < a.length; j++) {
                recomputed -= 0.5 * a[i] * a[j] * train.y()[i] * train.y()[j] * kernel.apply(train.x()[i], train.x()[j]);
            }
        }
        assertEquals(recomputed, ipm.dualObjective(), 1e-6 * scale, what + ": ipm vs LIBSVM's alphas");

        KernelSvmModel ipmModel = KernelSvmModel.of(ipm, problem, kernel, train.x(), 1e-4, BiasRule.LIBSVM);
        KernelSvmModel smoModel = KernelSvmModel.of(smo, problem, kernel, train.x(), 1e-4, BiasRule.LIBSVM);
        int disagreements = 0;
        for (double[] x : test.x()) {
            double h = libsvm.decision(x);
            if (Math.abs(h) > 1e-3) {
                assertEquals(libsvm.predict(x), ipmModel.predict(x), what + ": ipm prediction");
                assertEquals(libsvm.predict(x), smoModel.predict(x), what + ": smo prediction");
                assertEquals(h, smoModel.decision(x), 1e-3 * Math.max(1, Math.abs(h)), what + ": smo decision");
            } else {
                disagreements++;
            }
        }
        assertTrue(disagreements <= 1, what + ": " + disagreements + " test points on the boundary");
    }

    @Test
    void solversAgreeWithLibsvmOnTheToySets() {
        Path dir = ProjectData.dataDirWith("hw3/generated_toy/toy_moons_train.csv");
        for (String name : mlspark.data.DataSpec.TOY_SETS) {
            TrainTest data = BinaryDataSets.load(name, null, dir, m -> { });
            for (Kernel kernel : assignmentKernels()) {
                agree(name + " " + kernel.describe(), data.train(), data.test(), kernel, ClassCosts.symmetric(1));
            }
        }
    }

    @Test
    void solversAgreeWithLibsvmOnRandomData() {
        Random random = new Random(17);
        int n = 300;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            // a noisy nonlinear rule, so that many multipliers are at C and many are free
            y[i] = x[i][0] * x[i][1] + 0.5 * x[i][2] + 0.3 * random.nextGaussian() > 0 ? 1 : -1;
        }
        LabeledData train = new LabeledData(x, y, "random");
        LabeledData test = TwoMoons.generate(50, 1.0, 3);
        double[][] tx = new double[50][];
        for (int i = 0; i < 50; i++) {
            tx[i] = new double[]{test.x()[i][0], test.x()[i][1], random.nextGaussian()};
        }
        LabeledData test3 = new LabeledData(tx, test.y(), "random test");
        for (Kernel kernel : List.of(new LinearKernel(), new PolynomialKernel(0.5, 3, 1), new SigmoidKernel(0.05, -1),
                new RbfKernel(0.5), new RbfKernel(0.5).plus(new LinearKernel().after(new QuadraticFeatureMap())))) {
            agree("random " + kernel.describe(), train, test3, kernel, ClassCosts.symmetric(2));
        }
    }

    @Test
    void asymmetricCostsBoundEachClassAndMatchLibsvmWeights() {
        LabeledData data = TwoMoons.generate(200, 0.35, 5);
        Kernel kernel = new RbfKernel(1);
        ClassCosts costs = new ClassCosts(0.3, 3);
        agree("asymmetric", data, TwoMoons.generate(50, 0.35, 6), kernel, costs);
        DualProblem problem = problem(data, kernel, costs);
        for (DualSolver solver : List.of(IPM, SMO)) {
            DualSolution s = solver.solve(problem).requireConverged();
            double top0 = 0;
            double top1 = 0;
            for (int i = 0; i < data.size(); i++) {
                double bound = data.y()[i] > 0 ? 3 : 0.3;
                assertTrue(s.alpha()[i] >= 0 && s.alpha()[i] <= bound, solver.name() + ": alpha_" + i + " = "
                        + s.alpha()[i] + " outside [0, " + bound + "]");
                if (data.y()[i] > 0) {
                    top1 = Math.max(top1, s.alpha()[i]);
                } else {
                    top0 = Math.max(top0, s.alpha()[i]);
                }
            }
            // both bounds are reached: the classes really have different boxes
            assertEquals(0.3, top0, 1e-6, solver.name());
            assertEquals(3, top1, 1e-6 * 3, solver.name());
        }
        // C0 = C1 = C is the symmetric problem
        DualProblem equal = problem(data, kernel, new ClassCosts(0.7, 0.7));
        DualProblem symmetric = problem(data, kernel, ClassCosts.symmetric(0.7));
        assertArrayEquals(SMO.solve(symmetric).alpha(), SMO.solve(equal).alpha(), 0.0);
        LibsvmBaseline.Result unweighted = LibsvmBaseline.train(data.x(), data.y(), kernel, ClassCosts.symmetric(0.7), EPS, 50);
        assertEquals(unweighted.dualObjective(), IPM.solve(equal).dualObjective(), 1e-6 * unweighted.dualObjective());
    }

    @Test
    void smoWithATinyCacheAndWithoutShrinkingReachesTheSameOptimum() {
        LabeledData data = TwoMoons.generate(400, 0.3, 9);
        DualProblem problem = problem(data, new RbfKernel(2), ClassCosts.symmetric(5));
        DualSolution reference = SMO.solve(problem);
        List<SmoSolver.Settings> variants = new ArrayList<>();
        variants.add(SmoSolver.Settings.defaults().withEps(EPS).withCacheBytes(1));
        variants.add(new SmoSolver.Settings(EPS, false, 1 << 20, 10_000_000));
        for (SmoSolver.Settings settings : variants) {
            DualSolution s = new SmoSolver(settings).solve(problem).requireConverged();
            assertEquals(reference.dualObjective(), s.dualObjective(), 1e-7 * reference.dualObjective(),
                    settings.toString());
        }
    }

    @Test
    void assignmentBiasIsTheMeanResidualOverSupportVectors() {
        Path dir = ProjectData.dataDirWith("hw3/generated_toy/toy_circles_train.csv");
        LabeledData train = BinaryDataSets.load("circles", null, dir, m -> { }).train();
        Kernel kernel = new RbfKernel(0.2);
        DualProblem problem = problem(train, kernel, ClassCosts.symmetric(1));
        DualSolution s = IPM.solve(problem);
        KernelSvmModel model = KernelSvmModel.of(s, problem, kernel, train.x(), 1e-4, BiasRule.ASSIGNMENT);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < train.size(); i++) {
            if (s.alpha()[i] > 1e-4) {
                double h = 0;
                for (int m = 0; m < train.size(); m++) {
                    if (s.alpha()[m] > 1e-4) {
                        h += s.alpha()[m] * train.y()[m] * kernel.apply(train.x()[m], train.x()[i]);
                    }
                }
                sum += train.y()[i] - h;
                count++;
            }
        }
        assertEquals(count, model.size());
        assertEquals(sum / count, model.b(), 1e-12);
    }

    /** SMO from a feasible start (the solution of half the points, zero elsewhere) reaches the cold start's optimum. */
    @Test
    void smoFromAWarmStartReachesTheSameOptimum() {
        LabeledData data = TwoMoons.generate(300, 0.2, 3);
        Kernel rbf = new RbfKernel(1);
        ClassCosts costs = ClassCosts.symmetric(1);
        DualSolution cold = SMO.solve(problem(data, rbf, costs));
        LabeledData half = new LabeledData(java.util.Arrays.copyOf(data.x(), 150), java.util.Arrays.copyOf(data.y(), 150),
                "half");
        double[] start = java.util.Arrays.copyOf(SMO.solve(problem(half, rbf, costs)).alpha(), 300);
        DualSolution warm = SMO.solve(problem(data, rbf, costs), start);
        assertTrue(warm.converged());
        assertEquals(cold.dualObjective(), warm.dualObjective(), 1e-6 * cold.dualObjective());
        assertTrue(warm.iterations() < cold.iterations(), warm.iterations() + " vs " + cold.iterations());
        double[] q = problem(data, rbf, costs).kernel().matrix();
        for (int i = 0; i < 300; i += 37) {
            // G_i = sum_j a_j y_i y_j K_ij - 1, recomputed
            double g = -1;
            for (int j = 0; j < 300; j++) {
                g += warm.alpha()[j] * data.y()[i] * data.y()[j] * q[i * 300 + j];
            }
            assertEquals(g, warm.gradient()[i], 1e-9);
        }
    }

    /**
     * SMO from a warm start whose G and G_bar are given (here recomputed by plain loops over the Gram
     * matrix) reaches the optimum of the warm start that builds them from kernel rows.
     */
    @Test
    void smoFromAWarmStartWithGivenGradientsReachesTheSameOptimum() {
        LabeledData data = TwoMoons.generate(300, 0.2, 3);
        Kernel rbf = new RbfKernel(1);
        ClassCosts costs = ClassCosts.symmetric(1);
        LabeledData half = new LabeledData(java.util.Arrays.copyOf(data.x(), 150), java.util.Arrays.copyOf(data.y(), 150),
                "half");
        double[] start = java.util.Arrays.copyOf(SMO.solve(problem(half, rbf, costs)).alpha(), 300);
        assertTrue(java.util.Arrays.stream(start).anyMatch(a -> a == 1), "a start with a_i = C, where G_bar matters");
        double[] k = problem(data, rbf, costs).kernel().matrix();
        double[] y = data.y();
        double[] g = new double[300];
        double[] gBar = new double[300];
        for (int i = 0; i < 300; i++) {
            g[i] = -1;
            for (int j = 0; j < 300; j++) {
                double q = y[i] * y[j] * k[i * 300 + j];
                g[i] += start[j] * q;
                gBar[i] += start[j] == 1 ? q : 0;
            }
        }
        DualSolution rows = SMO.solve(problem(data, rbf, costs), start);
        DualSolution given = SMO.solve(problem(data, rbf, costs), start, g, gBar);
        assertTrue(given.converged());
        assertEquals(rows.dualObjective(), given.dualObjective(), 1e-9 * rows.dualObjective());
        for (int i = 0; i < 300; i++) {
            assertEquals(rows.alpha()[i], given.alpha()[i], 1e-6, "a_" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> SMO.solve(problem(data, rbf, costs), start, g, null));
    }
}
