package mlspark.ml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;

import mlspark.data.LabeledData;
import mlspark.data.Sample;
import mlspark.distributed.FeatureShape;
import mlspark.linalg.DensePoints;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;

/**
 * The rows of a training Dataset as the trainers take them: labels checked and mapped, features as dense
 * arrays (a sparse vector is densified row by row) or, for the kernel SVM, as a point set that keeps the
 * rows' representation ({@link #points}), weights checked.
 */
final class TrainingRows {
    private TrainingRows() {
    }

    /** The distinct labels of the data set, ascending (computed by Spark; only the distinct values reach the driver). */
    static double[] labelSet(Dataset<?> dataset, String labelCol) {
        List<Row> rows = dataset.select(col(labelCol).cast("double")).distinct().limit(1001).collectAsList();
        return rows.stream().mapToDouble(r -> r.isNullAt(0) ? Double.NaN : r.getDouble(0)).sorted().toArray();
    }

    /**
     * The label column's number of classes as its metadata gives it (MLlib's binary or nominal
     * attribute), or null.
     */
    static Integer declaredNumClasses(Dataset<?> dataset, String labelCol) {
        scala.Option<Object> k = org.apache.spark.ml.util.MetadataUtils.getNumClasses(dataset.schema().apply(labelCol));
        return k.isDefined() ? (Integer) k.get() : null;
    }

    /**
     * Checks that a binary classifier's distinct labels ({@link #labelSet}) are {0, 1} or {-1, +1}, both
     * classes present; returns the label that stands for the positive class's opposite ({@code 0} or {@code -1}).
     */
    static double requireBinary(double[] set, String labelCol) {
        boolean zeroOne = Arrays.stream(set).allMatch(v -> v == 0 || v == 1);
        boolean signed = Arrays.stream(set).allMatch(v -> v == -1 || v == 1);
        if (!zeroOne && !signed) {
            throw new IllegalArgumentException("labelCol '" + labelCol + "': labels " + describe(set)
                    + " are not a binary label set (expected {0, 1} or {-1, +1})");
        }
        if (set.length < 2) {
            throw new IllegalArgumentException("labelCol '" + labelCol + "': the training set has only the label "
                    + (set.length == 0 ? "(none: it is empty)" : set[0]) + "; a classifier needs both classes");
        }
        return signed ? -1 : 0;
    }

    /** Checks that the labels are class indices 0..K-1 (K >= 2) and returns K. */
    static int requireClassIndices(Dataset<?> dataset, String labelCol) {
        return requireClassIndices(labelSet(dataset, labelCol), labelCol);
    }

    /** {@link #requireClassIndices} of a data set's distinct labels, {@link #labelSet}. */
    static int requireClassIndices(double[] set, String labelCol) {
        for (double v : set) {
            if (!(v >= 0 && v == Math.rint(v) && v < Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("labelCol '" + labelCol + "': label " + v
                        + " is not a class index (expected integers 0, 1, ..., K-1)");
            }
        }
        if (set.length < 2) {
            throw new IllegalArgumentException("labelCol '" + labelCol + "': the training set has "
                    + (set.length == 0 ? "no rows" : "only class " + (int) set[0]) + "; a classifier needs two classes or more");
        }
        return (int) set[set.length - 1] + 1;
    }

    private static String describe(double[] set) {
        return set.length > 1000 ? "(more than 1000 distinct values)" : Arrays.toString(set);
    }

    /** The size of the feature vectors (of the first row; every row is checked where it is used). */
    static int numFeatures(Dataset<?> dataset, String featuresCol) {
        List<Row> first = dataset.select(featuresCol).limit(1).collectAsList();
        if (first.isEmpty()) {
            throw new IllegalArgumentException("featuresCol '" + featuresCol + "': the training set is empty");
        }
        return ((Vector) first.get(0).get(0)).size();
    }

    /** A label as the samples take it (it runs on the executors). */
    @FunctionalInterface
    interface LabelMap extends Serializable {
        double apply(double label);
    }

    /**
     * The rows as samples on the executors (the cascade's sub-problems take points, not blocks), labels as
     * {@code label} maps them, features as {@link #points} decides: sparse (nothing densified) when every row is
     * a {@link SparseVector} and fewer than a quarter of their values are non-zero ({@link Points#storedSparse}),
     * else dense; each checked for size and finite values.
     */
    static JavaRDD<Sample> samples(Dataset<?> dataset, String featuresCol, String labelCol, int dimension,
                                   LabelMap label) {
        JavaRDD<Row> rows = dataset.select(col(labelCol).cast("double"), col(featuresCol)).toJavaRDD();
        boolean sparse = FeatureShape.of(rows, 1, dimension).storedSparse(dimension);
        return rows.map(r -> {
            double y = label.apply(r.getDouble(0));
            SparseVector v = sparse ? sparseFeatures(r.get(1), featuresCol, dimension) : null;
            if (v == null) {
                return new Sample(y, features(r.get(1), featuresCol, dimension));
            }
            return Sample.sparse(y, dimension, v.indices(), v.values());
        });
    }

    /** The rows on the driver with labels -1/+1, for the dual QP (which needs every point there). */
    static LabeledData collectSigned(Dataset<?> dataset, String featuresCol, String labelCol, double negative) {
        return collect(dataset, featuresCol, labelCol, label -> label == negative ? -1 : 1);
    }

    /** The rows on the driver with their labels as {@code label} maps them, their features as {@link #points}. */
    static LabeledData collect(Dataset<?> dataset, String featuresCol, String labelCol, DoubleUnaryOperator label) {
        int d = numFeatures(dataset, featuresCol);
        List<Row> rows = dataset.select(col(labelCol).cast("double"), col(featuresCol)).collectAsList();
        List<Object> vectors = new ArrayList<>(rows.size());
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            vectors.add(rows.get(i).get(1));
            y[i] = label.applyAsDouble(rows.get(i).getDouble(0));
        }
        return new LabeledData(points(vectors, featuresCol, d), y, "featuresCol '" + featuresCol + "'");
    }

