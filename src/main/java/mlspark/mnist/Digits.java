package mlspark.mnist;

import java.util.Arrays;

import mlspark.data.LabeledData;
import mlspark.nn.LabeledRows;
import mlspark.nn.Matrix;
import mlspark.nn.Precision;

/**
 * Images (MNIST's digits, or another {@link ImageSet}) as unsigned pixel bytes, one image per row
 * of {@code dimension} pixels, and their labels 0..9. {@code source} names where they came from,
 * for messages.
 */
public record Digits(String source, int count, int dimension, byte[] pixels, int[] labels) {
    public Digits {
        if ((long) count * dimension != pixels.length || labels.length != count) {
            throw new IllegalArgumentException(source + ": " + count + " x " + dimension + " images, "
                    + pixels.length + " pixels, " + labels.length + " labels");
        }
    }

    public double pixel(int row, int col) {
        return Byte.toUnsignedInt(pixels[row * dimension + col]);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Digits range(int from, int to) {
        return new Digits(source + "[" + from + ":" + to + "]", to - from, dimension,
                Arrays.copyOfRange(pixels, from * dimension, to * dimension), Arrays.copyOfRange(labels, from, to));
    }

    /** The images as a matrix of the given precision, each pixel p becoming {@code (p - shift) * scale}. */
    public LabeledRows rows(Precision precision, double shift, double scale) {
        Matrix x = precision.zeros(count, dimension);
        for (int i = 0; i < pixels.length; i++) {
            x.set(i, (Byte.toUnsignedInt(pixels[i]) - shift) * scale);
        }
        return new LabeledRows(x, labels.clone());
    }

    /**
     * The images as the driver-side rows of the SVM jobs, each pixel p becoming {@code (p - shift) *
     * scale} (as {@link #rows}), the labels 0..9 as numbers; {@code source} names them.
     */
    public LabeledData labeledData(String source, double shift, double scale) {
        double[][] x = new double[count][dimension];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dimension; j++) {
                x[i][j] = (Byte.toUnsignedInt(pixels[i * dimension + j]) - shift) * scale;
            }
            y[i] = labels[i];
        }
        return new LabeledData(x, y, source);
    }

    /** The mean and standard deviation of all pixels (0..255 scale). */
    public double[] pixelMeanAndStd() {
        double sum = 0;
        double sumSq = 0;
        for (byte b : pixels) {
            int p = Byte.toUnsignedInt(b);
            sum += p;
            sumSq += (double) p * p;
        }
        double mean = sum / pixels.length;
        return new double[]{mean, Math.sqrt(Math.max(0, sumSq / pixels.length - mean * mean))};
    }
}
