package mlspark.data;

import java.io.Serializable;
import java.util.List;

import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;

/**
 * One labelled sample, the element of the jobs' RDDs; {@code weight} scales its cost (1: unweighted). Its
 * features are dense ({@code indices} null: {@code values} all {@code dimension} of them) or sparse
 * ({@code values[t]} at the 0-based feature {@code indices[t]}, ascending; the others 0), so that a sparse row
 * takes memory in its non-zeros, never in its dimension.
 */
public record Sample(double label, int dimension, int[] indices, double[] values, double weight) implements Serializable {

    public Sample {
        if (indices == null ? values.length != dimension : indices.length != values.length) {
            throw new IllegalArgumentException("a sample of dimension " + dimension + " with " + values.length
                    + " values and " + (indices == null ? "no" : indices.length) + " indices");
        }
    }

    /** Dense features. */
    public Sample(double label, double[] features, double weight) {
        this(label, features.length, null, features, weight);
    }

    /** Dense features, weight 1. */
    public Sample(double label, double[] features) {
        this(label, features, 1);
    }

    /** Sparse features, weight 1: {@code values[t]} at feature {@code indices[t]} (ascending), the others 0. */
    public static Sample sparse(double label, int dimension, int[] indices, double[] values) {
        return new Sample(label, dimension, indices, values, 1);
    }

    public boolean isSparse() {
        return indices != null;
    }

    /** All {@code dimension} features: a dense sample's own array (not a copy), a sparse sample's densified. */
    public double[] features() {
        if (indices == null) {
            return values;
        }
        double[] x = new double[dimension];
        for (int t = 0; t < indices.length; t++) {
            x[indices[t]] = values[t];
        }
        return x;
    }

    /** The same features and weight with the label {@code label}. */
    public Sample withLabel(double label) {
        return new Sample(label, dimension, indices, values, weight);
    }

    /**
     * The features of {@code samples} as a point set: dense rows (the samples' own arrays) when the samples are
     * dense, compressed sparse rows when they are sparse (nothing densified); all of one kind and one dimension.
     */
    public static Points points(List<Sample> samples) {
        if (samples.isEmpty()) {
            return new DensePoints(new double[0][]);
        }
        Sample first = samples.get(0);
        int[] rowStart = new int[samples.size() + 1];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (s.isSparse() != first.isSparse() || s.dimension() != first.dimension()) {
                throw new IllegalArgumentException("sample " + i + " is " + (s.isSparse() ? "sparse" : "dense")
                        + " of dimension " + s.dimension() + ", sample 0 " + (first.isSparse() ? "sparse" : "dense")
                        + " of dimension " + first.dimension() + "; expected samples of one kind and dimension");
            }
            rowStart[i + 1] = rowStart[i] + s.values().length;
        }
        if (!first.isSparse()) {
            return new DensePoints(samples.stream().map(Sample::values).toArray(double[][]::new));
        }
        int[] indices = new int[rowStart[samples.size()]];
        double[] values = new double[indices.length];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            System.arraycopy(s.indices(), 0, indices, rowStart[i], s.indices().length);
            System.arraycopy(s.values(), 0, values, rowStart[i], s.values().length);
        }
        return new SparsePoints(first.dimension(), rowStart, indices, values);
    }
}
