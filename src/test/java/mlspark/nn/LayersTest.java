package mlspark.nn;

import static mlspark.nn.NumericalGradient.dot;
import static mlspark.nn.NumericalGradient.gaussian;
import static mlspark.nn.NumericalGradient.linspace;
import static mlspark.nn.NumericalGradient.relativeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The assignment's sanity checks of the layers, and every backward pass against finite differences. */
class LayersTest {
    private static final Precision F64 = Precision.FLOAT64;

    @ParameterizedTest
    @EnumSource(Precision.class)
    void affineForwardMatchesTheAssignment(Precision p) {
        Matrix x = linspace(p, -0.1, 0.5, 2, 120);
        Matrix w = linspace(p, -0.2, 0.3, 120, 3);
        Matrix b = linspace(p, -0.3, 0.1, 1, 3);
        double[] expected = {1.49834967, 1.70660132, 1.91485297, 3.25553199, 3.5141327, 3.77273342};
        double tolerance = p == F64 ? 1e-8 : 1e-5;
        assertArrayEquals(expected, Affine.forward(x, w, b).toDoubles(), tolerance);
    }

    @Test
    void affineBackwardMatchesFiniteDifferences() {
        Random random = new Random(1);
        Matrix x = gaussian(F64, 10, 6, 1, random);
        Matrix w = gaussian(F64, 6, 5, 1, random);
        Matrix b = gaussian(F64, 1, 5, 1, random);
        Matrix dout = gaussian(F64, 10, 5, 1, random);
        Matrix dw = F64.zeros(6, 5);
        Matrix db = F64.zeros(1, 5);
        Matrix dx = Affine.backward(dout, x, w, dw, db, true);
        assertTrue(relativeError(dx.toDoubles(), NumericalGradient.of(() -> dot(Affine.forward(x, w, b), dout), x)) < 1e-7);
        assertTrue(relativeError(dw.toDoubles(), NumericalGradient.of(() -> dot(Affine.forward(x, w, b), dout), w)) < 1e-7);
        assertTrue(relativeError(db.toDoubles(), NumericalGradient.of(() -> dot(Affine.forward(x, w, b), dout), b)) < 1e-7);
    }

    @Test
    void reluForwardAndBackward() {
        Matrix x = linspace(F64, -0.5, 0.5, 3, 4);
        double[] y = Relu.forward(x).toDoubles();
        for (int i = 0; i < y.length; i++) {
            assertEquals(Math.max(0, x.get(i)), y[i], 0);
        }
        Random random = new Random(2);
        Matrix z = gaussian(F64, 10, 10, 1, random);
        Matrix dout = gaussian(F64, 10, 10, 1, random);
        double[] numeric = NumericalGradient.of(() -> dot(Relu.forward(z), dout), z);
        assertTrue(relativeError(Relu.backward(dout, z).toDoubles(), numeric) < 1e-7);
    }

    @Test
    void softmaxLossOfSmallScoresIsLn10AndItsGradientMatches() {
        Random random = new Random(3);
        int n = 50;
        int c = 10;
        Matrix scores = gaussian(F64, n, c, 0.001, random);
        int[] y = random.ints(n, 0, c).toArray();
        Matrix dScores = F64.zeros(n, c);
        double loss = SoftmaxLoss.meanLoss(scores, y, dScores);
        assertEquals(Math.log(10), loss, 1e-2);
        double[] numeric = NumericalGradient.of(() -> SoftmaxLoss.meanLoss(scores, y, null), scores);
        assertTrue(relativeError(dScores.toDoubles(), numeric) < 1e-7);
    }

    @Test
    void softmaxLossIsStableForHugeScores() {
        Matrix scores = F64.of(2, 3, 1000, 0, -1000, -1e4, 1e4, 0);
        double loss = SoftmaxLoss.meanLoss(scores, new int[]{0, 2}, F64.zeros(2, 3));
        assertEquals(0.5 * 1e4, loss, 1e-9);
    }

    /** The assignment's two-layer net check: N=3, D=5, H=50, C=7 with linspace parameters. */
    static TwoLayerNet assignmentNet(Precision p) {
        int d = 5;
        int h = 50;
        int c = 7;
        TwoLayerNet net = new TwoLayerNet(d, h, c, p.zeros(1, TwoLayerNet.parameterCount(d, h, c)));
        net.w1().copyRows(linspace(p, -0.7, 0.3, d, h), 0, 0, d);
        net.b1().copyRows(linspace(p, -0.1, 0.9, 1, h), 0, 0, 1);
        net.w2().copyRows(linspace(p, -0.3, 0.4, h, c), 0, 0, h);
        net.b2().copyRows(linspace(p, -0.9, 0.1, 1, c), 0, 0, 1);
        return net;
    }

