package mlspark.svm.multiclass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import libsvm.svm;
import libsvm.svm_model;
import mlspark.kernel.Kernel;
import mlspark.kernel.RbfKernel;
import mlspark.svm.ClassCosts;
import mlspark.svm.dual.BiasRule;
import mlspark.svm.dual.DualProblem;
import mlspark.svm.dual.KernelSvmModel;
import mlspark.svm.dual.PointKernelRows;
import mlspark.svm.dual.SmoSolver;

class OneVsOneTest {
    private static final double GAMMA = 0.5;
    private static final double EPS = 1e-5;
    private static final SmoSolver SMO = new SmoSolver(SmoSolver.Settings.defaults().withEps(EPS));
    /** LIBSVM's model: support vectors a_i > 0, b = -rho. */
    private static final BinarySvmFitter FITTER = new BinarySvmFitter(new RbfKernel(GAMMA), SMO, 0, BiasRule.LIBSVM);
    private static final double[] LABELS = {5, 2, 9, 4};
    private static final double C = 2;
    /** Class weights of labels 5, 2, 9, 4: C_k = C w_k. */
    private static final double[] WEIGHTS = {1, 0.5, 3, 1.5};

    @Test
    void classesAreOrderedByFirstAppearanceWithLibsvmsPlusOneFirst() {
        assertArrayEquals(new double[]{3, 1, 2}, ClassLabels.inOrderOfAppearance(new double[]{3, 1, 3, 2, 1}).values());
        assertArrayEquals(new double[]{1, -1}, ClassLabels.inOrderOfAppearance(new double[]{-1, 1, 1}).values());
        assertArrayEquals(new double[]{0, 1}, ClassLabels.inOrderOfAppearance(new double[]{0, 1}).values());
        assertArrayEquals(new double[]{-1, 1, 2}, ClassLabels.inOrderOfAppearance(new double[]{-1, 1, 2}).values());
        assertArrayEquals(new double[]{0}, ClassLabels.inOrderOfAppearance(new double[]{-0.0, 0.0}).values());
        assertArrayEquals(new int[]{1, 0, 1}, new ClassLabels(new double[]{3, 1}).classIndices(new double[]{1, 3, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClassLabels(new double[]{3, 1}).classIndices(new double[]{1, 7}));
        assertEquals("row 1: label 7.0 is not one of the classes [3.0, 1.0]", e.getMessage());
    }

    @Test
    void pairsAreLibsvmsOrder() {
        List<ClassPair> pairs = ClassPair.all(4);
        assertEquals(6, pairs.size());
        int[][] expected = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
        for (int p = 0; p < 6; p++) {
            assertEquals(new ClassPair(expected[p][0], expected[p][1], p), pairs.get(p));
        }
    }

    @Test
    void oneVsOneEqualsSeparateBinaryFitsOfTheSameSolver() {
        Blobs data = Blobs.generate(LABELS, new int[]{30, 25, 20, 35}, 7);
        ClassLabels classes = ClassLabels.inOrderOfAppearance(data.y());
        OneVsOneTrainer.Fit fit = OneVsOneTrainer.train(problem(data, classes), FITTER);
        OneVsOneModel model = fit.model();
        double[][] test = Blobs.testPoints(200, 8);
        Kernel kernel = new RbfKernel(GAMMA);
        int k = classes.numClasses();
        boolean[] supportOfSomePair = new boolean[data.y().length];
        int pairSupportVectors = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                // the binary problem built here from the labels: rows of class i (+1), then of class j (-1)
                List<Integer> rows = new ArrayList<>();
                for (double label : new double[]{classes.value(i), classes.value(j)}) {
                    for (int r = 0; r < data.y().length; r++) {
                        if (data.y()[r] == label) {
                            rows.add(r);
                        }
                    }
                }
                double[][] x = rows.stream().map(r -> data.x()[r]).toArray(double[][]::new);
                double positive = classes.value(i);
                double[] y = rows.stream().mapToDouble(r -> data.y()[r] == positive ? 1 : -1).toArray();
                ClassCosts costs = new ClassCosts(C * weightOf(classes.value(j)), C * weightOf(classes.value(i)));
                DualProblem binary = new DualProblem(new PointKernelRows(kernel, x), y, costs);
                KernelSvmModel separate = KernelSvmModel.of(SMO.solve(binary).requireConverged(), binary, kernel, x, 0,
                        BiasRule.LIBSVM);
                int p = pairIndex(i, j, k);
                for (double[] point : test) {
                    assertEquals(separate.decision(point), model.decisionValues(point)[p], 1e-9, "pair " + i + "," + j);
                }
                for (int s : separate.supportIndices()) {
                    supportOfSomePair[rows.get(s)] = true;
                }
                pairSupportVectors += separate.size();
            }
        }
        // each support vector once, ordered by class, then by training row
        int[] expectedIndices = new int[0];
        for (int c = 0; c < k; c++) {
            for (int r = 0; r < data.y().length; r++) {
                if (supportOfSomePair[r] && data.y()[r] == classes.value(c)) {
                    expectedIndices = Arrays.copyOf(expectedIndices, expectedIndices.length + 1);
                    expectedIndices[expectedIndices.length - 1] = r;
                }
            }
        }
        assertArrayEquals(expectedIndices, model.supportIndices());
        assertTrue(pairSupportVectors > model.size(), pairSupportVectors + " pair support vectors, " + model.size()
                + " in the model: shared");
        for (int s = 0; s < model.size(); s++) {
            assertTrue(model.supportVectors().dense(s) == data.x()[model.supportIndices()[s]]);
        }
        assertEquals(6, fit.pairs().size());
        assertEquals(data.y().length, Arrays.stream(model.supportCounts()).sum() + nonSupport(supportOfSomePair));
    }

