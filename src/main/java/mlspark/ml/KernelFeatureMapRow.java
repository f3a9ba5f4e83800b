package mlspark.ml;

import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import mlspark.kernel.KernelApproximation;
import mlspark.kernel.KernelSpec;
import mlspark.kernel.NystromFeatures;
import mlspark.kernel.RandomFourierFeatures;

/**
 * A primal model's kernel feature map as the one Parquet row of its {@code featureMap} part: the
 * kind, the kernel (gamma a number), the input dimension, and the arrays that define the map, RFF's
 * frequencies (M x d) and phases, or Nystrom's landmarks (M x d) and projection (r x M), stored as
 * they are so that a loaded map scores exactly as the trained one.
 */
final class KernelFeatureMapRow {
    static final String PART = "featureMap";
    static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("kernel", DataTypes.StringType, false)
            .add("gamma", DataTypes.DoubleType, false)
            .add("degree", DataTypes.IntegerType, false)
            .add("coef0", DataTypes.DoubleType, false)
            .add("dimension", DataTypes.IntegerType, false)
            .add("points", SQLDataTypes.VectorType(), false)
            .add("coefficients", SQLDataTypes.VectorType(), false);

    private KernelFeatureMapRow() {
    }

    /** The row of {@code map}, an approximation of {@code kernel} (gamma a number). */
    static Row of(KernelSpec kernel, KernelApproximation map) {
        double gamma = Double.parseDouble(kernel.gamma());
        if (map instanceof RandomFourierFeatures rff) {
            return RowFactory.create(PrimalSvmParams.RFF, kernel.name(), gamma, kernel.degree(), kernel.coef0(),
                    rff.dimension(), new DenseVector(rff.w()), new DenseVector(rff.phase()));
        }
        NystromFeatures nystrom = (NystromFeatures) map;
        return RowFactory.create(PrimalSvmParams.NYSTROM, kernel.name(), gamma, kernel.degree(), kernel.coef0(),
                nystrom.dimension(), new DenseVector(nystrom.landmarks()), new DenseVector(nystrom.projection()));
    }

    /** The kernel of a row written by {@link #of}. */
    static KernelSpec kernel(Row row) {
        return KernelSpec.parse(row.getAs("kernel"), Double.toString(row.<Double>getAs("gamma")), row.<Integer>getAs("degree"),
                row.<Double>getAs("coef0"));
    }

    /** The map of a row written by {@link #of}. */
    static KernelApproximation map(Row row) {
        KernelSpec kernel = kernel(row);
        int d = row.<Integer>getAs("dimension");
        double[] points = ((Vector) row.getAs("points")).toArray();
        double[] coefficients = ((Vector) row.getAs("coefficients")).toArray();
        return switch (row.<String>getAs("kind")) {
            case PrimalSvmParams.RFF -> new RandomFourierFeatures(Double.parseDouble(kernel.gamma()), d, points, coefficients);
            case PrimalSvmParams.NYSTROM -> new NystromFeatures(kernel.kernel(new double[0][]), d,
                    d == 0 ? 0 : points.length / d, points, coefficients);
            default -> throw new IllegalArgumentException(PART + ": kind '" + row.getAs("kind") + "' is not one of "
                    + PrimalSvmParams.RFF + ", " + PrimalSvmParams.NYSTROM);
        };
    }
}
