package mlspark.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import mlspark.errors.InvalidParameterException;

public class KernelTest {
    private static final double[] X = {1.0, -2.0, 0.5};
    private static final double[] Z = {0.3, 0.7, -1.5};

    public static double[][] gaussianPoints(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[n][d];
        for (double[] row : p) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return p;
    }

    @Test
    void baseKernelsMatchTheirFormulas() {
        // x.z = 0.3 - 1.4 - 0.75 = -1.85; |x-z|^2 = 0.49 + 7.29 + 4 = 11.78
        assertEquals(-1.85, new LinearKernel().apply(X, Z), 1e-15);
        assertEquals(Math.pow(0.5 * -1.85 + 2, 3), new PolynomialKernel(0.5, 3, 2).apply(X, Z), 1e-13);
        assertEquals(Math.exp(-0.2 * 11.78), new RbfKernel(0.2).apply(X, Z), 1e-15);
        assertEquals(Math.tanh(0.1 * -1.85 - 0.5), new SigmoidKernel(0.1, -0.5).apply(X, Z), 1e-15);
    }

    @Test
    void compositesEvaluateTheirDefinitions() {
        Kernel lin = new LinearKernel();
        Kernel rbf = new RbfKernel(0.2);
        double l = -1.85;
        double g = Math.exp(-0.2 * 11.78);
        assertEquals(l + g, lin.plus(rbf).apply(X, Z), 1e-14);
        assertEquals(l * g, lin.times(rbf).apply(X, Z), 1e-14);
        assertEquals(-2.5 * g, rbf.scaled(-2.5).apply(X, Z), 1e-14);
        assertEquals(1 + 2 * l + 3 * l * l, lin.polynomial(1, 2, 3).apply(X, Z), 1e-12);
        ScalarFunction f = ScalarFunction.named("sum", v -> v[0] + v[1] + v[2]);
        assertEquals((1 - 2 + 0.5) * (0.3 + 0.7 - 1.5), new FeatureProductKernel(f).apply(X, Z), 1e-14);
        FeatureMap square = FeatureMap.named("square", v -> new double[]{v[0] * v[0], v[1] * v[1], v[2] * v[2]});
        assertEquals(1 * 0.09 + 4 * 0.49 + 0.25 * 2.25, lin.after(square).apply(X, Z), 1e-14);
        assertTrue(lin.plus(rbf).describe().contains("linear + rbf"));
    }

    @Test
    void quadraticFeatureMapReproducesItsKernel() {
        assertEquals(6, new QuadraticFeatureMap().apply(new double[]{1, 2}).length);
        Kernel quadratic = new PolynomialKernel(1, 2, 1);
        FeatureMap phi = new QuadraticFeatureMap();
        for (int d : new int[]{1, 2, 3, 7}) {
            double[][] p = gaussianPoints(10, d, d);
            assertEquals((d + 1) * (d + 2) / 2, phi.apply(p[0]).length);
            for (double[] x : p) {
                for (double[] z : p) {
                    double dot = Kernel.dot(phi.apply(x), phi.apply(z));
                    double exact = Math.pow(Kernel.dot(x, z) + 1, 2);
                    assertEquals(exact, dot, 1e-12 * Math.max(1, exact));
                    assertEquals(exact, quadratic.apply(x, z), 1e-12 * Math.max(1, exact));
                }
            }
        }
    }

    @Test
    void taylorFeatureMapErrorShrinksWithOrder() {
        int d = 2;
        double gamma = 0.5;
        double[][] p = gaussianPoints(30, d, 7);
        for (double[] row : p) {
            row[0] *= 0.5;
            row[1] *= 0.5;
        }
        RbfKernel rbf = new RbfKernel(gamma);
        double previous = Double.POSITIVE_INFINITY;
        for (int order = 0; order <= 12; order++) {
            GaussianTaylorFeatureMap phi = new GaussianTaylorFeatureMap(d, gamma, order);
            assertEquals((order + 1) * (order + 2) / 2, phi.features());
            double worst = 0;
            for (double[] x : p) {
                for (double[] z : p) {
                    double dot = Kernel.dot(phi.apply(x), phi.apply(z));
                    worst = Math.max(worst, Math.abs(rbf.apply(x, z) - dot));
                }
            }
            assertTrue(worst < previous, "order " + order + ": error " + worst + " not below " + previous);
            previous = worst;
        }
        assertTrue(previous < 1e-5, "order 12 error " + previous);
    }