    /** X = linspace(-5.5, 4.5, N*D) laid out D x N, then transposed. */
    static Matrix assignmentInput(Precision p) {
        int n = 3;
        int d = 5;
        Matrix dByN = linspace(p, -5.5, 4.5, d, n);
        Matrix x = p.zeros(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.set(i * d + j, dByN.get(j, i));
            }
        }
        return x;
    }

    @Test
    void twoLayerNetMatchesTheAssignment() {
        TwoLayerNet net = assignmentNet(F64);
        Matrix x = assignmentInput(F64);
        Matrix scores = net.scores(x);
        double[] firstRow = new double[7];
        for (int j = 0; j < 7; j++) {
            firstRow[j] = scores.get(0, j);
        }
        assertArrayEquals(new double[]{11.53165108, 12.2917344, 13.05181771, 13.81190102, 14.57198434, 15.33206765,
                16.09215096}, firstRow, 1e-8);
        int[] y = {0, 5, 1};
        assertEquals(3.4702243556, net.loss(x, y, 0).loss(), 1e-10);
        assertEquals(26.5948426952, net.loss(x, y, 1.0).loss(), 1e-10);
    }

    @Test
    void twoLayerNetInFloat32AgreesWithFloat64() {
        int[] y = {0, 5, 1};
        double l64 = assignmentNet(F64).loss(assignmentInput(F64), y, 0).loss();
        double l32 = assignmentNet(Precision.FLOAT32).loss(assignmentInput(Precision.FLOAT32), y, 0).loss();
        assertEquals(l64, l32, 1e-5 * l64);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.0, 0.05})
    void twoLayerNetGradientMatchesFiniteDifferences(double reg) {
        Random random = new Random(4);
        int n = 3;
        int d = 5;
        int h = 50;
        int c = 7;
        // weights large enough that no gradient element is so small that round-off dominates its difference
        TwoLayerNet net = TwoLayerNet.initialize(d, h, c, F64, TwoLayerNet.Init.GAUSSIAN, 0.3, 5);
        for (int j = 0; j < h; j++) {
            net.b1().set(j, 0.1 * random.nextGaussian());
        }
        Matrix x = gaussian(F64, n, d, 1, random);
        int[] y = random.ints(n, 0, c).toArray();
        double[] analytic = net.loss(x, y, reg).gradient().toDoubles();
        double[] numeric = NumericalGradient.of(() -> net.loss(x, y, reg).loss(), net.params());
        String[] names = {"W1", "b1", "W2", "b2"};
        Matrix a = F64.of(1, analytic.length, analytic);
        Matrix m = F64.of(1, numeric.length, numeric);
        Matrix[][] parts = {{net.w1(a), net.w1(m)}, {net.b1(a), net.b1(m)}, {net.w2(a), net.w2(m)}, {net.b2(a), net.b2(m)}};
        for (int k = 0; k < 4; k++) {
            double err = relativeError(parts[k][0].toDoubles(), parts[k][1].toDoubles());
            assertTrue(err < 1e-7, names[k] + " relative error " + err);
        }
    }

    @Test
    void lossGradientsOfBatchPartsSumToTheBatchGradient() {
        Random random = new Random(6);
        TwoLayerNet net = TwoLayerNet.initialize(8, 6, 4, F64, TwoLayerNet.Init.HE, 0, 7);
        Matrix x = gaussian(F64, 10, 8, 1, random);
        int[] y = random.ints(10, 0, 4).toArray();
        TwoLayerNet.Loss whole = net.loss(x, y, 0);
        Matrix parts = F64.zeros(1, net.params().size());
        double loss = net.addLossGradient(x.rowRange(0, 4), java.util.Arrays.copyOfRange(y, 0, 4), 0.1, parts)
                + net.addLossGradient(x.rowRange(4, 10), java.util.Arrays.copyOfRange(y, 4, 10), 0.1, parts);
        assertEquals(whole.loss(), loss, 1e-12);
        assertArrayEquals(whole.gradient().toDoubles(), parts.toDoubles(), 1e-12);
    }

    @Test
    void adamInFloat32AgreesWithTheFloat64Path() {
        Random random = new Random(8);
        Matrix[] params = new Matrix[2];
        Matrix[] states = new Matrix[2];
        UpdateRule adam = new UpdateRule.Adam(0.9, 0.999, 1e-8);
        Precision[] ps = {F64, Precision.FLOAT32};
        double[] w0 = random.doubles(50).toArray();
        double[][] grads = new double[5][];
        for (int t = 0; t < 5; t++) {
            grads[t] = random.doubles(50, -1, 1).toArray();
        }
        for (int k = 0; k < 2; k++) {
            params[k] = ps[k].of(1, 50, w0);
            states[k] = adam.newState(params[k]);
            for (int t = 0; t < 5; t++) {
                adam.apply(params[k], ps[k].of(1, 50, grads[t]), states[k], 1e-2, t + 1);
            }
        }
        assertArrayEquals(params[0].toDoubles(), params[1].toDoubles(), 1e-6);
        assertArrayEquals(states[0].toDoubles(), states[1].toDoubles(), 1e-6);
        // from a zero state the bias-corrected first step is lr * g / |g|: every weight moves by lr
        for (Precision p : ps) {
            Matrix w = p.of(1, 50, w0);
            adam.apply(w, p.of(1, 50, grads[0]), adam.newState(w), 1e-2, 1);
            for (int i = 0; i < 50; i++) {
                assertEquals(w0[i] - 1e-2 * Math.signum(grads[0][i]), w.get(i), 1e-6);
            }
        }
    }
}
