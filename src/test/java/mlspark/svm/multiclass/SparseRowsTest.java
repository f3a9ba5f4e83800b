package mlspark.svm.multiclass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import mlspark.kernel.Kernel;
import mlspark.kernel.RbfKernel;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.DualSolution;
import mlspark.svm.dual.DualSolver;
import mlspark.svm.dual.InteriorPointQp;
import mlspark.svm.dual.InteriorPointSolver;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.SmoSolver;
import mlspark.svm.dual.WorkingSetSmoSolver;

/** Sparse rows give the model their dense copies give, for every driver-side solver; and LIBSVM's on a sparse set. */
class SparseRowsTest {
    private static final int D = 80;
    private static final double GAMMA = 0.05;
    /** Tight: the two copies' kernel values differ in their last bits, so their SMO paths may part; both end within it of the optimum. */
    private static final double EPS = 1e-10;
    private static final double C = 2;

    /** Solvers by their Param names (ipm, smo, smo-rows). */
    private static final List<DualSolver> SOLVERS = List.of(
            new InteriorPointSolver(InteriorPointQp.Settings.defaults()),
            new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults().withEps(EPS).withWorkingSetSize(16)),
            new SmoSolver(SmoSolver.Settings.defaults().withEps(EPS)));

    /** A seeded sparse set: class k's rows have about 12% non-zeros, more often on the features k, k + K, ... */
    record Set(double[][] x, double[] y) {
        static Set generate(int k, int n, long seed) {
            Random random = new Random(seed);
            double[][] x = new double[n][D];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                int c = random.nextInt(k);
                y[i] = c + 1;
                for (int f = 0; f < D; f++) {
                    boolean own = f % k == c;
                    if (random.nextDouble() < (own ? 0.25 : 0.06)) {
                        x[i][f] = (own ? 1 : 0.3) + random.nextGaussian() * 0.5;
                    }
                }
            }
            return new Set(x, y);
        }

        double[] signed() {
            return Arrays.stream(y).map(v -> v == 1 ? 1 : -1).toArray();
        }
    }

    @Test
    void binarySparseAndDenseRowsGiveTheSameModel() {
        Set data = Set.generate(2, 150, 1);
        double[][] test = Set.generate(2, 100, 2).x();
        Points sparse = SparsePoints.of(data.x(), D);
        assertInstanceOf(SparsePoints.class, sparse);
        Kernel kernel = new RbfKernel(GAMMA);
        for (DualSolver solver : SOLVERS) {
            KernelSvmModel[] models = new KernelSvmModel[2];
            double[] objectives = new double[2];
            Points[] rows = {new DensePoints(data.x()), sparse};
            for (int r = 0; r < 2; r++) {
                DualProblem problem = new DualProblem(new PointKernelRows(kernel, rows[r]), data.signed(),
                        new ClassCosts(C, C));
                DualSolution solution = solver.solve(problem).requireConverged();
                objectives[r] = solution.dualObjective();
                models[r] = KernelSvmModel.of(solution, problem, kernel, rows[r], 1e-8, BiasRule.LIBSVM);
            }
            String name = solver.name();
            assertEquals(objectives[0], objectives[1], 1e-9 * Math.abs(objectives[0]), name);
            assertArrayEquals(models[0].supportIndices(), models[1].supportIndices(), name);
            assertInstanceOf(SparsePoints.class, models[1].supportVectors(), name);
            double[] dense = models[0].decisionValues(new DensePoints(test));
            assertArrayEquals(dense, models[1].decisionValues(SparsePoints.of(test, D)), 1e-9, name);
            assertArrayEquals(dense, models[1].decisionValues(new DensePoints(test)), 1e-9, name);
            for (int i = 0; i < test.length; i += 10) {
                assertEquals(dense[i], models[1].decision(test[i]), 1e-9, name);
            }
        }
    }

    @Test
    void multiClassSparseAndDenseRowsGiveTheSameModel() {
        Set data = Set.generate(4, 160, 3);
        double[][] test = Set.generate(4, 80, 4).x();
        ClassLabels classes = ClassLabels.inOrderOfAppearance(data.y());
        double[] costs = {C, C, 1, 3};
        for (DualSolver solver : SOLVERS) {
            BinarySvmFitter fitter = new BinarySvmFitter(new RbfKernel(GAMMA), solver, 1e-8, BiasRule.LIBSVM);
            OneVsOneTrainer.Fit dense = OneVsOneTrainer.train(new OneVsOneProblem(data.x(), data.y(), classes, costs), fitter);
            OneVsOneTrainer.Fit sparse = OneVsOneTrainer.train(
                    new OneVsOneProblem(SparsePoints.of(data.x(), D), data.y(), classes, costs), fitter);
            String name = solver.name();
            for (int p = 0; p < dense.pairs().size(); p++) {
                double objective = dense.pairs().get(p).solution().dualObjective();
                assertEquals(objective, sparse.pairs().get(p).solution().dualObjective(), 1e-9 * Math.abs(objective),
                        name + " pair " + p);
            }
            assertInstanceOf(SparsePoints.class, sparse.model().supportVectors());
            assertArrayEquals(dense.model().supportIndices(), sparse.model().supportIndices(), name);
            Points sparseTest = SparsePoints.of(test, D);
            for (int i = 0; i < test.length; i++) {
                assertArrayEquals(dense.model().decisionValues(test[i]), sparse.model().decisionValues(sparseTest, i), 1e-9,
                        name + " row " + i);
            }
        }
    }

    @Test
    void sparseRowsGiveLibsvmsModel() {
        Set data = Set.generate(3, 150, 5);
        ClassLabels classes = ClassLabels.inOrderOfAppearance(data.y());
        BinarySvmFitter fitter = new BinarySvmFitter(new RbfKernel(GAMMA),
                new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults().withEps(1e-5)), 0, BiasRule.LIBSVM);
        OneVsOneModel model = OneVsOneTrainer.train(new OneVsOneProblem(SparsePoints.of(data.x(), D), data.y(), classes,
                new double[]{C, C, C}), fitter).model();
        svm_model libsvm = libsvmOnNonZeros(data, 1e-5);
        assertArrayEquals(classes.values(), Arrays.stream(libsvm.label).asDoubleStream().toArray());
        assertArrayEquals(libsvm.nSV, model.supportCounts());
        double[][] test = Set.generate(3, 200, 6).x();
        Points sparseTest = SparsePoints.of(test, D);
        for (int i = 0; i < test.length; i++) {
            double[] expected = new double[3];
            svm.svm_predict_values(libsvm, nonZeros(test[i]), expected);
            double[] f = model.decisionValues(sparseTest, i);
            assertArrayEquals(expected, f, 1e-3, "row " + i);
            assertEquals(svm.svm_predict(libsvm, nonZeros(test[i])), classes.value(OneVsOneVoting.winner(f, 3)));
        }
    }

    /** LIBSVM's C-SVC, RBF, trained on the non-zeros of the rows only (its sparse nodes). */
    private static svm_model libsvmOnNonZeros(Set data, double eps) {
        svm_parameter param = new svm_parameter();
        param.svm_type = svm_parameter.C_SVC;
        param.kernel_type = svm_parameter.RBF;
        param.gamma = GAMMA;
        param.C = C;
        param.eps = eps;
        param.cache_size = 100;
        param.shrinking = 1;
        param.weight_label = new int[0];
        param.weight = new double[0];
        svm_problem problem = new svm_problem();
        problem.l = data.y().length;
        problem.y = data.y().clone();
        problem.x = new svm_node[problem.l][];
        for (int i = 0; i < problem.l; i++) {
            problem.x[i] = nonZeros(data.x()[i]);
        }
        svm.svm_set_print_string_function(s -> { });
        return svm.svm_train(problem, param);
    }

    private static svm_node[] nonZeros(double[] x) {
        List<svm_node> nodes = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            if (x[j] != 0) {
                svm_node node = new svm_node();
                node.index = j + 1;
                node.value = x[j];
                nodes.add(node);
            }
        }
        return nodes.toArray(svm_node[]::new);
    }
}
