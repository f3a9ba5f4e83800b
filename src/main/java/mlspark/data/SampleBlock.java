package mlspark.data;

import java.io.Serializable;
import java.util.List;

/**
 * Samples stacked for BLAS: {@code features} is the row-major {@code size x dimension} matrix of
 * their features, {@code labels} their labels.
 */
public record SampleBlock(int size, int dimension, double[] features, double[] labels) implements Serializable {

    public static SampleBlock of(List<Sample> samples, int dimension) {
        int n = samples.size();
        double[] x = new double[n * dimension];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            if (s.features().length != dimension) {
                throw new IllegalArgumentException("sample " + i + " has " + s.features().length
                        + " features, expected " + dimension);
            }
            System.arraycopy(s.features(), 0, x, i * dimension, dimension);
            y[i] = s.label();
        }
        return new SampleBlock(n, dimension, x, y);
    }
}
