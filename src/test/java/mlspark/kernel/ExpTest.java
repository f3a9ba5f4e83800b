package mlspark.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import mlspark.linalg.DensePoints;

/**
 * {@link Exp#exp} against e^x to 50 digits (BigDecimal) and {@link StrictMath#exp} (fdlibm), and the same bits in the
 * interpreter as compiled.
 */
class ExpTest {
    /** |a - b| in ulps of b, across binades as the distance of the bit patterns (both finite, >= 0). */
    private static long ulps(double a, double b) {
        return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    }

    @Test
    void withinOneUlpOfFdlibmOverTheRbfRangeAndBeyond() {
        Random random = new Random(21);
        long worst = 0;
        double worstAt = 0;
        for (int s = 0; s < 2_000_000; s++) {
            // the RBF's -gamma |x - z|^2: mostly in [-50, 0], and the whole finite range on both sides
            double x = s % 4 == 0 ? -50 * random.nextDouble()
                    : s % 4 == 1 ? -1e-3 * random.nextDouble()
                    : s % 4 == 2 ? -760 * random.nextDouble() : 720 * random.nextDouble();
            long d = ulps(Exp.exp(x), StrictMath.exp(x));
            if (d > worst) {
                worst = d;
                worstAt = x;
            }
        }
        assertTrue(worst <= 1, "max error " + worst + " ulp at x = " + worstAt);
    }

    /** e^x to 50 digits: (sum of the Taylor series of e^(x / 2^k), |x / 2^k| <= 1e-3)^(2^k). */
    private static BigDecimal exact(double x) {
        MathContext digits = new MathContext(50);
        BigDecimal reduced = new BigDecimal(x);
        int k = 0;
        while (reduced.abs().compareTo(new BigDecimal("0.001")) > 0) {
            reduced = reduced.divide(BigDecimal.valueOf(2), digits);
            k++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int i = 1; i < 30; i++) {
            term = term.multiply(reduced, digits).divide(BigDecimal.valueOf(i), digits);
            sum = sum.add(term, digits);
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum, digits);
        }
        return sum;
    }

    @Test
    void withinHalfAnUlpAndALittleOfTheExactValue() {
        Random random = new Random(545);
        double worst = 0;
        double worstAt = 0;
        for (int s = 0; s < 20_000; s++) {
            double x = s % 2 == 0 ? -50 * random.nextDouble() : 1400 * random.nextDouble() - 700;
            BigDecimal e = exact(x);
            double error = new BigDecimal(Exp.exp(x)).subtract(e).abs().doubleValue() / Math.ulp(e.doubleValue());
            if (error > worst) {
                worst = error;
                worstAt = x;
            }
        }
        // fdlibm's StrictMath.exp is off by up to 0.86 ulp on these samples
        assertTrue(worst < 0.51, "max error " + worst + " ulp at x = " + worstAt);
    }

    @Test
    void edgesUnderflowAndOverflow() {
        assertEquals(1.0, Exp.exp(0.0));
        assertEquals(1.0, Exp.exp(-0.0));
        assertEquals(0.0, Exp.exp(-746));
        assertEquals(0.0, Exp.exp(-1e300));
        assertEquals(0.0, Exp.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, Exp.exp(710));
        assertEquals(Double.POSITIVE_INFINITY, Exp.exp(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(Exp.exp(Double.NaN)));
        // the subnormal range and the top of the finite range, where 2^m is applied in two steps
        for (double x = -745.1; x < -700; x += 0.0137) {
            assertTrue(ulps(Exp.exp(x), StrictMath.exp(x)) <= 1, "x = " + x);
        }
        for (double x = 705; x < 709.78; x += 0.0137) {
            assertTrue(ulps(Exp.exp(x), StrictMath.exp(x)) <= 1, "x = " + x);
        }
        assertTrue(ulps(Exp.exp(Math.log(Double.MAX_VALUE)), StrictMath.exp(Math.log(Double.MAX_VALUE))) <= 1);
        assertTrue(ulps(Exp.exp(Math.log(Double.MIN_VALUE)), StrictMath.exp(Math.log(Double.MIN_VALUE))) <= 1);
    }

    /**
     * The RBF block against its kernel value pair by pair: the same bits up to 6 dimensions (the fused block
     * sums the squared differences as {@link RbfKernel#apply(double[], double[])} does), to rounding beyond
     * (a dgemm and the norms); blocks large enough to be split across two threads.
     */
    @Test
    void theRbfBlockIsItsKernelValueByValue() {
        Random random = new Random(7);
        RbfKernel kernel = new RbfKernel(0.3);
        for (int d : new int[]{1, 2, 6, 12}) {
            int m = 40;
            int n = 500;
            double[][] a = new double[m][d];
            double[][] b = new double[n][d];
            for (double[][] set : List.of(a, b)) {
                for (double[] row : set) {
                    for (int k = 0; k < d; k++) {
                        row[k] = 2 * random.nextGaussian();
                    }
                }
            }
            double[] block = new double[m * n];
            kernel.block(new DensePoints(a), new DensePoints(b), block);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double value = kernel.apply(a[i], b[j]);
                    if (d <= 6) {
                        assertEquals(value, block[i * n + j], 0.0, "d = " + d);
                    } else {
                        assertEquals(value, block[i * n + j], 1e-12, "d = " + d);
                    }
                }
            }
        }
    }

    /** A hash of exp over a grid of the RBF's range; the test's JVM calls it after warming it up. */
    static long gridHash() {
        long h = 17;
        for (int i = 0; i <= 400_000; i++) {
            h = 31 * h + Double.doubleToRawLongBits(Exp.exp(-i * 1e-4 - i * 1e-9));
        }
        return h;
    }

    /** Prints {@link #gridHash} for a JVM started with -Xint. */
    public static void main(String[] args) {
        System.out.println(gridHash());
    }

    @Test
    void sameBitsInTheInterpreterAsCompiled() throws IOException, InterruptedException {
        for (int warm = 0; warm < 20; warm++) {
            gridHash();
        }
        long compiled = gridHash();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xint",
                "-cp", System.getProperty("java.class.path"), ExpTest.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        assertEquals(Long.toString(compiled), out);
    }
}
