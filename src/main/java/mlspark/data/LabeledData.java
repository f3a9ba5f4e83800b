package mlspark.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;

import mlspark.errors.InputException;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;

/**
 * A labelled data set held on the driver: {@code features} the points (dense rows, or sparse rows as a sparse
 * LIBSVM file gives them), {@code y[i]} the label of point i; {@code source} names where it came from (for
 * error messages and provenance).
 */
public record LabeledData(Points features, double[] y, String source) {

    public LabeledData {
        if (features.size() != y.length) {
            throw new IllegalArgumentException(source + ": " + features.size() + " feature rows but " + y.length + " labels");
        }
    }

    /** Dense rows {@code x[i]}. */
    public LabeledData(double[][] x, double[] y, String source) {
        this(new DensePoints(x), y, source);
    }

    /**
     * The rows as dense arrays: those of dense points themselves; sparse points densified once
     * ({@link SparsePoints#denseRows}), which fails when their n x d doubles would take more than a quarter of
     * the heap (a kernel method takes {@link #features}).
     */
    public double[][] x() {
        if (features instanceof DensePoints dense) {
            return dense.rows();
        }
        long bytes = (long) size() * dimension() * Double.BYTES;
        long limit = Runtime.getRuntime().maxMemory() / 4;
        if (bytes > limit) {
            throw new InputException(InputException.Kind.BAD_FORMAT, source, null, size() + " sparse rows x "
                    + dimension() + " features densified would take " + (bytes >> 20) + " MiB, more than a quarter of the heap ("
                    + (limit >> 20) + " MiB)");
        }
        return ((SparsePoints) features).denseRows();
    }

    public int size() {
        return y.length;
    }

    public int dimension() {
        return features.dimension();
    }

    /** The distinct label values, ascending. */
    public double[] labelSet() {
        TreeSet<Double> set = new TreeSet<>();
        for (double v : y) {
            set.add(v);
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Builds a data set from a feature matrix and a label vector (shape (n,) or (n,1)) read from
     * {@code file}; checks shapes and that every value is finite.
     */
    public static LabeledData of(Path file, String xField, NpyArray xArray, String yField, NpyArray yArray) {
        if (xArray.isObject() || xArray.shape().length != 2) {
            throw InputException.badFormat(file, xField, "expected a 2-d numeric array, got " + xArray);
        }
        int[] ys = yArray.shape();
        boolean vector = !yArray.isObject() && (ys.length == 1 || (ys.length == 2 && ys[1] == 1));
        if (!vector) {
            throw InputException.badFormat(file, yField, "expected a numeric vector of shape (n,) or (n, 1), got " + yArray);
        }
        int n = xArray.shape()[0];
        int d = xArray.shape()[1];
        if (ys[0] != n) {
            throw InputException.badFormat(file, yField, "has " + ys[0] + " rows but " + xField + " has " + n);
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = Arrays.copyOfRange(xArray.values(), i * d, (i + 1) * d);
        }
        LabeledData data = new LabeledData(x, yArray.values().clone(), file.toString());
        data.requireFinite(file, xField, yField);
        return data;
    }

    /** Fails with a {@link InputException.Kind#BAD_VALUES} at the first NaN or infinite value. */
    public void requireFinite(Path file, String xField, String yField) {
        double[][] x = x();
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw InputException.badValues(file, xField, "row " + i + ", column " + j + " is " + x[i][j]
                            + " (expected finite numbers)");
                }
            }
            if (!Double.isFinite(y[i])) {
                throw InputException.badValues(file, yField, "row " + i + " is " + y[i] + " (expected a finite label)");
            }
        }
    }
}
