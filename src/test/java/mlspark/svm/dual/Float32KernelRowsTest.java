package mlspark.svm.dual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import mlspark.kernel.Kernel;
import mlspark.kernel.LinearKernel;
import mlspark.kernel.PolynomialKernel;
import mlspark.kernel.RbfKernel;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;
import mlspark.svm.ClassCosts;

/**
 * Float32 kernel rows ({@link KernelPrecision#FLOAT32}) against float64: the rows within float rounding of the
 * kernel's own formula, and the working-set solver's solution the float64 one's: its dual objective, evaluated in
 * double by the kernel's formula, within {@link #OBJECTIVE_TOLERANCE} relative, and the same predictions.
 */
class Float32KernelRowsTest {
    private static final double EPS = 1e-5;
    /** The documented tolerance (docs/library.md); measured at most 1.3e-11 relative on these sets. */
    private static final double OBJECTIVE_TOLERANCE = 1e-6;

    /** Two Gaussian blobs in d dimensions, centres 1.5 apart on every axis' diagonal; every other feature zero if sparse. */
    private static double[][] blobs(int n, int d, boolean sparse, long seed, double[] y) {
        Random random = new Random(seed);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2 == 0 ? 1 : -1;
            for (int k = 0; k < d; k++) {
                boolean zero = sparse && random.nextInt(3) != 0;
                x[i][k] = zero ? 0 : y[i] * 1.5 / Math.sqrt(d) + random.nextGaussian();
            }
        }
        return x;
    }

    private static WorkingSetSmoSolver solver(KernelPrecision precision, long cacheBytes) {
        return new WorkingSetSmoSolver(WorkingSetSmoSolver.Settings.defaults().withEps(EPS).withWorkingSetSize(64)
                .withCacheBytes(cacheBytes).withKernelPrecision(precision));
    }

    /** sum a - 1/2 sum a_i a_j y_i y_j k(x_i, x_j), by the kernel's formula in double. */
    private static double objective(double[] alpha, double[] y, double[][] x, Kernel kernel) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (alpha[i] == 0) {
                continue;
            }
            s += alpha[i];
            for (int j = 0; j < x.length; j++) {
                if (alpha[j] != 0) {
                    s -= 0.5 * alpha[i] * alpha[j] * y[i] * y[j] * kernel.apply(x[i], x[j]);
                }
            }
        }
        return s;
    }

    private static void agree(String what, double[][] x, Points points, double[] y, Kernel kernel, double[][] test) {
        ClassCosts costs = ClassCosts.symmetric(1);
        DualProblem problem = new DualProblem(new PointKernelRows(kernel, points), y, costs);
        DualSolution f64 = solver(KernelPrecision.FLOAT64, 256L << 20).solve(problem).requireConverged();
        DualSolution f32 = solver(KernelPrecision.FLOAT32, 256L << 20).solve(problem).requireConverged();
        double o64 = objective(f64.alpha(), y, x, kernel);
        double o32 = objective(f32.alpha(), y, x, kernel);
        System.out.printf("%s: float64 %.12g, float32 %.12g, relative %.2e%n", what, o64, o32,
                Math.abs(o32 - o64) / Math.abs(o64));
        assertEquals(o64, o32, OBJECTIVE_TOLERANCE * Math.abs(o64), what + ": dual objective");
        assertTrue(!Arrays.equals(f64.alpha(), f32.alpha()), what + ": float32 rows take another path");
        KernelSvmModel m64 = KernelSvmModel.of(f64, problem, kernel, x, 0, BiasRule.LIBSVM);
        KernelSvmModel m32 = KernelSvmModel.of(f32, problem, kernel, x, 0, BiasRule.LIBSVM);
        for (double[] row : test) {
            assertEquals(m64.predict(row), m32.predict(row), what + ": a prediction");
        }
    }

    @Test
    void denseRowsBySgemmReachTheFloat64Optimum() {
        int d = 50;
        double[] y = new double[2000];
        double[][] x = blobs(2000, d, false, 1, y);
        double[][] test = blobs(500, d, false, 2, new double[500]);
        agree("dense rbf", x, new DensePoints(x), y, new RbfKernel(1.0 / d), test);
        agree("dense linear", x, new DensePoints(x), y, new LinearKernel(), test);
    }

    @Test
    void sparseRowsAndTheFusedRbfBlockReachTheFloat64Optimum() {
        int d = 40;
        double[] y = new double[1500];
        double[][] x = blobs(1500, d, true, 3, y);
        double[][] test = blobs(400, d, true, 4, new double[400]);
        agree("sparse rbf", x, SparsePoints.of(x, d), y, new RbfKernel(1.0 / d), test);
        double[] y2 = new double[1500];
        double[][] x2 = blobs(1500, 3, false, 5, y2);
        agree("fused rbf (d = 3)", x2, new DensePoints(x2), y2, new RbfKernel(0.5), blobs(400, 3, false, 6,
                new double[400]));
    }

    /** A problem of at most q points is one working set: its kernel matrix in float32 too. */
    @Test
    void aProblemOfOneWorkingSetReachesTheFloat64Optimum() {
        double[] y = new double[60];
        double[][] x = blobs(60, 10, false, 11, y);
        agree("one working set", x, new DensePoints(x), y, new RbfKernel(0.1), blobs(200, 10, false, 12, new double[200]));
    }

    /**
     * The rows themselves: each within float rounding of the kernel's formula, for dense rows by sgemm (RBF, linear,
     * poly), the fused few-dimension RBF block and sparse rows.
     */
    @Test
    void float32RowsAreTheKernelValuesRounded() {
        double[] y = new double[300];
        double[][] wide = blobs(300, 30, false, 7, y);
        double[][] narrow = blobs(300, 4, false, 8, y);
        double[][] sparse = blobs(300, 30, true, 9, y);
        record Case(String what, Kernel kernel, double[][] x, Points points) {
        }
        Case[] cases = {
            new Case("rbf by sgemm", new RbfKernel(0.05), wide, new DensePoints(wide)),
            new Case("linear by sgemm", new LinearKernel(), wide, new DensePoints(wide)),
            new Case("poly by sgemm", new PolynomialKernel(0.05, 3, 1), wide, new DensePoints(wide)),
            new Case("fused rbf", new RbfKernel(0.5), narrow, new DensePoints(narrow)),
            new Case("sparse rbf", new RbfKernel(0.05), sparse, SparsePoints.of(sparse, 30)),
        };
        int[] rows = {0, 7, 150, 299};
        for (Case c : cases) {
            int n = c.x().length;
            float[] out = new float[rows.length * n];
            new PointKernelRows(c.kernel(), c.points()).fillRows(rows, 0, rows.length, out);
            double worst = 0;
            for (int t = 0; t < rows.length; t++) {
                for (int j = 0; j < n; j++) {
                    double exact = c.kernel().apply(c.x()[rows[t]], c.x()[j]);
                    double error = Math.abs(out[t * n + j] - exact) / Math.max(1, Math.abs(exact));
                    worst = Math.max(worst, error);
                }
            }
            assertTrue(worst < 1e-5, c.what() + ": relative error " + worst);
        }
    }

    /** A float row takes half the bytes: within the same small budget, float32 computes fewer rows. */
    @Test
    void theCacheHoldsTwiceTheRowsPerByte() {
        int d = 20;
        double[] y = new double[2000];
        double[][] x = blobs(2000, d, false, 10, y);
        DualProblem problem = new DualProblem(new PointKernelRows(new RbfKernel(1.0 / d), x), y, ClassCosts.symmetric(1));
        long budget = 300L * 2000 * Double.BYTES;
        WorkingSetSmoSolver.Run f64 = solver(KernelPrecision.FLOAT64, budget).run(problem, null, null);
        WorkingSetSmoSolver.Run f32 = solver(KernelPrecision.FLOAT32, budget).run(problem, null, null);
        assertTrue(f32.phases().kernelRows() < f64.phases().kernelRows(), f32.phases().kernelRows()
                + " float32 rows computed, " + f64.phases().kernelRows() + " float64");
    }

    @Test
    void anUnknownPrecisionIsRejected() {
        assertEquals(KernelPrecision.FLOAT32, KernelPrecision.of("float32"));
        assertEquals("float64", KernelPrecision.FLOAT64.paramValue());
        assertThrows(IllegalArgumentException.class, () -> KernelPrecision.of("half"));
    }
}
