package mlspark.svm.dual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import mlspark.bench.LibsvmBaseline;
import mlspark.kernel.Kernel;
import mlspark.kernel.LinearKernel;
import mlspark.kernel.PolynomialKernel;
import mlspark.kernel.RbfKernel;
import mlspark.linalg.DensePoints;
import mlspark.linalg.SparsePoints;
import mlspark.svm.ClassCosts;

/**
 * The working-set solver on sparse rows (the kernel values from sparse dot products and cached squared
 * norms) against LIBSVM's Java port on the same rows (the dual objective to 1e-6 relative) and against
 * itself on the dense copy (the objective to 1e-8, the multipliers to 1e-4), for working sets of 2, 16 and 256.
 */
class WorkingSetSmoSparseRowsTest {
    private static final double EPS = 1e-5;

    /** n rows of d features with about 5 non-zeros each, labels by a sparse linear rule with noise. */
    private static double[][] rows(int n, int d, double[] y, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] truth = random.doubles(d, -1, 1).toArray();
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            double h = 0.2;
            for (int e = 0; e < 5; e++) {
                int j = random.nextInt(d);
                x[i][j] = random.nextGaussian();
                h += truth[j] * x[i][j];
            }
            y[i] = h + 0.3 * random.nextGaussian() > 0 ? 1 : -1;
        }
        return x;
    }

    @Test
    void sparseRowsReachLibsvmsOptimumAndTheDenseCopysMultipliers() {
        int n = 400;
        int d = 200;
        double[] y = new double[n];
        double[][] x = rows(n, d, y, 3);
        SparsePoints sparse = SparsePoints.of(x, d);
        assertSame(sparse, sparse.compacted(), "the rows stay sparse");
        ClassCosts costs = new ClassCosts(1, 2);
        for (Kernel kernel : new Kernel[]{new RbfKernel(0.1), new LinearKernel(), new PolynomialKernel(0.5, 2, 1)}) {
            LibsvmBaseline.Result libsvm = LibsvmBaseline.train(x, y, kernel, costs, EPS, 50);
            for (int q : new int[]{2, 16, 256}) {
                String label = kernel.spec() + ", q = " + q;
                WorkingSetSmoSolver solver = new WorkingSetSmoSolver(
                        WorkingSetSmoSolver.Settings.defaults().withEps(EPS).withWorkingSetSize(q));
                DualSolution onSparse = solver.solve(new DualProblem(new PointKernelRows(kernel, sparse), y, costs))
                        .requireConverged();
                DualSolution onDense = solver.solve(new DualProblem(new PointKernelRows(kernel, new DensePoints(x)), y, costs))
                        .requireConverged();
                double scale = Math.abs(libsvm.dualObjective());
                assertEquals(libsvm.dualObjective(), onSparse.dualObjective(), 1e-6 * scale, label + ": vs LIBSVM");
                // the kernel values of the two differ by rounding, so the two runs may stop apart within eps
                assertEquals(onDense.dualObjective(), onSparse.dualObjective(), 1e-8 * scale, label + ": sparse against dense");
                assertArrayEquals(onDense.alpha(), onSparse.alpha(), 1e-4, label + ": sparse against dense");
            }
        }
    }
}
