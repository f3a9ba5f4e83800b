package mlspark.distributed;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

import mlspark.linalg.Points;

/**
 * What a features column holds, measured by one pass on the executors before the rows are gathered:
 * the rows, the values they store (a sparse vector its non-zeros, a dense one all its values; a null
 * vector none) and whether every row is a {@link SparseVector}.
 */
public record FeatureShape(long rows, long storedValues, boolean allSparse) {

    /** The shape of column {@code column} of {@code rows}, vectors of {@code dimension} features. */
    public static FeatureShape of(JavaRDD<Row> rows, int column, int dimension) {
        long[] counts = rows.map(r -> {
            Object v = r.get(column);
            return v instanceof SparseVector s ? new long[]{1, s.indices().length, 0}
                    : new long[]{1, v == null ? 0 : ((Vector) v).size(), v == null ? 0 : 1};
        }).fold(new long[3], (a, b) -> new long[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        return new FeatureShape(counts[0], counts[1], counts[2] == 0);
    }

    /**
     * Whether the rows are kept sparse: all sparse vectors with fewer than a quarter of their values non-zero
     * ({@link Points#storedSparse}), as every kernel path keeps them.
     */
    public boolean storedSparse(int dimension) {
        return allSparse && Points.storedSparse(storedValues, rows * dimension);
    }
}
