package mlspark.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import mlspark.data.FeatureBlock;
import mlspark.data.LabeledData;
import mlspark.data.SampleBlock;
import mlspark.errors.InputException;
import mlspark.linalg.Points;
import mlspark.linalg.SparsePoints;

/**
 * The one converter from labelled rows ({@code features} vector, {@code label}, optional
 * {@code weight}) to the {@link SampleBlock}s the trainers sum over, run on the executors: each
 * partition's rows are stacked into blocks of about {@link Layout#maxBytes} bytes, each stored
 * dense or sparse, whichever is smaller; for large dimensions the partitions are coalesced to the
 * cores ({@link #COALESCE_FROM_DIMENSION}). The blocks are persisted {@code MEMORY_AND_DISK}: a set
 * larger than the executors' memory spills to disk. (Not serialized in memory: a block is a few
 * primitive arrays, whose serialized form is no smaller and would cost a copy per epoch.)
 */
public final class SampleBlocks {
    /**
     * Block size: large enough for BLAS to run at speed, small enough that a block stays in the
     * CPU cache between the two passes over it (measured: 1 MiB blocks make a hinge-loss epoch
     * 1.7x faster than 3 MiB blocks). A dense block stays within it (D = 100: 1,310 rows), so its
     * array is under half a G1 region of 2 MiB (heaps of 4 to 8 GiB) and is not a humongous
     * object, which G1 gives regions of its own: a cache of blocks just over 1 MiB took twice the
     * memory Spark estimated and ran a 4 GiB JVM out of memory.
     */
    public static final int DEFAULT_BLOCK_KIB = 1024;

    /**
     * From this dimension on (a dense gradient of 1 MiB), the rows' partitions are coalesced to
     * the cluster's cores ({@code defaultParallelism}) where there are more: every partition
     * sends a dense gradient each epoch, and with D = 2^20 the 8 MiB partials of 6 input splits
     * cost more than the CSR products of 2 (measured: 4.3 against 1.6 s an epoch).
     */
    public static final int COALESCE_FROM_DIMENSION = 1 << 17;

    public static final String FEATURES = "features";
    public static final String LABEL = "label";
    public static final String WEIGHT = "weight";

    /** The schema of driver-side sets turned into rows. */
    public static final StructType SCHEMA = new StructType().add(FEATURES, new VectorUDT(), false)
            .add(LABEL, DataTypes.DoubleType, false);

    /**
     * How rows are stacked: a block closes at {@code maxRows} rows or when another row like its
     * last would take its storage past {@code maxBytes}; dense blocks store {@code storage}.
     */
    public record Layout(int dimension, long maxBytes, int maxRows, FeatureBlock.Storage storage) implements Serializable {
        public static Layout ofKib(int dimension, int kib, FeatureBlock.Storage storage) {
            return new Layout(dimension, kib * 1024L, Integer.MAX_VALUE, storage);
        }
    }

    private SampleBlocks() {
    }