    /**
     * Feature vectors as a point set: sparse (CSR, nothing densified) when every vector is a {@link SparseVector}
     * (as MLlib's LIBSVM reader gives them) and fewer than a quarter of their values are non-zero
     * ({@link SparsePoints#compacted}), else dense rows; each checked for size and finite values.
     */
    static Points points(List<?> vectors, String featuresCol, int dimension) {
        boolean sparse = !vectors.isEmpty() && vectors.stream().allMatch(v -> v instanceof SparseVector);
        if (!sparse) {
            double[][] x = new double[vectors.size()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = features(vectors.get(i), featuresCol, dimension);
            }
            return new DensePoints(x);
        }
        int[] start = new int[vectors.size() + 1];
        for (int i = 0; i < vectors.size(); i++) {
            SparseVector v = (SparseVector) vectors.get(i);
            requireSize(v, featuresCol, dimension);
            start[i + 1] = start[i] + v.indices().length;
        }
        int[] indices = new int[start[vectors.size()]];
        double[] values = new double[indices.length];
        for (int i = 0; i < vectors.size(); i++) {
            SparseVector v = (SparseVector) vectors.get(i);
            System.arraycopy(v.indices(), 0, indices, start[i], v.indices().length);
            System.arraycopy(v.values(), 0, values, start[i], v.values().length);
        }
        requireFinite(values, featuresCol);
        return new SparsePoints(dimension, start, indices, values).compacted();
    }

    /** A row's features as a dense array, checked for size and finite values. */
    static double[] features(Object value, String featuresCol, int dimension) {
        if (value == null) {
            throw new IllegalArgumentException("featuresCol '" + featuresCol + "': a row has no features (null)");
        }
        Vector v = (Vector) value;
        requireSize(v, featuresCol, dimension);
        double[] x = v.toArray();
        requireFinite(x, featuresCol);
        return x;
    }

    /** A row's features checked for size and finite values: a sparse vector as it is, else null. */
    static SparseVector sparseFeatures(Object value, String featuresCol, int dimension) {
        if (!(value instanceof SparseVector v)) {
            return null;
        }
        requireSize(v, featuresCol, dimension);
        requireFinite(v.values(), featuresCol);
        return v;
    }

    private static void requireSize(Vector v, String featuresCol, int dimension) {
        if (v.size() != dimension) {
            throw new IllegalArgumentException("featuresCol '" + featuresCol + "': a row has " + v.size()
                    + " features, the first row " + dimension);
        }
    }

    private static void requireFinite(double[] values, String featuresCol) {
        for (double e : values) {
            if (!Double.isFinite(e)) {
                throw new IllegalArgumentException("featuresCol '" + featuresCol + "': a row has the value " + e
                        + "; features must be finite");
            }
        }
    }
}