    @Test
    void predictionsEqualLibsvmsJavaPort() {
        Blobs data = Blobs.generate(LABELS, new int[]{30, 25, 20, 35}, 11);
        ClassLabels classes = ClassLabels.inOrderOfAppearance(data.y());
        OneVsOneModel model = OneVsOneTrainer.train(problem(data, classes), FITTER).model();
        svm_model libsvm = LibsvmMulticlass.train(data.x(), data.y(), GAMMA, C, new int[]{5, 2, 9, 4}, WEIGHTS, EPS, null);
        assertArrayEquals(classes.values(), Arrays.stream(libsvm.label).asDoubleStream().toArray());
        assertArrayEquals(libsvm.nSV, model.supportCounts());
        for (double[] point : Blobs.testPoints(500, 12)) {
            assertEquals(svm.svm_predict(libsvm, LibsvmMulticlass.nodes(point)), classes.value(model.predictClass(point)));
            assertArrayEquals(LibsvmMulticlass.decisionValues(libsvm, point), model.decisionValues(point), 1e-3);
        }
    }

    @Test
    void aClassWithASingleRowIsLearnedAsLibsvmLearnsIt() {
        Blobs data = Blobs.generate(new double[]{1, 2, 3}, new int[]{25, 1, 30}, 3);
        ClassLabels classes = ClassLabels.inOrderOfAppearance(data.y());
        OneVsOneProblem problem = new OneVsOneProblem(data.x(), data.y(), classes, new double[]{C, C, C});
        OneVsOneModel model = OneVsOneTrainer.train(problem, FITTER).model();
        svm_model libsvm = LibsvmMulticlass.train(data.x(), data.y(), GAMMA, C, new int[0], new double[0], EPS, null);
        assertArrayEquals(classes.values(), Arrays.stream(libsvm.label).asDoubleStream().toArray());
        assertArrayEquals(libsvm.nSV, model.supportCounts());
        // the single row: a support vector of both its pairs (y'a = 0 leaves it no other way)
        int single = classes.classIndices(new double[]{2})[0];
        assertEquals(1, model.supportCounts()[single]);
        for (double[] point : Blobs.testPoints(300, 4)) {
            assertEquals(svm.svm_predict(libsvm, LibsvmMulticlass.nodes(point)), classes.value(model.predictClass(point)));
        }
    }

    @Test
    void kernelValuesAreComputedOnceForAllPairs() {
        AtomicLong calls = new AtomicLong();
        Kernel counting = new CountingKernel(new RbfKernel(GAMMA), calls);
        Blobs data = Blobs.generate(LABELS, new int[]{20, 20, 20, 20}, 5);
        BinarySvmFitter fitter = new BinarySvmFitter(counting, SMO, 0, BiasRule.LIBSVM);
        OneVsOneModel model = OneVsOneTrainer.train(problem(data, ClassLabels.inOrderOfAppearance(data.y())), fitter)
                .model();
        calls.set(0);
        model.decisionValues(new double[]{0.5, -0.5});
        assertEquals(model.size(), calls.get());
    }

    @Test
    void badProblemsFailNamingWhatIsWrong() {
        double[][] x = {{0}, {1}};
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> new OneVsOneProblem(x, new double[]{4, 4}, ClassLabels.inOrderOfAppearance(new double[]{4, 4}),
                        new double[]{1}));
        assertEquals("one-vs-one needs at least two classes, got 1: [4.0]", one.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new OneVsOneProblem(x, new double[]{0, 0}, ClassLabels.indices(2), new double[]{1, 1}));
        assertEquals("class 1.0 has no training rows", empty.getMessage());
        IllegalArgumentException cost = assertThrows(IllegalArgumentException.class,
                () -> new OneVsOneProblem(x, new double[]{0, 1}, ClassLabels.indices(2), new double[]{1, 0}));
        assertEquals("C: class 1.0: expected a finite cost > 0, got 0.0", cost.getMessage());
    }

    private static OneVsOneProblem problem(Blobs data, ClassLabels classes) {
        double[] costs = new double[classes.numClasses()];
        for (int k = 0; k < costs.length; k++) {
            costs[k] = C * weightOf(classes.value(k));
        }
        return new OneVsOneProblem(data.x(), data.y(), classes, costs);
    }

    private static double weightOf(double label) {
        for (int k = 0; k < LABELS.length; k++) {
            if (LABELS[k] == label) {
                return WEIGHTS[k];
            }
        }
        throw new IllegalArgumentException("no weight for " + label);
    }

    /** The position of pair (i, j) in (0,1), (0,2), ..., (1,2), ..., counted here. */
    private static int pairIndex(int i, int j, int k) {
        int p = 0;
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                if (a == i && b == j) {
                    return p;
                }
                p++;
            }
        }
        throw new IllegalArgumentException(i + "," + j);
    }

    private static int nonSupport(boolean[] support) {
        int n = 0;
        for (boolean s : support) {
            if (!s) {
                n++;
            }
        }
        return n;
    }

    /** A kernel that counts its evaluations. */
    private record CountingKernel(Kernel kernel, AtomicLong calls) implements Kernel {
        @Override
        public double apply(double[] x, double[] z) {
            calls.incrementAndGet();
            return kernel.apply(x, z);
        }

        @Override
        public String describe() {
            return "counting " + kernel.describe();
        }
    }
}
