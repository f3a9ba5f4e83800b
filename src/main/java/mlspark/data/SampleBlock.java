package mlspark.data;

import java.io.Serializable;
import java.util.List;

/**
 * Samples stacked for BLAS: {@code features} their feature rows (dense or sparse), {@code labels}
 * their labels, {@code weights} their per-sample cost factors (null when every weight is 1).
 */
public record SampleBlock(int size, int dimension, FeatureBlock features, double[] labels, double[] weights)
        implements Serializable {

    public SampleBlock {
        if (features.rows() != size || features.dimension() != dimension || labels.length != size
                || (weights != null && weights.length != size)) {
            throw new IllegalArgumentException("block of " + size + " x " + dimension + " has features "
                    + features.rows() + " x " + features.dimension() + ", " + labels.length + " labels"
                    + (weights == null ? "" : ", " + weights.length + " weights"));
        }
    }

    /** A dense float64 block of the row-major {@code size x dimension} matrix {@code x}, weights 1. */
    public static SampleBlock dense(int size, int dimension, double[] x, double[] labels) {
        return new SampleBlock(size, dimension, new FeatureBlock.Dense(size, dimension, x), labels, null);
    }

    /** The weight of sample {@code i}. */
    public double weight(int i) {
        return weights == null ? 1 : weights[i];
    }

    public static SampleBlock of(List<Sample> samples, int dimension) {
        int n = samples.size();
        double[] x = new double[n * dimension];
        double[] y = new double[n];
        double[] w = new double[n];
        boolean weighted = false;
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            if (s.features().length != dimension) {
                throw new IllegalArgumentException("sample " + i + " has " + s.features().length
                        + " features, expected " + dimension);
            }
            System.arraycopy(s.features(), 0, x, i * dimension, dimension);
            y[i] = s.label();
            w[i] = s.weight();
            weighted |= s.weight() != 1;
        }
        return new SampleBlock(n, dimension, new FeatureBlock.Dense(n, dimension, x), y, weighted ? w : null);
    }
}
