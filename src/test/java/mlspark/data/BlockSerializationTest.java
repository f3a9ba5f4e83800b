package mlspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Arrays and blocks written in bulk come back bit for bit, as the stream's own serialization gives them. */
class BlockSerializationTest {
    private final SplittableRandom random = new SplittableRandom(11);

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    /** Lengths around the 64 KiB chunks, special values included. */
    @Test
    void arraysKeepEveryBit() throws IOException {
        for (int length : new int[]{0, 1, 8191, 8192, 8193, 16384, 20001}) {
            double[] d = random.doubles(length, -1e300, 1e300).toArray();
            float[] f = new float[length];
            int[] i = random.ints(length).toArray();
            for (int k = 0; k < length; k++) {
                f[k] = (float) random.nextGaussian();
            }
            if (length > 5) {
                d[0] = -0.0;
                d[1] = Double.longBitsToDouble(0x7ff8_0000_0000_1234L);
                d[2] = Double.NEGATIVE_INFINITY;
                d[3] = Double.MIN_VALUE;
                f[0] = -0.0f;
                f[1] = Float.intBitsToFloat(0x7fc0_0042);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                BulkArrays.writeDoubles(out, d);
                BulkArrays.writeFloats(out, f);
                BulkArrays.writeInts(out, i);
                BulkArrays.writeDoubles(out, null);
                out.writeInt(12345);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                double[] d2 = BulkArrays.readDoubles(in);
                float[] f2 = BulkArrays.readFloats(in);
                assertArrayEquals(i, BulkArrays.readInts(in));
                assertNull(BulkArrays.readDoubles(in));
                assertEquals(12345, in.readInt(), "what follows the arrays is read where it was written");
                assertEquals(length, d2.length);
                for (int k = 0; k < length; k++) {
                    assertEquals(Double.doubleToRawLongBits(d[k]), Double.doubleToRawLongBits(d2[k]), "double " + k);
                    assertEquals(Float.floatToRawIntBits(f[k]), Float.floatToRawIntBits(f2[k]), "float " + k);
                }
            }
        }
    }

    @Test
    void blocksOfEveryStorageComeBackEqual() throws Exception {
        int rows = 300;
        int d = 40;
        double[] x = random.doubles(rows * d, -1, 1).toArray();
        float[] xf = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            xf[k] = (float) x[k];
        }
        int[] starts = new int[rows + 1];
        int[] indices = new int[rows * 3];
        for (int i = 0; i < rows; i++) {
            starts[i + 1] = 3 * (i + 1);
            indices[3 * i] = i % 7;
            indices[3 * i + 1] = 10 + i % 11;
            indices[3 * i + 2] = 39;
        }
        double[] values = random.doubles(rows * 3).toArray();
        double[] labels = random.doubles(rows).map(v -> v < 0.5 ? -1 : 1).toArray();
        double[] weights = random.doubles(rows).toArray();
        FeatureBlock[] blocks = {new FeatureBlock.Dense(rows, d, x), new FeatureBlock.Float32(rows, d, xf),
                new FeatureBlock.Sparse(rows, d, starts, indices, values)};
        for (FeatureBlock features : blocks) {
            SampleBlock block = new SampleBlock(rows, d, features, labels, weights);
            SampleBlock back = roundTrip(block);
            assertEquals(features.getClass(), back.features().getClass());
            assertArrayEquals(features.denseRows(0, rows), back.features().denseRows(0, rows));
            assertArrayEquals(labels, back.labels());
            assertArrayEquals(weights, back.weights());
            if (features instanceof FeatureBlock.Sparse s) {
                FeatureBlock.Sparse t = (FeatureBlock.Sparse) back.features();
                assertArrayEquals(s.rowStarts(), t.rowStarts());
                assertArrayEquals(s.indices(), t.indices());
            }
        }
    }

    /**
     * float32 blocks multiply in single precision: against the products of the same (float)
     * values in double, margins agree to float rounding of a sum of D terms, and the gradient to
     * float rounding of sums over at most {@link FeatureBlock.Float32#GRADIENT_ROWS} rows.
     */
    @Test
    void float32ProductsAgreeWithDoubleProductsOfTheSameValues() {
        int rows = 1000;
        int d = 37;
        float[] xf = new float[rows * d];
        for (int k = 0; k < xf.length; k++) {
            xf[k] = (float) random.nextGaussian();
        }
        double[] w = random.doubles(d, -1, 1).toArray();
        double[] c = random.doubles(rows, -5, 5).map(v -> Math.abs(v) < 2 ? 0 : v).toArray();
        FeatureBlock.Float32 block = new FeatureBlock.Float32(rows, d, xf);
        double[] z = new double[rows];
        block.multiply(w, z);
        double[] g = random.doubles(d).toArray();
        double[] expectedG = g.clone();
        block.addTransposeTimes(c, g);
        for (int i = 0; i < rows; i++) {
            double s = 0;
            double scale = 0;
            for (int j = 0; j < d; j++) {
                s += xf[i * d + j] * w[j];
                scale += Math.abs(xf[i * d + j] * w[j]);
            }
            assertEquals(s, z[i], 1e-6 * scale, "margin " + i);
            for (int j = 0; j < d; j++) {
                expectedG[j] += c[i] * xf[i * d + j];
            }
        }
        double[] scale = new double[d];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                scale[j] += Math.abs(c[i] * xf[i * d + j]);
            }
        }
        for (int j = 0; j < d; j++) {
            assertEquals(expectedG[j], g[j], 1e-6 * scale[j], "gradient " + j);
        }
        // rows whose coefficient is 0 contribute nothing, whatever their values
        double[] zero = new double[d];
        block.addTransposeTimes(new double[rows], zero);
        assertArrayEquals(new double[d], zero);
    }
}