    @Test
    void scaleGammaIsOneOverDTimesPopulationVariance() {
        // values 1, 2, 3, 4: mean 2.5, population variance 1.25, D = 2
        assertEquals(0.4, KernelSpec.scaleGamma(new double[][]{{1, 2}, {3, 4}}), 1e-15);
        assertEquals(1.0, KernelSpec.scaleGamma(new double[][]{{3, 3}, {3, 3}}));
        KernelSpec spec = KernelSpec.parse("RBF", "scale", 3, 0);
        assertEquals(new RbfKernel(0.4), spec.kernel(new double[][]{{1, 2}, {3, 4}}));
        assertEquals(new PolynomialKernel(0.2, 3, 1), KernelSpec.parse("poly", "0.2", 3, 1).kernel(new double[][]{{1}}));
    }

    @Test
    void badKernelParametersNameTheParameter() {
        Map<String, Runnable> bad = Map.of(
                "kernel", () -> KernelSpec.parse("laplace", "1", 3, 0),
                "gamma", () -> KernelSpec.parse("rbf", "-0.5", 3, 0),
                "degree", () -> KernelSpec.parse("poly", "1", -1, 0),
                "coef0", () -> KernelSpec.parse("sigmoid", "1", 3, Double.NaN));
        bad.forEach((parameter, r) -> {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, r::run);
            assertEquals(parameter, e.parameter());
            assertTrue(e.getMessage().startsWith(parameter + ": "), e.getMessage());
        });
        assertEquals("gamma", assertThrows(InvalidParameterException.class,
                () -> KernelSpec.parse("rbf", "auto", 3, 0)).parameter());
    }

    @Test
    void validConstructionsArePositiveSemidefinite() {
        double[][] p = gaussianPoints(40, 3, 11);
        Kernel rbf = new RbfKernel(0.5);
        Kernel poly = new PolynomialKernel(1, 3, 1);
        Kernel lin = new LinearKernel();
        List<Kernel> valid = List.of(lin, poly, rbf, lin.plus(rbf), poly.times(rbf), rbf.scaled(3.5),
                new FeatureProductKernel(v -> Math.sin(v[0]) + v[1] * v[2]),
                rbf.after(new QuadraticFeatureMap()), rbf.polynomial(0.5, 1, 0, 2),
                lin.after(new GaussianTaylorFeatureMap(3, 0.5, 4)));
        for (Kernel k : valid) {
            MercerCheck.Result r = MercerCheck.check(k, p, MercerCheck.DEFAULT_TOLERANCE);
            assertTrue(r.symmetric(), k.describe());
            assertTrue(r.psd(), k.describe() + ": smallest eigenvalue " + r.smallestEigenvalue());
            assertNull(r.witness());
        }
    }

    @Test
    void negativeMultipleAndSigmoidFailWithAWitness() {
        double[][] p = gaussianPoints(30, 2, 3);
        for (Kernel k : List.of(new RbfKernel(0.5).scaled(-2), new LinearKernel().scaled(-0.1),
                new SigmoidKernel(1, 1), new RbfKernel(1).polynomial(0, -1, 1))) {
            MercerCheck.Result r = MercerCheck.check(k, p, MercerCheck.DEFAULT_TOLERANCE);
            assertFalse(r.psd(), k.describe());
            assertTrue(r.smallestEigenvalue() < 0);
            double[] c = r.witness();
            assertNotNull(c);
            // c'Kc straight from the kernel, no matrix code
            double form = 0;
            double norm = 0;
            for (int i = 0; i < p.length; i++) {
                norm += c[i] * c[i];
                for (int j = 0; j < p.length; j++) {
                    form += c[i] * c[j] * k.apply(p[i], p[j]);
                }
            }
            assertEquals(1, norm, 1e-10);
            assertTrue(form < 0, k.describe() + ": c'Kc = " + form);
            assertEquals(r.smallestEigenvalue(), form, 1e-9 * Math.abs(r.largestEigenvalue()) + 1e-12);
        }
    }

    @Test
    void eigenvaluesOfATwoPointGramAreTheClosedForm() {
        // K = [[a, b], [b, a]] has eigenvalues a - b and a + b
        double[][] p = {{0, 0}, {1, 1}};
        Kernel k = new RbfKernel(0.3).scaled(-1).plus(new LinearKernel());
        double a0 = -1 + 0;
        double a1 = -1 + 2;
        double b = -Math.exp(-0.6);
        MercerCheck.Result r = MercerCheck.check(k, p, MercerCheck.DEFAULT_TOLERANCE);
        double mean = (a0 + a1) / 2;
        double radius = Math.sqrt((a0 - a1) * (a0 - a1) / 4 + b * b);
        assertEquals(mean - radius, r.smallestEigenvalue(), 1e-14);
        assertEquals(mean + radius, r.largestEigenvalue(), 1e-14);
    }

    @Test
    void asymmetricFunctionIsNotAKernel() {
        Kernel asymmetric = new FeatureProductKernel(v -> v[0]).plus(new Kernel() {
            @Override
            public double apply(double[] x, double[] z) {
                return x[0] - z[0];
            }

            @Override
            public String describe() {
                return "x0 - z0";
            }
        });
        MercerCheck.Result r = MercerCheck.check(asymmetric, gaussianPoints(5, 2, 1), MercerCheck.DEFAULT_TOLERANCE);
        assertFalse(r.symmetric());
        assertFalse(r.psd());
    }

    /** Every kernel class: its block method (BLAS or the pairwise default) against its own apply. */
    @Test
    void eachKernelsBlockEqualsItsPairwiseApply() {
        Kernel rbf = new RbfKernel(0.3);
        Kernel lin = new LinearKernel();
        List<Kernel> kernels = List.of(lin, rbf, new PolynomialKernel(0.5, 3, 1), new PolynomialKernel(2, 2, 0),
                new SigmoidKernel(0.2, 0.1), lin.plus(rbf), lin.times(rbf), rbf.scaled(2.5), lin.polynomial(1, 2, 3),
                lin.after(new QuadraticFeatureMap()), rbf.after(new GaussianTaylorFeatureMap(7, 0.3, 2)),
                new FeatureProductKernel(ScalarFunction.named("sum", v -> v[0] + v[1] + v[2])));
        int m = 5;
        int n = 9;
        int d = 7;
        // entries in [0, 1): inner products are sums of positive terms, so a relative bound is meaningful
        Random r = new Random(11);
        double[][] a = new double[m][d];
        double[][] b = new double[n][d];
        for (double[][] rows : List.of(a, b)) {
            for (double[] row : rows) {
                for (int j = 0; j < d; j++) {
                    row[j] = r.nextDouble();
                }
            }
        }
        for (Kernel k : kernels) {
            double[] out = new double[m * n + 3];
            java.util.Arrays.fill(out, Double.NaN);
            k.block(KernelBlocks.stack(a, d), m, KernelBlocks.stack(b, d), n, d, out);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double expected = k.apply(a[i], b[j]);
                    assertEquals(expected, out[i * n + j], 1e-12 * Math.abs(expected), k.describe() + " at " + i + ", " + j);
                }
            }
            for (int t = m * n; t < out.length; t++) {
                assertTrue(Double.isNaN(out[t]), k.describe() + " wrote past its block");
            }
            k.block(new double[0], 0, KernelBlocks.stack(b, d), n, d, new double[0]);
            k.block(KernelBlocks.stack(a, d), m, new double[0], 0, d, new double[0]);
        }
    }

    /**
     * A block large enough to be split across two threads: each elementwise kernel against its apply
     * (rows that straddle the halves' boundary included).
     */
    @Test
    void aLargeBlockSplitAcrossThreadsEqualsThePairwiseApply() {
        int m = 37;
        int n = KernelBlocks.SPLIT_VALUES / 20;
        int d = 3;
        assertTrue(m * n >= KernelBlocks.SPLIT_VALUES && (m * n / 2) % n != 0);
        Random r = new Random(5);
        double[][] a = new double[m][d];
        double[][] b = new double[n][d];
        for (double[][] rows : List.of(a, b)) {
            for (double[] row : rows) {
                for (int j = 0; j < d; j++) {
                    row[j] = r.nextDouble();
                }
            }
        }
        for (Kernel k : List.of(new RbfKernel(2), new PolynomialKernel(0.5, 3, 1), new SigmoidKernel(0.2, 0.1))) {
            double[] out = new double[m * n];
            k.block(KernelBlocks.stack(a, d), m, KernelBlocks.stack(b, d), n, d, out);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double expected = k.apply(a[i], b[j]);
                    assertEquals(expected, out[i * n + j], 1e-12 * Math.abs(expected), k.describe() + " at " + i + ", " + j);
                }
            }
        }
    }


    @Test
    void theStandardKernelsSpecsBuildThemAgain() {
        for (Kernel k : List.of(new LinearKernel(), new RbfKernel(0.3), new PolynomialKernel(0.5, 3, 1),
                new SigmoidKernel(0.2, -0.1))) {
            assertEquals(k, k.spec().orElseThrow().kernel(new double[0][]));
        }
        assertTrue(new LinearKernel().plus(new RbfKernel(1)).spec().isEmpty());
        assertTrue(new RbfKernel(1).scaled(2).spec().isEmpty());
    }
}