    /**
     * A driver-side set as rows in {@code partitions} partitions, in order: dense vectors, or sparse ones
     * where the set's points are sparse.
     */
    public static Dataset<Row> rows(SparkSession spark, LabeledData data, int partitions) {
        List<Row> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            rows.add(RowFactory.create(vector(data.features(), i), data.y()[i]));
        }
        return spark.createDataFrame(
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions),
                SCHEMA);
    }

    /** Point i as a vector: sparse for sparse points (features from 0), else dense. */
    public static Vector vector(Points points, int i) {
        if (points instanceof SparsePoints sparse) {
            int from = sparse.rowStart()[i];
            int to = sparse.rowStart()[i + 1];
            return Vectors.sparse(sparse.dimension(), Arrays.copyOfRange(sparse.indices(), from, to),
                    Arrays.copyOfRange(sparse.values(), from, to));
        }
        return Vectors.dense(points.dense(i));
    }

    /**
     * The blocks of {@code rows} (columns {@code features}, {@code label}, and {@code weight} if
     * present), persisted. Labels must be -1/+1, or 0/1 with {@code zeroIsNegative}; every vector
     * must have {@code layout.dimension()} entries; values finite, weights finite and >= 0.
     * {@code source} names the input in error messages.
     */
    public static JavaRDD<SampleBlock> of(Dataset<Row> rows, Layout layout, boolean zeroIsNegative, String source) {
        return blocks(rows, layout, label -> signed(label, zeroIsNegative, source), source);
    }

    /**
     * The blocks of {@code rows} as {@link #of}, for a classifier of {@code classes} classes: labels
     * must be class indices 0..classes-1 and stay as they are.
     */
    public static JavaRDD<SampleBlock> ofClasses(Dataset<Row> rows, Layout layout, int classes, String source) {
        return blocks(rows, layout, label -> {
            if (!(label >= 0 && label < classes && label == Math.rint(label))) {
                throw InputException.badValues(source, LABEL, label + " is not a class index 0.." + (classes - 1));
            }
            return label;
        }, source);
    }

    /** A row's label as a block stores it, checked. */
    private interface LabelRule extends Serializable {
        double apply(double label);
    }

    private static JavaRDD<SampleBlock> blocks(Dataset<Row> rows, Layout layout, LabelRule labels, String source) {
        boolean weighted = Arrays.asList(rows.columns()).contains(WEIGHT);
        Dataset<Row> selected = weighted ? rows.select(FEATURES, LABEL, WEIGHT) : rows.select(FEATURES, LABEL);
        JavaRDD<Row> input = selected.javaRDD();
        int cores = rows.sparkSession().sparkContext().defaultParallelism();
        if (layout.dimension() >= COALESCE_FROM_DIMENSION && input.getNumPartitions() > cores) {
            input = input.coalesce(cores);
        }
        return input.mapPartitions((Iterator<Row> it) -> new Iterator<SampleBlock>() {
            private final Stacker stacker = new Stacker(layout, weighted);

            @Override
            public boolean hasNext() {
                return it.hasNext() || stacker.rows > 0;
            }

            /** The next block, stacked from the rows as they come (a partition's blocks are never all held). */
            @Override
            public SampleBlock next() {
                while (it.hasNext()) {
                    Row row = it.next();
                    Vector v = (Vector) row.get(0);
                    double label = labels.apply(row.isNullAt(1) ? Double.NaN : row.getDouble(1));
                    double weight = weighted ? (row.isNullAt(2) ? Double.NaN : ((Number) row.get(2)).doubleValue()) : 1;
                    if (!(weight >= 0) || Double.isInfinite(weight)) {
                        throw InputException.badValues(source, WEIGHT, weight
                                + " (expected a finite weight >= 0)");
                    }
                    if (v == null || v.size() != layout.dimension()) {
                        throw InputException.badFormat(source, FEATURES, "a row has "
                                + (v == null ? "no vector" : v.size() + " features") + ", expected " + layout.dimension());
                    }
                    if (stacker.add(v, label, weight, source)) {
                        return stacker.build();
                    }
                }
                if (stacker.rows == 0) {
                    throw new java.util.NoSuchElementException();
                }
                return stacker.build();
            }
        }).persist(StorageLevel.MEMORY_AND_DISK());
    }

    private static double signed(double label, boolean zeroIsNegative, String source) {
        if (label == 1 || label == -1 && !zeroIsNegative) {
            return label;
        }
        if (label == 0 && zeroIsNegative) {
            return -1;
        }
        throw InputException.badValues(source, LABEL, label + " is not in "
                + (zeroIsNegative ? "{0, 1}" : "{-1, +1}"));
    }

    /** The rows of one block, in CSR arrays that grow. */
    private static final class Stacker {
        private final Layout layout;
        private final long denseRowBytes;
        private int rows;
        private long bytes;
        private int[] rowStarts = new int[64];
        private int[] indices = new int[1024];
        private double[] values = new double[1024];
        private double[] labels = new double[64];
        private double[] weights;

        Stacker(Layout layout, boolean weighted) {
            this.layout = layout;
            this.denseRowBytes = (long) layout.dimension() * layout.storage().bytesPerValue();
            this.weights = weighted ? new double[64] : null;
        }

        /** Adds a row; true when the block is full. */
        boolean add(Vector v, double label, double weight, String source) {
            if (rows + 1 >= rowStarts.length) {
                rowStarts = Arrays.copyOf(rowStarts, rowStarts.length * 2);
                labels = Arrays.copyOf(labels, labels.length * 2);
                if (weights != null) {
                    weights = Arrays.copyOf(weights, weights.length * 2);
                }
            }
            int start = rowStarts[rows];
            int nnz = v instanceof SparseVector s ? s.indices().length : v.size();
            if (start + nnz > indices.length) {
                int capacity = Math.max(indices.length * 2, start + nnz);
                indices = Arrays.copyOf(indices, capacity);
                values = Arrays.copyOf(values, capacity);
            }
            int k = start;
            if (v instanceof SparseVector s) {
                int[] idx = s.indices();
                double[] val = s.values();
                for (int e = 0; e < idx.length; e++) {
                    k = put(k, idx[e], val[e], source);
                }
            } else {
                double[] val = ((DenseVector) v).values();
                for (int j = 0; j < val.length; j++) {
                    k = put(k, j, val[j], source);
                }
            }
            labels[rows] = label;
            if (weights != null) {
                weights[rows] = weight;
            }
            rows++;
            rowStarts[rows] = k;
            long rowBytes = Math.min(denseRowBytes, 12L * (k - start) + 4);
            bytes += rowBytes;
            // full when another row like this one would not fit
            return rows >= layout.maxRows() || bytes + rowBytes > layout.maxBytes();
        }

        private int put(int k, int index, double value, String source) {
            if (!Double.isFinite(value)) {
                throw InputException.badValues(source, FEATURES, "feature " + (index + 1)
                        + " is " + value + " (expected finite numbers)");
            }
            if (value != 0) {
                indices[k] = index;
                values[k] = value;
                return k + 1;
            }
            return k;
        }

        SampleBlock build() {
            FeatureBlock features = FeatureBlock.of(rows, layout.dimension(), Arrays.copyOf(rowStarts, rows + 1),
                    indices, values, layout.storage());
            SampleBlock block = new SampleBlock(rows, layout.dimension(), features, Arrays.copyOf(labels, rows),
                    weights == null ? null : Arrays.copyOf(weights, rows));
            rows = 0;
            bytes = 0;
            return block;
        }
    }
}
